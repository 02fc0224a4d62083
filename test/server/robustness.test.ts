import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { RULES } from '../../server/src/core/rules';
import { RulesRequest } from '../../server/src/shared/protocol';
import { TestServer } from './lspClient';

/** A small deterministic PRNG (mulberry32): the same garbage on every run. */
function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const random = prng(20240611);
const int = (n: number) => Math.floor(random() * n);

function randomBytes(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) {
        s += String.fromCharCode(int(256));
    }
    return s;
}

function randomUnicode(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) {
        // Includes lone surrogates (0xd800-0xdfff), which are not valid UTF-16 text.
        s += String.fromCharCode(int(0x10000));
    }
    return s;
}

const SAMPLES = RULES.flatMap((r) => [r.docs.bad, r.docs.good]);
const JUNK = [
    '\\',
    '`',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    '$',
    '${',
    '$(',
    '<<EOF',
    '<<-',
    '#',
    '\r',
    '\n',
    '\t',
    '\0',
    'FROM',
    'AS',
    '--',
    '=',
    '&&',
    '|',
    ';',
    '\u2028',
    '\ud800',
];

/** A real Dockerfile, truncated, spliced, junk inserted or its line endings changed. */
function mutate(text: string): string {
    let out = text;
    for (let n = 1 + int(4); n > 0; n--) {
        const at = int(out.length + 1);
        switch (int(5)) {
            case 0:
                out = out.slice(0, at);
                break;
            case 1:
                out = out.slice(0, at) + JUNK[int(JUNK.length)]! + out.slice(at);
                break;
            case 2: {
                const other = SAMPLES[int(SAMPLES.length)]!;
                out = out.slice(0, at) + other.slice(int(other.length)) + out.slice(at);
                break;
            }
            case 3:
                out = out.replace(/\n/g, ['\r\n', '\r', '\n\n', ' \\\n'][int(4)]!);
                break;
            default:
                out = out.slice(0, at) + out.slice(at + int(20));
        }
    }
    return out;
}

const GARBAGE: { name: string; text: string }[] = [
    { name: 'empty', text: '' },
    { name: 'random bytes', text: randomBytes(20_000) },
    { name: 'random UTF-16 with lone surrogates', text: randomUnicode(5_000) },
    { name: 'a 100 kB line', text: 'FROM alpine\nRUN ' + 'echo x && '.repeat(10_000) + '\n' },
    { name: 'a 300 kB comment line', text: '#' + 'x'.repeat(300_000) },
    {
        name: 'unbalanced heredocs',
        text: 'FROM a\nRUN <<EOF\necho\nRUN <<-"X" <<Y cat\nCOPY <<EOF /x\n<<EOF\nRUN <<\n',
    },
    {
        name: 'unbalanced JSON',
        text: 'FROM a\nCMD ["a", "b\nENTRYPOINT [\'x\nVOLUME ["/data"\nSHELL [\nHEALTHCHECK CMD ["\n',
    },
    { name: '5,000 continuation lines', text: 'FROM a\n' + 'RUN a \\\n'.repeat(5_000) },
    { name: 'escape directive games', text: '# escape=`\n# escape=\\\nFROM a `\nRUN x `\n`\n`' },
    { name: 'carriage returns only', text: 'FROM a\rRUN b\rCMD tail -f /dev/null\r' },
    { name: 'deep nesting', text: 'FROM a\nRUN ' + '${'.repeat(5_000) + '$(('.repeat(2_000) + '\n' },
    {
        name: 'stages referencing themselves',
        text: 'FROM a AS a\nFROM a AS b\nFROM b AS a\nCOPY --from=a / /\nFROM ${X:-${Y:-${Z}}}\n',
    },
    { name: 'ONBUILD chains', text: 'FROM a\nONBUILD ONBUILD ONBUILD RUN x\nONBUILD\nONBUILD FROM\n' },
    { name: 'NUL everywhere', text: 'FROM\0a\0\nRUN\0\0\0tail -f /dev/null\0\n' },
    ...Array.from({ length: 120 }, (_, i) => ({ name: `mutation ${i}`, text: mutate(SAMPLES[i % SAMPLES.length]!) })),
];

const POSITIONS = [
    { line: 0, character: 0 },
    { line: 0, character: 3 },
    { line: 1, character: 2 },
    { line: 2, character: 100 },
    { line: 500, character: 0 },
    { line: 3, character: 2_000_000 },
];

