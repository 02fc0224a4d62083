import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { DiagnosticData } from '../../server/src/shared/protocol';
import { needsShellCheck, SHELLCHECK_FOUND } from '../support/shellcheck';
import { find, TestServer } from './lspClient';

// `dockwise.shellcheck.enable` in the language server, with Debian's real shellcheck binary.
const TEXT = 'FROM debian:12\nRUN echo $1 && \\\n    ls /tmp\nCMD tail -f /dev/null\n';
const hasSc = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => String(d.code).startsWith('SC'));

describe('ShellCheck in the language server', { skip: needsShellCheck }, () => {
    let server: TestServer;
    before(async () => {
        server = await TestServer.start({
            settings: (uri?: string) => ({
                lint: { debounceMs: 0 },
                // A workspace-chosen binary is what the client middleware keeps out; here: a missing one.
                shellcheck: {
                    enable: !uri?.includes('/off/'),
                    path: uri?.includes('/missing/') ? '/nonexistent/shellcheck' : '',
                },
            }),
        });
    });
    after(async () => {
        await server.stop();
    });

    it('has the binary (under CI it must be installed)', () => {
        assert.ok(SHELLCHECK_FOUND, 'shellcheck is not on PATH: test/run.mjs installs it with apt-get');
    });

    it("publishes ShellCheck's findings after Dockwise's, with wiki link, exact range and its fix", async () => {
        const uri = 'file:///work/sc/Dockerfile';
        const withSc = server.nextDiagnostics(uri, hasSc);
        await server.didOpen(uri, TEXT);
        const published = await withSc;
        const d = published.diagnostics.find((x) => x.code === 'SC2086');
        assert.ok(d, JSON.stringify(published.diagnostics.map((x) => x.code)));
        assert.deepEqual(d.range, find(TEXT, '$1'));
        assert.deepEqual(d.codeDescription, { href: 'https://www.shellcheck.net/wiki/SC2086' });
        assert.equal(d.source, 'dockwise');
        const data = d.data as DiagnosticData;
        assert.equal(data.version, 1);
        assert.equal(data.instructionLine, 1);
        assert.equal(data.fixes[0]?.title, "Apply ShellCheck's fix for SC2086");
        // The Dockwise findings are still there.
        assert.ok(published.diagnostics.some((x) => !String(x.code).startsWith('SC')));

        const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: d.range,
            context: { diagnostics: [d] },
        });
        const titles = actions.map((a) => a.title);
        assert.ok(titles.includes("Apply ShellCheck's fix for SC2086"), JSON.stringify(titles));
        assert.ok(titles.includes('Ignore SC2086 on this line'), JSON.stringify(titles));
    });

    it('checks the latest text only: findings of an older version are never published after newer ones', async () => {
        const uri = 'file:///work/sc-edits/Dockerfile';
        await server.open(uri, TEXT);
        await server.change(uri, [{ text: 'FROM debian:12\nRUN echo $2\n' }]);
        const last = await server.nextDiagnostics(uri, (p) => p.version === 2 && hasSc(p));
        await server.change(uri, [{ text: 'FROM debian:12\nRUN echo "$3" && echo $4\n' }]);
        assert.ok(last.diagnostics.some((d) => d.code === 'SC2086'));
        const published = server.published.filter((p) => p.uri === uri);
        const versions = published.map((p) => p.version ?? 0);
        assert.deepEqual(
            versions,
            [...versions].sort((a, b) => a - b),
            'publishes come in version order',
        );
    });

    it('honours # hadolint ignore=SC… above the RUN', async () => {
        const uri = 'file:///work/sc-ignore/Dockerfile';
        const text = 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $1\nRUN cd /x\n';
        const withSc = server.nextDiagnostics(uri, hasSc);
        await server.didOpen(uri, text);
        const codes = (await withSc).diagnostics.map((d) => d.code).filter((c) => String(c).startsWith('SC'));
        assert.deepEqual(codes, ['SC2164']);
    });

    it('stays off unless enabled, and a missing binary costs nothing but a log line', async () => {
        const off = await server.open('file:///work/off/Dockerfile', TEXT);
        const missing = await server.open('file:///work/missing/Dockerfile', TEXT);
        await new Promise((r) => setTimeout(r, 1000));
        for (const uri of ['file:///work/off/Dockerfile', 'file:///work/missing/Dockerfile']) {
            assert.ok(!server.published.filter((p) => p.uri === uri).some(hasSc), uri);
        }
        assert.ok(off.diagnostics.length > 0 && missing.diagnostics.length > 0);
        assert.ok(server.logs.some((l) => /\/nonexistent\/shellcheck was not found/.test(l.message)));
        assert.ok(server.alive);
    });
});
