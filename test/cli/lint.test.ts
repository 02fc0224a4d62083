import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { BAD, dockwise, FIXTURES, GOOD, json, ONLY_KEEP_ALIVE, tempDir } from './helpers';

const badText = readFileSync(path.join(FIXTURES, 'bad', 'Dockerfile'), 'utf8');

describe('dockwise lint: exit codes', () => {
    it('exits 0 when nothing reaches the threshold', () => {
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, GOOD]);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, '');
    });
    it('exits 1 when a finding reaches the threshold', () => {
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, BAD]);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /keep-alive-hack/);
    });
    it('lints without the command word, as hadolint does', () => {
        assert.equal(dockwise([...ONLY_KEEP_ALIVE, BAD]).code, 1);
    });
    for (const args of [
        ['lint', '--bogus', BAD],
        ['lint', '--format', 'xml', BAD],
        ['lint', '--rule', 'keep-alive-hack', BAD],
        ['lint', '--rule', 'keep-alive-hack=fatal', BAD],
        ['lint', '--rule', 'no-such-rule=error', BAD],
        ['lint', '--rules', 'some', BAD],
        ['lint', '--severity-threshold', 'style', BAD],
        ['lint', '--config'],
        ['lint', '-', '-'],
    ]) {
        it(`exits 2 on bad usage: ${args.slice(1).join(' ')}`, () => {
            const r = dockwise(args);
            assert.equal(r.code, 2);
            assert.equal(r.stdout, '');
            assert.match(r.stderr, /^dockwise: .+\n$/);
        });
    }
    it('suggests the closest name for a mistyped option or rule', () => {
        assert.match(dockwise(['lint', '--formt', 'json', BAD]).stderr, /did you mean "--format"/);
        assert.match(dockwise(['lint', '--rule', 'keep-alive-hak=off', BAD]).stderr, /did you mean "keep-alive-hack"/);
    });
    it('exits 2 with nothing on stdout when a path does not exist, even after good files', () => {
        const r = dockwise(['lint', '--format', 'json', BAD, 'test/fixtures/cli/missing/Dockerfile']);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /cannot read test\/fixtures\/cli\/missing\/Dockerfile: no such file or directory/);
    });
    it('exits 2 with nothing on stdout when a found Dockerfile cannot be read', () => {
        const { dir, cleanup } = tempDir();
        try {
            writeFileSync(path.join(dir, 'Dockerfile'), badText);
            symlinkSync(path.join(dir, 'gone'), path.join(dir, 'Dockerfile.broken'));
            const r = dockwise(['lint', '--format', 'json', '.'], { cwd: dir });
            assert.equal(r.code, 2);
            assert.equal(r.stdout, '');
            assert.match(r.stderr, /cannot read Dockerfile\.broken/);
        } finally {
            cleanup();
        }
    });
    it('exits 2 when a file is not readable (permissions)', (t) => {
        if (process.getuid?.() === 0) {
            t.skip('root reads any file');
            return;
        }
        const { dir, cleanup } = tempDir();
        try {
            writeFileSync(path.join(dir, 'Dockerfile'), badText);
            chmodSync(path.join(dir, 'Dockerfile'), 0o000);
            const r = dockwise(['lint', 'Dockerfile'], { cwd: dir });
            assert.equal(r.code, 2);
            assert.equal(r.stdout, '');
            assert.match(r.stderr, /permission denied/);
        } finally {
            cleanup();
        }
    });
    it('exits 2 when a folder holds no Dockerfile', () => {
        const r = dockwise(['lint', 'test/fixtures/cli/config']);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /no Dockerfiles found in test\/fixtures\/cli\/config/);
    });
});