describe('robustness: garbage never kills the server', { timeout: 300_000 }, () => {
    let server: TestServer;
    before(async () => {
        server = await TestServer.start({ settings: { lint: { debounceMs: 0 } } });
    });
    after(async () => {
        await server.stop();
    });

    it('lints and answers every request on broken input', async () => {
        for (const [i, { name, text }] of GARBAGE.entries()) {
            const uri = `file:///garbage/${i}/Dockerfile`;
            const published = await server.open(uri, text);
            assert.ok(Array.isArray(published.diagnostics), name);
            const doc = { textDocument: { uri } };
            const requests: [string, unknown][] = [
                ['textDocument/documentSymbol', doc],
                ['textDocument/foldingRange', doc],
                ['textDocument/semanticTokens/full', doc],
                ['textDocument/documentLink', doc],
                ['textDocument/formatting', { ...doc, options: { tabSize: 4, insertSpaces: true } }],
                [
                    'textDocument/codeAction',
                    {
                        ...doc,
                        range: { start: POSITIONS[0], end: POSITIONS[4] },
                        context: { diagnostics: published.diagnostics },
                    },
                ],
                [
                    'textDocument/codeAction',
                    {
                        ...doc,
                        range: { start: POSITIONS[0], end: POSITIONS[4] },
                        context: { diagnostics: [], only: ['source.fixAll.dockwise'] },
                    },
                ],
            ];
            for (const position of POSITIONS) {
                for (const method of [
                    'textDocument/hover',
                    'textDocument/completion',
                    'textDocument/signatureHelp',
                    'textDocument/documentHighlight',
                    'textDocument/definition',
                    'textDocument/prepareRename',
                ]) {
                    requests.push([method, { ...doc, position }]);
                }
                requests.push([
                    'textDocument/onTypeFormatting',
                    { ...doc, position, ch: '\\', options: { tabSize: 2, insertSpaces: true } },
                ]);
                requests.push(['textDocument/rename', { ...doc, position, newName: 'x' }]);
            }
            await Promise.all(
                requests.map(([method, params]) =>
                    server.request(method, params).catch((e: unknown) => {
                        throw new Error(`${method} on "${name}": ${String(e)}`);
                    }),
                ),
            );
            // An edit in the middle, then close: the incremental path on garbage too.
            const middle = { line: 1, character: 0 };
            await server.changeAndWait(uri, [{ range: { start: middle, end: middle }, text: JUNK[i % JUNK.length]! }]);
            await server.close(uri);
            assert.ok(server.alive, `the server died on "${name}":\n${server.stderr}`);
        }
    });

    it('answers malformed requests instead of failing', async () => {
        const uri = 'file:///garbage/requests/Dockerfile';
        await server.open(uri, 'FROM alpine\nCMD tail -f /dev/null\n');
        const junkDiagnostics = [
            {
                range: { start: { line: 1, character: 4 }, end: { line: 1, character: 21 } },
                message: 'x',
                source: 'dockwise',
                data: 'junk',
            },
            {
                range: { start: { line: 1, character: 4 }, end: { line: 1, character: 21 } },
                message: 'x',
                source: 'dockwise',
                data: { ruleId: 5, version: 1 },
            },
            {
                range: { start: { line: 1, character: 4 }, end: { line: 1, character: 21 } },
                message: 'x',
                source: 'dockwise',
                code: 'keep-alive-hack',
                data: { ruleId: 'keep-alive-hack', version: 1, fixes: 'nope' },
            },
            {
                range: { start: { line: 1, character: 4 }, end: { line: 1, character: 21 } },
                message: 'x',
                source: 'dockwise',
                data: { ruleId: 'no-such-rule', version: 1, instructionLine: 99, fixes: [] },
            },
        ] as Diagnostic[];
        const answers = await Promise.all([
            server.request('textDocument/codeAction', {
                textDocument: { uri },
                range: junkDiagnostics[0]!.range,
                context: { diagnostics: junkDiagnostics },
            }),
            server.request('textDocument/hover', {
                textDocument: { uri: 'file:///not/open' },
                position: { line: 0, character: 0 },
            }),
            server.request('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: -5 } }),
            server.request('textDocument/completion', {
                textDocument: { uri: 'file:///not/open' },
                position: { line: 0, character: 0 },
            }),
            server.request('textDocument/formatting', {
                textDocument: { uri: 'file:///not/open' },
                options: { tabSize: 4, insertSpaces: true },
            }),
            server.request('dockwise/ruleDocs', null),
            server.request('dockwise/ruleDocs', { id: { nested: true } }),
        ]);
        assert.equal(answers.length, 7);
        assert.equal(answers[1], null);
        await server.notify('workspace/didChangeConfiguration', { settings: 'junk' });
        await server.notify('textDocument/didChange', {
            textDocument: { uri: 'file:///never/opened', version: 3 },
            contentChanges: [{ text: 'x' }],
        });
        const rules = await server.request<unknown[]>(RulesRequest.method);
        assert.equal(rules.length, RULES.length);
        assert.ok(server.alive);
    });
});
