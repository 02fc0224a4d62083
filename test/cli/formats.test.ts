import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { BAD, dockwise, GOOD, json, ONLY_KEEP_ALIVE, ROOT, SPECIAL, spanText, tempDir } from './helpers';

const badText = readFileSync(path.join(ROOT, BAD), 'utf8');

describe('--format json', () => {
    it('reports 1-based positions with an exclusive end column', () => {
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '--format', 'json', BAD]);
        assert.equal(r.code, 1);
        const [f, ...rest] = json(r);
        assert.deepEqual(rest, []);
        assert.deepEqual(
            { file: f!.file, line: f!.line, column: f!.column, endLine: f!.endLine, endColumn: f!.endColumn },
            { file: BAD, line: 4, column: 28, endLine: 4, endColumn: 45 },
        );
        assert.equal(spanText(badText, f!), 'tail -f /dev/null');
        assert.equal(f!.rule, 'keep-alive-hack');
        assert.equal(f!.severity, 'warning');
        assert.deepEqual(f!.equivalents, {});
        assert.match(f!.message, /tail -f \/dev\/null/);
        assert.deepEqual(Object.keys(f!).sort(), [
            'column',
            'endColumn',
            'endLine',
            'equivalents',
            'file',
            'line',
            'message',
            'rule',
            'severity',
        ]);
    });
    it('writes an empty array for a clean run', () => {
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '-f', 'json', GOOD]);
        assert.equal(r.code, 0);
        assert.deepEqual(JSON.parse(r.stdout), []);
    });
    it('reports files relative to the current folder, as given', () => {
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '-f', 'json', 'bad'], {
            cwd: path.join(ROOT, 'test/fixtures/cli'),
        });
        assert.deepEqual(
            json(r).map((f) => f.file),
            ['bad/Dockerfile', 'bad/special.dockerfile'],
        );
    });
});

describe('--format stylish', () => {
    it('groups findings by file with a summary, and prints nothing when clean', () => {
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, BAD, GOOD]);
        const lines = r.stdout.split('\n');
        assert.equal(lines[0], BAD);
        assert.match(lines[1]!, /^ {2}4:28 {2}warning {2}`tail -f \/dev\/null` .+ {2}keep-alive-hack$/);
        assert.match(r.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 info, 0 hints\)\n$/);
        assert.doesNotMatch(r.stdout, /good/);
        assert.equal(dockwise(['lint', ...ONLY_KEEP_ALIVE, GOOD]).stdout, '');
    });
    it('has no colours when stdout is not a terminal, and colours with --color', () => {
        assert.doesNotMatch(dockwise(['lint', ...ONLY_KEEP_ALIVE, BAD]).stdout, /\u001b\[/);
        assert.match(dockwise(['lint', ...ONLY_KEEP_ALIVE, '--color', BAD]).stdout, /\u001b\[33mwarning/);
        const env = { NO_COLOR: '1' };
        assert.match(dockwise(['lint', ...ONLY_KEEP_ALIVE, '--color', BAD], { env }).stdout, /\u001b\[/);
    });
    it('colours on a terminal unless NO_COLOR is set', () => {
        const io = { cwd: ROOT, stdoutIsTTY: true, readStdin: () => '', version: '0.0.0' };
        const args = ['lint', ...ONLY_KEEP_ALIVE, BAD];
        assert.match(runCli(args, { ...io, env: {} }).stdout, /\u001b\[/);
        assert.doesNotMatch(runCli(args, { ...io, env: { NO_COLOR: '1' } }).stdout, /\u001b\[/);
        assert.doesNotMatch(runCli([...args, '--no-color'], { ...io, env: {} }).stdout, /\u001b\[/);
    });
});

/** A small, strict reader of the checkstyle XML we write: elements, attributes, the five entities. */
function parseCheckstyle(xml: string): { file: string; errors: Record<string, string>[] }[] {
    const decode = (s: string) =>
        s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) =>
            e.startsWith('#')
                ? String.fromCharCode(Number(e.slice(1)))
                : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!,
        );
    const attrs = (s: string) => {
        const out: Record<string, string> = {};
        for (const m of s.matchAll(/\s([a-z]+)="([^"<]*)"/g)) {
            out[m[1]!] = decode(m[2]!);
        }
        return out;
    };
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<checkstyle version="4.3">\n/);
    assert.match(xml, /<\/checkstyle>\n$/);
    const files: { file: string; errors: Record<string, string>[] }[] = [];
    const body = xml.replace(/^<\?xml[^>]*\?>\n<checkstyle version="4.3">\n/, '').replace(/<\/checkstyle>\n$/, '');
    for (const m of body.matchAll(/<file( [^>]*?)(\/>|>([\s\S]*?)<\/file>)\n/g)) {
        const errors = [...(m[3] ?? '').matchAll(/<error( [^>]*?)\/>/g)].map((e) => attrs(e[1]!));
        files.push({ file: attrs(m[1]!).name!, errors });
    }
    // Nothing may be left over: every byte belongs to an element we read.
    assert.equal(body.replace(/<file( [^>]*?)(\/>|>([\s\S]*?)<\/file>)\n/g, ''), '');
    return files;
}