describe('dockwise lint: files', () => {
    it('searches folders for Dockerfile names, skipping node_modules, .git and ignore files', () => {
        const { dir, cleanup } = tempDir();
        try {
            const files = [
                'Dockerfile',
                'Containerfile',
                'lower/dockerfile',
                'sub/Dockerfile.dev',
                'sub/api.dockerfile',
                'sub/web.Dockerfile',
                'x/Containerfile.prod',
                'x/y.containerfile',
            ];
            const ignored = [
                'node_modules/pkg/Dockerfile',
                '.git/Dockerfile',
                'Dockerfile.dockerignore',
                'sub/api.dockerfile.dockerignore',
                'notes.txt',
                'DOCKERFILE',
                'sub/Dockerfile-old',
                'sub/mydockerfile',
            ];
            for (const f of [...files, ...ignored]) {
                mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
                writeFileSync(path.join(dir, f), badText);
            }
            // A link back up the tree must not make the search loop.
            symlinkSync(dir, path.join(dir, 'sub', 'loop'));
            const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '--format', 'json', '.'], { cwd: dir });
            assert.equal(r.code, 1, r.stderr);
            const found = json(r).map((f) => f.file);
            assert.deepEqual([...found].sort(), [...files].sort());
            const nested = dockwise(['lint', ...ONLY_KEEP_ALIVE, '--format', 'json', 'sub'], { cwd: dir });
            assert.deepEqual(
                json(nested).map((f) => f.file),
                ['sub/Dockerfile.dev', 'sub/api.dockerfile', 'sub/web.Dockerfile'],
            );
        } finally {
            cleanup();
        }
    });
    it('lints a file given by name whatever its name, once even if given twice', () => {
        const { dir, cleanup } = tempDir();
        try {
            writeFileSync(path.join(dir, 'nginx.txt'), badText);
            const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '--format', 'json', 'nginx.txt', './nginx.txt'], {
                cwd: dir,
            });
            assert.deepEqual(
                json(r).map((f) => f.file),
                ['nginx.txt'],
            );
        } finally {
            cleanup();
        }
    });
    it('reads standard input for -', () => {
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '--format', 'json', '-'], { input: badText });
        assert.equal(r.code, 1, r.stderr);
        assert.deepEqual(
            json(r).map((f) => [f.file, f.line, f.rule]),
            [['-', 4, 'keep-alive-hack']],
        );
        const named = dockwise(
            ['lint', ...ONLY_KEEP_ALIVE, '-f', 'json', '--stdin-filename', 'api/Dockerfile', '-', GOOD],
            {
                input: badText,
            },
        );
        assert.deepEqual(
            json(named).map((f) => f.file),
            ['api/Dockerfile'],
        );
    });
    it('ignores a UTF-8 byte order mark, so columns match the editor', () => {
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '-f', 'json', '-'], { input: '\ufeff' + badText });
        assert.deepEqual(
            json(r).map((f) => [f.line, f.column]),
            [[4, 28]],
        );
    });
});

describe('dockwise lint: severities and rule selection', () => {
    it('--severity-threshold decides the exit code, not the report', () => {
        const error = dockwise(['lint', ...ONLY_KEEP_ALIVE, '-t', 'error', BAD]);
        assert.equal(error.code, 0);
        assert.match(error.stdout, /keep-alive-hack/);
        assert.equal(dockwise(['lint', ...ONLY_KEEP_ALIVE, '--severity-threshold=warning', BAD]).code, 1);
        assert.equal(dockwise(['lint', ...ONLY_KEEP_ALIVE, '--severity-threshold', 'none', BAD]).code, 0);
    });
    it('the default threshold is info: hints are reported but do not fail', () => {
        const hint = ['--rules', 'none', '--rule', 'keep-alive-hack=hint', BAD];
        const r = dockwise(['lint', ...hint]);
        assert.equal(r.code, 0);
        assert.match(r.stdout, /hint/);
        assert.equal(dockwise(['lint', '-t', 'hint', ...hint]).code, 1);
        assert.equal(dockwise(['lint', '--rules', 'none', '--rule', 'keep-alive-hack=info', BAD]).code, 1);
    });
    it('--rule overrides the default severity and turns rules off', () => {
        const r = dockwise(['lint', '--rules', 'none', '--rule', 'keep-alive-hack=error', '-f', 'json', BAD]);
        assert.deepEqual(
            json(r).map((f) => f.severity),
            ['error'],
        );
        const off = dockwise(['lint', '--rule', 'keep-alive-hack=off', '-f', 'json', BAD]);
        assert.deepEqual(
            json(off).filter((f) => f.rule === 'keep-alive-hack'),
            [],
        );
    });
    it('--rules none runs only the rules turned on by name', () => {
        const r = dockwise(['lint', '--rules', 'none', '-f', 'json', BAD]);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(json(r), []);
    });
    it('--rules all turns on the rules that are off by default', () => {
        const rule = RULES.find((r) => r.offByDefault);
        if (!rule) {
            // No rule is off by default yet: --rules all must still leave explicit settings in charge.
            const r = dockwise(['lint', '--rules', 'all', '--rule', 'keep-alive-hack=off', '-f', 'json', BAD]);
            assert.deepEqual(
                json(r).filter((f) => f.rule === 'keep-alive-hack'),
                [],
            );
            assert.equal(
                json(dockwise(['lint', '--rules', 'all', '-f', 'json', BAD])).filter(
                    (f) => f.rule === 'keep-alive-hack',
                ).length,
                1,
            );
            return;
        }
        const ids = (args: string[]) =>
            json(dockwise(['lint', ...args, '-f', 'json', '-'], { input: rule.docs.bad })).map((f) => f.rule);
        assert.ok(!ids([]).includes(rule.id), `${rule.id} is off by default`);
        assert.ok(ids(['--rules', 'all']).includes(rule.id), `--rules all turns ${rule.id} on`);
    });
    it('accepts hadolint, BuildKit and Trivy ids for a rule', (t) => {
        const rule = RULES.find((r) => (r.equivalents.hadolint?.length ?? 0) > 0);
        if (!rule) {
            t.skip('no rule has a hadolint equivalent yet');
            return;
        }
        const hadolintId = rule.equivalents.hadolint![0]!;
        const r = dockwise(['lint', '--rules', 'none', '--rule', `${hadolintId}=error`, '-f', 'json', '-'], {
            input: rule.docs.bad,
        });
        const mine = json(r).filter((f) => f.rule === rule.id);
        assert.ok(mine.length > 0, `${hadolintId} turns on ${rule.id}`);
        assert.ok(mine.every((f) => f.severity === 'error'));
        assert.deepEqual(mine[0]!.equivalents.hadolint, [...rule.equivalents.hadolint!]);
    });
    it('--no-inline-suppressions ignores ignore comments', () => {
        const suppressed = badText.replace('CMD ', '# dockwise ignore=keep-alive-hack\nCMD ');
        const args = ['lint', ...ONLY_KEEP_ALIVE, '-f', 'json', '-'];
        assert.deepEqual(json(dockwise(args, { input: suppressed })), []);
        assert.equal(json(dockwise([...args, '--no-inline-suppressions'], { input: suppressed })).length, 1);
    });
});

