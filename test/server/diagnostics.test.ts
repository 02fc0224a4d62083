import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ruleDocsUrl } from '../../server/src/core/docs';
import type { DiagnosticData } from '../../server/src/shared/protocol';
import { find, TestServer } from './lspClient';

const KEEP_ALIVE = 'FROM ubuntu:24.04\nRUN apt-get update\nCMD service nginx start && tail -f /dev/null\n';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe('diagnostics', () => {
    let server: TestServer;
    before(async () => {
        server = await TestServer.start({ settings: { lint: { debounceMs: 0 } } });
    });
    after(async () => {
        await server.stop();
    });

    it('publishes a finding on open with code, source, docs link, range, severity, version and data', async () => {
        const uri = 'file:///work/keep-alive/Dockerfile';
        const published = await server.open(uri, KEEP_ALIVE);
        assert.equal(published.version, 1);
        const d = published.diagnostics.find((x) => x.code === 'keep-alive-hack');
        assert.ok(d, `keep-alive-hack not in ${JSON.stringify(codes(published))}`);
        assert.equal(d.source, 'dockwise');
        assert.equal(d.severity, DiagnosticSeverity.Warning);
        assert.deepEqual(d.codeDescription, { href: ruleDocsUrl('keep-alive-hack') });
        assert.deepEqual(d.range, find(KEEP_ALIVE, 'tail -f /dev/null'));
        assert.equal(typeof d.message, 'string');
        assert.match(d.message as string, /tail -f \/dev\/null/);
        const data = d.data as DiagnosticData;
        assert.equal(data.ruleId, 'keep-alive-hack');
        assert.equal(data.version, 1);
        assert.equal(data.instructionLine, 2);
        assert.deepEqual(data.fixes, []);
    });

    it('reads the settings per document through workspace/configuration', () => {
        const asked = server.configurationRequests.filter((r) => r.scopeUri === 'file:///work/keep-alive/Dockerfile');
        assert.ok(asked.length >= 1);
        assert.ok(asked.every((r) => r.section === 'dockwise'));
    });

    it('lints every change at once when debounceMs is 0', async () => {
        const uri = 'file:///work/debounce0/Dockerfile';
        await server.open(uri, 'FROM alpine:3.20\nCMD ["nginx", "-g", "daemon off;"]\n');
        const seen: number[] = [];
        const last = server.nextDiagnostics(uri, (p) => {
            seen.push(p.version ?? -1);
            return p.version === 4;
        });
        // Three edits sent back to back: each one is linted, none is coalesced.
        for (const text of ['FROM alpine:3.20\nCMD sleep infinity\n', 'FROM alpine:3.20\n', KEEP_ALIVE]) {
            await server.change(uri, [{ text }]);
        }
        const final = await last;
        assert.deepEqual(seen, [2, 3, 4]);
        assert.ok(codes(final).includes('keep-alive-hack'));
    });

    it('applies incremental edits to the text it lints', async () => {
        const uri = 'file:///work/incremental/Dockerfile';
        await server.open(uri, KEEP_ALIVE);
        const range = find(KEEP_ALIVE, 'service nginx start && tail -f /dev/null');
        const after = await server.changeAndWait(uri, [{ range, text: 'nginx -g "daemon off;"' }]);
        assert.ok(!codes(after).includes('keep-alive-hack'));
    });

    it('clears the diagnostics of a closed document', async () => {
        const uri = 'file:///work/closed/Dockerfile';
        await server.open(uri, KEEP_ALIVE);
        const cleared = server.nextDiagnostics(uri);
        await server.close(uri);
        assert.deepEqual((await cleared).diagnostics, []);
    });

    it('re-lints every open document with new settings after workspace/didChangeConfiguration', async () => {
        const a = 'file:///work/config/a/Dockerfile';
        const b = 'file:///work/config/b/Dockerfile';
        assert.ok(codes(await server.open(a, KEEP_ALIVE)).includes('keep-alive-hack'));
        assert.ok(codes(await server.open(b, KEEP_ALIVE)).includes('keep-alive-hack'));
        server.settings = { lint: { debounceMs: 0 }, rules: { 'keep-alive-hack': 'off' } };
        const againA = server.nextDiagnostics(a);
        const againB = server.nextDiagnostics(b);
        await server.notify('workspace/didChangeConfiguration', { settings: null });
        for (const p of [await againA, await againB]) {
            assert.equal(p.version, 1);
            assert.ok(!codes(p).includes('keep-alive-hack'), JSON.stringify(codes(p)));
        }
        // Turned back up to an error: the same finding comes back with the new severity.
        server.settings = { lint: { debounceMs: 0 }, rules: { 'keep-alive-hack': 'error' } };
        const third = server.nextDiagnostics(a);
        await server.notify('workspace/didChangeConfiguration', { settings: null });
        const d = (await third).diagnostics.find((x) => x.code === 'keep-alive-hack');
        assert.equal(d?.severity, DiagnosticSeverity.Error);
        server.settings = { lint: { debounceMs: 0 } };
        const reset = server.nextDiagnostics(a);
        await server.notify('workspace/didChangeConfiguration', { settings: null });
        await reset;
    });

    it('honours and can ignore inline suppressions per settings', async () => {
        const uri = 'file:///work/suppressed/Dockerfile';
        const text = 'FROM ubuntu:24.04\n# dockwise ignore=keep-alive-hack\nCMD tail -f /dev/null\n';
        assert.ok(!codes(await server.open(uri, text)).includes('keep-alive-hack'));
        server.settings = { lint: { debounceMs: 0, inlineSuppressions: false } };
        const again = server.nextDiagnostics(uri);
        await server.notify('workspace/didChangeConfiguration', { settings: null });
        assert.ok(codes(await again).includes('keep-alive-hack'));
        server.settings = { lint: { debounceMs: 0 } };
        const reset = server.nextDiagnostics(uri);
        await server.notify('workspace/didChangeConfiguration', { settings: null });
        await reset;
    });

    it('does not lint files over 1 MB, and says so', async () => {
        const uri = 'file:///work/huge/Dockerfile';
        const text = 'FROM alpine\n' + 'RUN echo 0123456789012345678901234567890123456789\n'.repeat(25_000);
        const published = await server.open(uri, text);
        assert.deepEqual(codes(published), ['file-too-large']);
        assert.equal(published.diagnostics[0]!.severity, DiagnosticSeverity.Information);
    });
});

describe('diagnostics with a debounce', () => {
    let server: TestServer;
    before(async () => {
        server = await TestServer.start({ settings: { lint: { debounceMs: 300 } } });
    });
    after(async () => {
        await server.stop();
    });

    it('lints at once on open, then only the last of a burst of edits', async () => {
        const uri = 'file:///work/debounced/Dockerfile';
        const opened = await server.open(uri, KEEP_ALIVE);
        assert.equal(opened.version, 1);
        const seen: number[] = [];
        const last = server.nextDiagnostics(uri, (p) => {
            seen.push(p.version ?? -1);
            return p.version === 4;
        });
        await server.change(uri, [{ text: 'FROM alpine\n' }]);
        await server.change(uri, [{ text: 'FROM alpine\nCMD sleep infinity\n' }]);
        await server.change(uri, [{ text: KEEP_ALIVE }]);
        const final = await last;
        assert.deepEqual(seen, [4]);
        assert.ok(codes(final).includes('keep-alive-hack'));
    });
});
