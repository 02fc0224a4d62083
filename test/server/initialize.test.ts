import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, ServerCapabilities } from 'vscode-languageserver-protocol/node';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { TestServer } from './lspClient';

const KEEP_ALIVE = 'FROM ubuntu:24.04\nCMD tail -f /dev/null\n';

describe('initialize', () => {
    it('announces every feature a full client supports', async () => {
        const server = await TestServer.start();
        try {
            const caps = server.initializeResult!.capabilities as ServerCapabilities;
            assert.equal(server.initializeResult!.serverInfo?.name, 'dockwise');
            assert.equal(caps.textDocumentSync, 2);
            assert.equal(caps.hoverProvider, true);
            assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', FIX_ALL_KIND] });
            assert.deepEqual(caps.completionProvider, {
                resolveProvider: true,
                triggerCharacters: ['=', ' ', '$', '-'],
            });
            assert.equal(caps.documentFormattingProvider, true);
            assert.equal(caps.documentRangeFormattingProvider, true);
            assert.deepEqual(caps.documentOnTypeFormattingProvider, {
                firstTriggerCharacter: '\\',
                moreTriggerCharacter: ['`'],
            });
            assert.ok(caps.documentSymbolProvider);
            assert.equal(caps.foldingRangeProvider, true);
            assert.equal((caps.semanticTokensProvider as { full: boolean }).full, true);
            assert.ok(caps.semanticTokensProvider?.legend.tokenTypes.includes('keyword'));
            assert.ok(caps.signatureHelpProvider);
            assert.deepEqual(caps.documentLinkProvider, { resolveProvider: true });
            assert.deepEqual(caps.renameProvider, { prepareProvider: true });
            assert.equal(caps.definitionProvider, true);
            assert.equal(caps.documentHighlightProvider, true);
            // Configuration changes are asked for, for the dockwise section.
            await server.open('file:///init/Dockerfile', KEEP_ALIVE);
            assert.deepEqual(
                server.registrations.find((r) => r.method === 'workspace/didChangeConfiguration')?.registerOptions,
                { section: 'dockwise' },
            );
        } finally {
            await server.stop();
        }
    });

    it('announces only text sync to a client that declares nothing, and still lints with defaults', async () => {
        const server = await TestServer.start({ capabilities: {} });
        try {
            assert.deepEqual(server.initializeResult!.capabilities, { textDocumentSync: 2 });
            const uri = 'file:///bare/Dockerfile';
            const published = await server.open(uri, KEEP_ALIVE);
            assert.ok(published.diagnostics.some((d) => d.code === 'keep-alive-hack'));
            assert.deepEqual(server.configurationRequests, [], 'no workspace/configuration without the capability');
            assert.deepEqual(server.registrations, []);
            // Without workspace/configuration the pushed settings apply.
            const again = server.nextDiagnostics(uri);
            await server.notify('workspace/didChangeConfiguration', {
                settings: { dockwise: { rules: { 'keep-alive-hack': 'off' } } },
            });
            assert.ok(!(await again).diagnostics.some((d) => d.code === 'keep-alive-hack'));
        } finally {
            await server.stop();
        }
    });

    it('takes initial settings from initializationOptions when the client has no configuration request', async () => {
        const server = await TestServer.start({
            capabilities: {},
            initializationOptions: { settings: { rules: { 'keep-alive-hack': 'off' } } },
        });
        try {
            const published = await server.open('file:///init-options/Dockerfile', KEEP_ALIVE);
            assert.ok(!published.diagnostics.some((d) => d.code === 'keep-alive-hack'));
        } finally {
            await server.stop();
        }
    });

    it('keeps answering while a large file is linted (linting runs off the main thread)', async () => {
        const server = await TestServer.start({ settings: { lint: { debounceMs: 0 } } });
        try {
            await server.open('file:///responsive/small/Dockerfile', KEEP_ALIVE);
            const big =
                'FROM ubuntu:24.04\n' + 'RUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'.repeat(3000);
            await server.didOpen('file:///responsive/big/Dockerfile', big);
            const start = Date.now();
            const items = await server.request<CompletionItem[]>('textDocument/completion', {
                textDocument: { uri: 'file:///responsive/small/Dockerfile' },
                position: { line: 2, character: 0 },
            });
            const ms = Date.now() - start;
            assert.ok(items.length > 0);
            assert.ok(ms < 2000, `completion waited ${ms} ms for the lint`);
        } finally {
            await server.stop();
        }
    });

    it('shuts down cleanly on shutdown + exit', async () => {
        const server = await TestServer.start();
        const exit = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
        await server.stop();
        assert.equal(await exit, 0);
    });
});
