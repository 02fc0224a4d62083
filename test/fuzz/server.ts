// The running language server as a fuzz target: the bundled dist/server.js, forked as an editor
// would (test/server/lspClient.ts). Each input is opened, edited and asked hover, completion, code
// actions, formatting, outline and more at random positions; every request must be answered.
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { RULES } from '../../server/src/core/rules';
import { TestServer } from '../server/lspClient';
import type { Rng } from './generate';

/** Every rule on (off-by-default ones too), lint on every change, and no Docker Hub look-ups. */
export const FUZZ_SETTINGS = {
    rules: Object.fromEntries(RULES.filter((r) => r.offByDefault).map((r) => [r.id, r.defaultSeverity])),
    lint: { debounceMs: 0 },
    completion: { imageTags: false },
};

const JUNK = ['\\\n', '`', '"', '\0', '\r', '<<EOF\n', 'FROM x\n', '${', '\ud800', ' '.repeat(100)];

export class ServerTarget {
    private server: TestServer | undefined;
    private opened = 0;
    /** Server restarts after a death (each is also reported as a problem). */
    restarts = 0;

    constructor(private readonly deadlineMs: number) {}

    async start(): Promise<void> {
        this.server ??= await TestServer.start({ settings: FUZZ_SETTINGS });
    }

    /** Opens, queries, edits and closes `text`; returns the problems seen. */
    async run(text: string, r: Rng): Promise<string[]> {
        const problems: string[] = [];
        await this.start();
        const server = this.server!;
        const logStart = server.logs.length;
        const uri = `file:///fuzz/${++this.opened}/Dockerfile`;
        const deadline = <T>(what: string, p: Promise<T>): Promise<T | undefined> =>
            withDeadline(p, this.deadlineMs).then(
                (v) => v,
                (e: unknown) => {
                    problems.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
                    return undefined;
                },
            );
        const published = await deadline('diagnostics after didOpen', server.open(uri, text));
        const lines = text.split(/\r\n|\r|\n/);
        const position = () => {
            const line = r.int(lines.length + 2);
            const length = lines[line]?.length ?? 0;
            return { line, character: r.chance(0.05) ? 1_000_000 : r.int(length + 3) };
        };
        const doc = { textDocument: { uri } };
        const diagnostics: Diagnostic[] = published?.diagnostics ?? [];
        const requests: [string, unknown][] = [
            ['textDocument/documentSymbol', doc],
            ['textDocument/formatting', { ...doc, options: { tabSize: 1 + r.int(8), insertSpaces: r.chance(0.5) } }],
            ['textDocument/foldingRange', doc],
            ['textDocument/semanticTokens/full', doc],
            [
                'textDocument/codeAction',
                {
                    ...doc,
                    range: { start: position(), end: position() },
                    context: { diagnostics: diagnostics.filter(() => r.chance(0.5)) },
                },
            ],
            [
                'textDocument/codeAction',
                { ...doc, range: { start: position(), end: position() }, context: { diagnostics, only: ['source'] } },
            ],
        ];
        for (let n = 2 + r.int(4); n > 0; n--) {
            const method = r.pick([
                'textDocument/hover',
                'textDocument/completion',
                'textDocument/signatureHelp',
                'textDocument/definition',
                'textDocument/documentHighlight',
                'textDocument/prepareRename',
            ]);
            requests.push([method, { ...doc, position: position() }]);
        }
        requests.push(['textDocument/rangeFormatting', { ...doc, range: { start: position(), end: position() } }]);
        await Promise.all(requests.map(([method, params]) => deadline(method, server.request(method, params))));
        // A ranged edit at a random place, and the diagnostics of that version.
        const at = position();
        await deadline(
            'diagnostics after didChange',
            server.changeAndWait(uri, [{ range: { start: at, end: at }, text: r.pick(JUNK) }]),
        );
        await deadline('hover after didChange', server.request('textDocument/hover', { ...doc, position: position() }));
        await server.close(uri);
        for (const log of server.logs.slice(logStart)) {
            if (log.type === 1) {
                problems.push(`server logged an error: ${log.message}`);
            }
        }
        server.logs.length = 0;
        if (!server.alive) {
            problems.push(`the server died:\n${server.stderr.slice(-4000)}`);
            this.restarts++;
            this.server = undefined;
        } else if (problems.length > 0) {
            // A timed-out request may still be running: the next input gets a fresh server.
            await this.stop();
        }
        return problems;
    }

    async stop(): Promise<void> {
        const server = this.server;
        this.server = undefined;
        await server?.stop();
    }
}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
        p.then(
            (v) => {
                clearTimeout(timer);
                resolve(v);
            },
            (e: unknown) => {
                clearTimeout(timer);
                reject(e instanceof Error ? e : new Error(String(e)));
            },
        );
    });
}
