import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type CliRun, dockwise, json, tempDir } from './helpers';

// hadolint's config, the build's .dockerignore and `# check=error=true`, through the bundled CLI,
// in a temporary repository with its own HOME (so no config of the machine is read).

const LATEST = 'FROM alpine:latest\nCMD echo hi\n';

describe('dockwise lint: hadolint config, .dockerignore, check=error', () => {
    let tmp: { dir: string; cleanup: () => void };
    let env: NodeJS.ProcessEnv;
    const at = (rel: string) => path.join(tmp.dir, rel);
    const write = (rel: string, text: string) => {
        mkdirSync(path.dirname(at(rel)), { recursive: true });
        writeFileSync(at(rel), text);
        return at(rel);
    };
    const run = (args: string[], cwd = at('repo'), input?: string): CliRun =>
        dockwise(['lint', '-f', 'json', ...args], { cwd, env, input });
    const rules = (r: CliRun) => json(r).map((f) => `${f.rule}:${f.severity}`);

    before(() => {
        tmp = tempDir();
        env = { HOME: at('home'), XDG_CONFIG_HOME: '' };
        mkdirSync(at('repo/.git'), { recursive: true });
        write('repo/.hadolint.yaml', 'ignored: [DL3007]\nfailure-threshold: error\n');
        write('repo/app/Dockerfile', LATEST);
    });
    after(() => tmp.cleanup());

    it('finds .hadolint.yaml from the Dockerfile up to the repository root and honours failure-threshold', () => {
        const r = run(['app/Dockerfile']);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(rules(r), ['cmd-exec-form:warning']);
        assert.equal(run(['-t', 'warning', 'app/Dockerfile']).code, 1, '-t wins over failure-threshold');
        const elsewhere = run([at('repo/app/Dockerfile')], tmp.dir);
        assert.deepEqual(rules(elsewhere), ['cmd-exec-form:warning'], 'found from any working directory');
    });

    it('reads no config above a folder that is not in a repository, but the one in the working directory', () => {
        write('loose/.hadolint.yaml', 'ignored: [DL3025]\n');
        write('loose/sub/Dockerfile', LATEST);
        assert.deepEqual(rules(run([at('loose/sub/Dockerfile')], tmp.dir)), [
            'base-image-latest:warning',
            'cmd-exec-form:warning',
        ]);
        assert.deepEqual(rules(run(['sub/Dockerfile'], at('loose'))), ['base-image-latest:warning']);
    });

    it('falls back to the user-level config, and --no-hadolint-config reads none', () => {
        write('home/.config/hadolint.yaml', 'override:\n  error: [DL3007]\n');
        write('solo/Dockerfile', LATEST);
        assert.deepEqual(rules(run(['Dockerfile'], at('solo'))), ['base-image-latest:error', 'cmd-exec-form:warning']);
        assert.deepEqual(rules(run(['--no-hadolint-config', 'app/Dockerfile'])), [
            'base-image-latest:warning',
            'cmd-exec-form:warning',
        ]);
    });

    it('takes a hadolint file with --config, by name or by its keys, instead of the search', () => {
        write('cfg/.hadolint.yaml', 'override:\n  info: [DL3025]\n');
        write('cfg/lint.yml', 'override:\n  style: [DL3025]\n');
        assert.deepEqual(rules(run(['-c', at('cfg/.hadolint.yaml'), 'app/Dockerfile'])), [
            'base-image-latest:warning',
            'cmd-exec-form:info',
        ]);
        assert.deepEqual(rules(run(['-c', at('cfg/lint.yml'), 'app/Dockerfile'])), [
            'base-image-latest:warning',
            'cmd-exec-form:hint',
        ]);
    });

    it('maps trustedRegistries, label-schema and strict-labels to the rules, and warns about the rest', () => {
        const config = write(
            'cfg/labels.hadolint.yaml',
            'trustedRegistries: [docker.io]\nlabel-schema:\n  org.opencontainers.image.source: url\nstrict-labels: true\nverbose: true\n',
        );
        write('repo/labels/Dockerfile', 'FROM quay.io/org/app:1.0\nLABEL foo=bar\nCMD ["app"]\n');
        const r = run(['-c', config, 'labels/Dockerfile']);
        assert.deepEqual(
            json(r)
                .map((f) => f.rule)
                .sort(),
            ['label-missing', 'label-superfluous', 'trusted-registry'],
        );
        assert.match(r.stderr, /^dockwise: warning: .*labels\.hadolint\.yaml: verbose: output setting/m);
    });

    it('lets the Dockwise config file and --rule win over the hadolint config', () => {
        const config = write('cfg/dockwise.yaml', 'rules:\n  base-image-latest: info\n');
        assert.deepEqual(rules(run(['-c', config, '--rule', 'DL3025=error', 'app/Dockerfile'])), [
            'base-image-latest:info',
            'cmd-exec-form:error',
        ]);
    });

    it('exits 2 on a malformed hadolint config, naming the file and the line', () => {
        write('bad/.git/HEAD', '');
        const config = write('bad/.hadolint.yml', 'ignored:\n  - DL3007\n override: 3\n');
        write('bad/Dockerfile', LATEST);
        const r = run(['Dockerfile'], at('bad'));
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.ok(r.stderr.includes(`hadolint config ${config} is invalid`), r.stderr);
        assert.match(r.stderr, /line \d+/);
        assert.equal(run(['-c', config, 'app/Dockerfile']).code, 2);
    });

    it('reads the .dockerignore of the build context, Dockerfile.dockerignore first', () => {
        const text = 'FROM alpine:3.20\nWORKDIR /app\nCOPY .env secret.txt ./\nCMD ["app"]\n';
        write('repo/ctx/.dockerignore', '.env\n');
        write('repo/ctx/Dockerfile', text);
        write('repo/ctx/api.Dockerfile', text);
        write('repo/ctx/api.Dockerfile.dockerignore', 'secret.txt\n');
        const r = json(run(['--rules', 'none', '--rule', 'CopyIgnoredFile=warning', 'ctx']));
        assert.deepEqual(
            r.map((f) => `${path.basename(f.file)}:${f.column}`),
            ['Dockerfile:6', 'api.Dockerfile:11'],
        );
        const stdin = run(
            ['--rules', 'none', '--rule', 'copy-ignored-file=warning', '--stdin-filename', 'ctx/Dockerfile', '-'],
            at('repo'),
            text,
        );
        assert.equal(json(stdin).length, 1);
    });

    it('passes trustedRegistries, labelSchema, strictLabels and requireUser of the Dockwise config file', () => {
        const config = write(
            'cfg/options.json',
            JSON.stringify({
                trustedRegistries: ['docker.io'],
                labelSchema: { 'org.opencontainers.image.source': 'url' },
                strictLabels: true,
                requireUser: true,
            }),
        );
        const found = json(run(['-c', config, 'labels/Dockerfile'])).map((f) => f.rule);
        for (const rule of ['trusted-registry', 'label-missing', 'label-superfluous', 'user-root']) {
            assert.ok(found.includes(rule), `${rule} not in ${found.join(', ')}`);
        }
        const bad = write('cfg/bad-options.json', '{"labelSchema": {"version": "number"}}');
        const r = run(['-c', bad, 'labels/Dockerfile']);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /labelSchema\.version: format must be one of/);
    });

    it('fails the file on a BuildKit check under # check=error=true, as the build would', () => {
        write('repo/check/Dockerfile', '# check=error=true\nFROM alpine:3.20 AS Build\nCMD ["a"]\n');
        write('repo/nocheck/Dockerfile', 'FROM alpine:3.20 AS Build\nCMD ["a"]\n');
        const r = run(['-t', 'error', 'check']);
        assert.equal(r.code, 1);
        assert.deepEqual(rules(r), ['stage-name-casing:error']);
        const q = run(['-t', 'error', 'nocheck']);
        assert.equal(q.code, 0);
        assert.deepEqual(rules(q), ['stage-name-casing:warning']);
    });
});