describe('--format checkstyle', () => {
    it('writes every linted file and escapes quotes, ampersands and angle brackets', () => {
        const args = ['lint', ...ONLY_KEEP_ALIVE, BAD, SPECIAL, GOOD];
        const r = dockwise([...args, '--format', 'checkstyle']);
        assert.equal(r.code, 1);
        assert.doesNotMatch(r.stdout, /a&b|<c>/);
        const files = parseCheckstyle(r.stdout);
        assert.deepEqual(
            files.map((f) => [f.file, f.errors.length]),
            [
                [BAD, 1],
                [SPECIAL, 1],
                [GOOD, 0],
            ],
        );
        const expected = json(dockwise([...args, '--format', 'json']));
        const errors = files.flatMap((f) => f.errors);
        assert.deepEqual(
            errors,
            expected.map((f) => ({
                line: String(f.line),
                column: String(f.column),
                severity: f.severity,
                message: f.message,
                source: `dockwise.${f.rule}`,
            })),
        );
        assert.ok(errors[1]!.message!.includes(`a&b<c>"d'`), errors[1]!.message);
    });
    it('escapes file names too', () => {
        const name = `a&b<c>"d'.Dockerfile`;
        const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '-f', 'checkstyle', '--stdin-filename', name, '-'], {
            input: badText,
        });
        assert.ok(r.stdout.includes('<file name="a&amp;b&lt;c&gt;&quot;d&apos;.Dockerfile">'), r.stdout);
        assert.deepEqual(
            parseCheckstyle(r.stdout).map((f) => f.file),
            [name],
        );
    });
    it('maps hint to info', () => {
        const r = dockwise(['lint', '--rules', 'none', '--rule', 'keep-alive-hack=hint', '-f', 'checkstyle', BAD]);
        assert.deepEqual(
            parseCheckstyle(r.stdout)[0]!.errors.map((e) => e.severity),
            ['info'],
        );
    });
});

describe('--output', () => {
    it('writes the report to a file (creating its folder) and nothing to stdout', () => {
        const { dir, cleanup } = tempDir();
        try {
            const file = path.join(dir, 'reports', 'dockwise.json');
            const r = dockwise(['lint', ...ONLY_KEEP_ALIVE, '-f', 'json', '-o', file, BAD]);
            assert.equal(r.code, 1);
            assert.equal(r.stdout, '');
            assert.equal((JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length, 1);
        } finally {
            cleanup();
        }
    });
    it('leaves no report behind when the run fails', () => {
        const { dir, cleanup } = tempDir();
        try {
            const file = path.join(dir, 'dockwise.json');
            const r = dockwise(['lint', '-f', 'json', '-o', file, BAD, 'missing/Dockerfile']);
            assert.equal(r.code, 2);
            assert.throws(() => readFileSync(file), /ENOENT/);
        } finally {
            cleanup();
        }
    });
});