describe('dockwise lint --config', () => {
    const keepAlive = (args: string[]) =>
        json(dockwise(['lint', '-f', 'json', ...args, BAD])).filter((f) => f.rule === 'keep-alive-hack');
    it('reads rule severities from YAML', () => {
        assert.deepEqual(
            keepAlive(['--config', 'test/fixtures/cli/config/error.yaml']).map((f) => f.severity),
            ['error'],
        );
    });
    it('reads rule severities from JSON', () => {
        assert.deepEqual(keepAlive(['-c', 'test/fixtures/cli/config/off.json']), []);
    });
    it('lets --rule flags win over the config file', () => {
        const r = keepAlive(['-c', 'test/fixtures/cli/config/error.yaml', '--rule', 'keep-alive-hack=info']);
        assert.deepEqual(
            r.map((f) => f.severity),
            ['info'],
        );
    });
    it('reads inlineSuppressions', () => {
        const { dir, cleanup } = tempDir();
        try {
            writeFileSync(path.join(dir, 'c.yml'), 'inlineSuppressions: false\n');
            const input = badText.replace('CMD ', '# dockwise ignore=keep-alive-hack\nCMD ');
            const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '-c', path.join(dir, 'c.yml'), '-f', 'json', '-'], {
                input,
            });
            assert.equal(json(r).length, 1);
        } finally {
            cleanup();
        }
    });
    for (const [file, message] of [
        ['unknown-rule.yaml', /rules\.keep-alive-hak: unknown rule id \(did you mean "keep-alive-hack"\?\)/],
        [
            'bad-severity.json',
            /rules\.keep-alive-hack: severity must be off, hint, info, warning or error, not "fatal"/,
        ],
        ['bad-syntax.json', /is not valid JSON: .*line 1 column/],
        ['unknown-key.yaml', /rule: unknown key \(did you mean "rules"\?\)/],
        ['missing.yaml', /cannot read config .*missing\.yaml: no such file or directory/],
    ] as const) {
        it(`rejects ${file} with exit 2, one line on stderr and nothing on stdout`, () => {
            const r = dockwise(['lint', '-f', 'sarif', '-c', `test/fixtures/cli/config/${file}`, BAD]);
            assert.equal(r.code, 2);
            assert.equal(r.stdout, '');
            assert.match(r.stderr, message);
            assert.equal(r.stderr.trim().split('\n').length, 1);
        });
    }
});
