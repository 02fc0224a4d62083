import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import type {
    CompletionItem,
    CompletionList,
    DocumentLink,
    DocumentSymbol,
    FoldingRange,
    Location,
    SemanticTokens,
    SymbolInformation,
    TextEdit,
    WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TAG_COMPLETION_BUDGET_MS } from '../../server/src/features/completion';
import { find, FULL_CAPABILITIES, TestServer } from './lspClient';

const MULTI_STAGE = [
    '# syntax=docker/dockerfile:1',
    'ARG GO_VERSION=1.22',
    'FROM golang:${GO_VERSION} AS build',
    'WORKDIR /src',
    'RUN go build \\',
    '    -o /out/app ./cmd/app',
    '',
    'FROM alpine:3.20',
    'COPY --from=build /out/app /usr/local/bin/app',
    'ENV MODE="production" \\',
    '    PORT=8080',
    'EXPOSE $PORT',
    'CMD ["app"]',
    '',
].join('\n');

const service = DockerfileLanguageServiceFactory.createLanguageService();
service.setCapabilities({ foldingRange: { lineFoldingOnly: true } });

/** What a value looks like after a trip through JSON-RPC (undefined properties vanish). */
function wire<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

function items(answer: CompletionItem[] | CompletionList | null): CompletionItem[] {
    return Array.isArray(answer) ? answer : (answer?.items ?? []);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const start = process.hrtime.bigint();
    const value = await work();
    return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

describe('language service features', () => {
    let server: TestServer;
    const uri = 'file:///work/ls/Dockerfile';
    before(async () => {
        server = await TestServer.start({ settings: { lint: { debounceMs: 0 } } });
        await server.open(uri, MULTI_STAGE);
    });
    after(async () => {
        await server.stop();
    });

    it('completes instructions at once, without the network', async () => {
        const { value, ms } = await timed(() =>
            server.request<CompletionItem[]>('textDocument/completion', {
                textDocument: { uri },
                position: { line: 13, character: 0 },
            }),
        );
        const labels = items(value).map((i) => i.label);
        assert.ok(
            labels.some((l) => l.startsWith('FROM ')),
            JSON.stringify(labels),
        );
        assert.ok(
            labels.some((l) => l.startsWith('HEALTHCHECK ')),
            JSON.stringify(labels),
        );
        assert.ok(ms < 2000, `completion took ${ms} ms`);
        const resolved = await server.request<CompletionItem>('completionItem/resolve', items(value)[0]);
        assert.equal(resolved.label, items(value)[0]!.label);
    });

    it('time-boxes image tag completion (Docker Hub) and never hangs', async () => {
        const tagUri = 'file:///work/ls/tags/Dockerfile';
        const text = 'FROM node:\n';
        await server.open(tagUri, text);
        for (let i = 0; i < 2; i++) {
            const { value, ms } = await timed(() =>
                server.request<CompletionItem[] | CompletionList>('textDocument/completion', {
                    textDocument: { uri: tagUri },
                    position: { line: 0, character: 'FROM node:'.length },
                }),
            );
            assert.ok(Array.isArray(items(value)));
            assert.ok(ms < TAG_COMPLETION_BUDGET_MS + 2000, `tag completion ${i} took ${ms} ms`);
        }
        // The server is still responsive.
        const after = await server.request<CompletionItem[]>('textDocument/completion', {
            textDocument: { uri },
            position: { line: 13, character: 0 },
        });
        assert.ok(items(after).length > 0);
    });

    it('skips image tag completion at once when dockwise.completion.imageTags is off', async () => {
        const offline = await TestServer.start({ settings: { completion: { imageTags: false } } });
        try {
            const tagUri = 'file:///work/ls/tags-off/Dockerfile';
            await offline.open(tagUri, 'FROM python:\n');
            const { value, ms } = await timed(() =>
                offline.request<CompletionItem[]>('textDocument/completion', {
                    textDocument: { uri: tagUri },
                    position: { line: 0, character: 'FROM python:'.length },
                }),
            );
            assert.deepEqual(items(value), []);
            assert.ok(ms < 1500, `took ${ms} ms`);
        } finally {
            await offline.stop();
        }
    });

    it('formats documents, ranges and on type with the language service', async () => {
        const fmtUri = 'file:///work/ls/format/Dockerfile';
        const text = '  FROM alpine\n\tRUN echo hi \\\n echo there\n   CMD ["sh"]\n';
        await server.open(fmtUri, text);
        const options = { tabSize: 4, insertSpaces: true };
        const whole = await server.request<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri: fmtUri },
            options,
        });
        assert.ok(whole.length > 0);
        assert.deepEqual(whole, wire(service.format(text, { ...options, ignoreMultilineInstructions: false })));
        const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } };
        const ranged = await server.request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri: fmtUri },
            range,
            options,
        });
        assert.deepEqual(ranged, service.formatRange(text, range, options));
        const onType = await server.request<TextEdit[]>('textDocument/onTypeFormatting', {
            textDocument: { uri: fmtUri },
            position: { line: 1, character: 13 },
            ch: '\\',
            options,
        });
        assert.deepEqual(onType, service.formatOnType(text, { line: 1, character: 13 }, '\\', options));
    });

    it('honours dockwise.format.ignoreMultilineInstructions', async () => {
        const text = 'FROM alpine\nRUN echo hi \\\n      echo there\n';
        const keep = await TestServer.start({ settings: { format: { ignoreMultilineInstructions: true } } });
        try {
            const fmtUri = 'file:///work/ls/format-multiline/Dockerfile';
            await keep.open(fmtUri, text);
            const options = { tabSize: 4, insertSpaces: true };
            const edits = await keep.request<TextEdit[]>('textDocument/formatting', {
                textDocument: { uri: fmtUri },
                options,
            });
            assert.deepEqual(edits, service.format(text, { ...options, ignoreMultilineInstructions: true }));
            assert.notDeepEqual(edits, wire(service.format(text, { ...options, ignoreMultilineInstructions: false })));
        } finally {
            await keep.stop();
        }
    });

    it('outlines the file by build stage', async () => {
        const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', {
            textDocument: { uri },
        });
        const top = symbols.map((s) => s.name);
        assert.deepEqual(top, ['syntax', 'ARG', 'build', 'alpine:3.20']);
        const build = symbols[2]!;
        assert.equal(build.detail, 'FROM golang:${GO_VERSION}');
        assert.deepEqual(
            build.children?.map((c) => c.name),
            ['WORKDIR', 'RUN'],
        );
        assert.deepEqual(build.range, { start: { line: 2, character: 0 }, end: { line: 5, character: 25 } });
        assert.deepEqual(
            symbols[3]!.children?.map((c) => c.name),
            ['COPY', 'ENV', 'EXPOSE', 'CMD'],
        );
        // The flat list of the language service for clients without hierarchical outlines.
        const flat = await TestServer.start({
            capabilities: {
                ...FULL_CAPABILITIES,
                textDocument: { ...FULL_CAPABILITIES.textDocument, documentSymbol: {} },
            },
        });
        try {
            await flat.open(uri, MULTI_STAGE);
            const list = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', {
                textDocument: { uri },
            });
            assert.deepEqual(list, wire(service.computeSymbols({ uri }, MULTI_STAGE)));
        } finally {
            await flat.stop();
        }
    });

    it('folds, links, highlights and helps with signatures like the language service', async () => {
        const folding = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        assert.ok(folding.length > 0);
        assert.deepEqual(folding, wire(service.computeFoldingRanges(MULTI_STAGE)));

        const links = await server.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
        assert.deepEqual(links, wire(service.computeLinks(MULTI_STAGE)));
        const resolved = await server.request<DocumentLink>('documentLink/resolve', links[0]);
        assert.match(resolved.target ?? '', /^https:\/\/hub\.docker\.com\//);

        const on = find(MULTI_STAGE, 'PORT', MULTI_STAGE.indexOf('$PORT')).start;
        const highlights = await server.request('textDocument/documentHighlight', {
            textDocument: { uri },
            position: on,
        });
        assert.deepEqual(highlights, wire(service.computeHighlightRanges(MULTI_STAGE, on)));
        assert.ok((highlights as unknown[]).length >= 2);

        const position = { line: 8, character: 'COPY --'.length };
        const help = await server.request('textDocument/signatureHelp', { textDocument: { uri }, position });
        assert.deepEqual(help, wire(service.computeSignatureHelp(MULTI_STAGE, position)));
    });

    it('renames and finds the definition of a build stage', async () => {
        const use = find(MULTI_STAGE, 'build', MULTI_STAGE.indexOf('--from=')).start;
        const prepared = await server.request('textDocument/prepareRename', { textDocument: { uri }, position: use });
        assert.deepEqual(prepared, wire(service.prepareRename(MULTI_STAGE, use)));
        const edit = await server.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri },
            position: use,
            newName: 'builder',
        });
        assert.equal(edit.changes?.[uri]?.length, 2);
        const definition = await server.request<Location>('textDocument/definition', {
            textDocument: { uri },
            position: use,
        });
        assert.deepEqual(definition, wire(service.computeDefinition({ uri }, MULTI_STAGE, use)));
        assert.equal(definition.range.start.line, 2);
    });

    it('computes the same semantic tokens as the language service, in linear time', async () => {
        const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', {
            textDocument: { uri },
        });
        assert.ok(tokens.data.length > 0);
        assert.deepEqual(tokens.data, service.computeSemanticTokens(MULTI_STAGE).data);
        // 5,000 lines: the service's own implementation takes about a minute here (quadratic); the
        // linear one half a second. The bound leaves room for a loaded machine (the lint runs meanwhile).
        const bigUri = 'file:///work/ls/big/Dockerfile';
        const body =
            'RUN apt-get update && apt-get install -y curl \\\n    git && rm -rf /var/lib/apt/lists/*\nENV A=1 B="two"\nCOPY . /app\n# comment\nLABEL a=b\n';
        const big = 'FROM ubuntu\n' + body.repeat(833);
        // Not waiting for its diagnostics: the lint runs in a worker while the tokens are computed.
        await server.didOpen(bigUri, big);
        const { value, ms } = await timed(() =>
            server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: bigUri } }),
        );
        assert.ok(value.data.length > 5000 * 5);
        assert.ok(ms < 20_000, `semantic tokens for 5,000 lines took ${ms} ms`);
    });
});
