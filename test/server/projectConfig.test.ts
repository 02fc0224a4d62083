import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestServer } from './lspClient';

// The files around a Dockerfile (hadolint config, .dockerignore) and the settings that feed rule
// options, through the real server: a temporary workspace and HOME, file: URIs.

const FILE_CHANGED = 2;
const severityOf = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.find((d) => d.code === code)?.severity;
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

describe('project files and rule settings', () => {
    let tmp: string;
    let ws: string;
    let server: TestServer;
    const write = (rel: string, text: string) => {
        const file = path.join(tmp, rel);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
        return file;
    };
    const uri = (rel: string) => pathToFileURL(path.join(tmp, rel)).href;

    before(async () => {
        tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'dockwise-project-')));
        ws = path.join(tmp, 'ws');
        write('ws/.hadolint.yaml', 'ignored: [DL3007]\noverride:\n  error: [DL3025]\n');
        write('home/.hadolint.yaml', 'ignored: [DL3025]\n');
        const env: NodeJS.ProcessEnv = { ...process.env, HOME: path.join(tmp, 'home') };
        delete env.XDG_CONFIG_HOME;
        server = await TestServer.start({
            env,
            rootUri: pathToFileURL(ws).href,
            settings: (scope?: string) => {
                const base = { lint: { debounceMs: 0 } };
                if (scope?.includes('/override/')) {
                    return { ...base, rules: { DL3025: 'info' } };
                }
                if (scope?.includes('/noconfig/')) {
                    return { ...base, hadolint: { useConfig: false } };
                }
                if (scope?.includes('/options/')) {
                    return {
                        lint: {
                            debounceMs: 0,
                            trustedRegistries: ['docker.io'],
                            labelSchema: { 'org.opencontainers.image.source': 'url' },
                            strictLabels: true,
                            requireUser: true,
                        },
                    };
                }
                return base;
            },
        });
    });
    after(async () => {
        await server.stop();
        rmSync(tmp, { recursive: true, force: true });
    });

    const LATEST = 'FROM alpine:latest\nCMD echo hi\n';

    it('applies the workspace .hadolint.yaml: ignored rules are gone, overridden ones change severity', async () => {
        const p = await server.open(uri('ws/app/Dockerfile'), LATEST);
        assert.ok(!codes(p).includes('base-image-latest'), JSON.stringify(codes(p)));
        assert.equal(severityOf(p, 'cmd-exec-form'), DiagnosticSeverity.Error);
    });

    it('lets Dockwise settings win over the hadolint config', async () => {
        const p = await server.open(uri('ws/override/Dockerfile'), LATEST);
        assert.equal(severityOf(p, 'cmd-exec-form'), DiagnosticSeverity.Information);
    });

    it('reads no hadolint config with dockwise.hadolint.useConfig off', async () => {
        const p = await server.open(uri('ws/noconfig/Dockerfile'), LATEST);
        assert.equal(severityOf(p, 'base-image-latest'), DiagnosticSeverity.Warning);
        assert.equal(severityOf(p, 'cmd-exec-form'), DiagnosticSeverity.Warning);
    });

    it('falls back to the user-level config outside any workspace folder', async () => {
        const p = await server.open(uri('elsewhere/Dockerfile'), LATEST);
        assert.ok(codes(p).includes('base-image-latest'));
        assert.ok(!codes(p).includes('cmd-exec-form'), JSON.stringify(codes(p)));
    });

    it('says on line 1 that a malformed config is invalid, and where, and lints without it', async () => {
        const config = write('ws/broken/.hadolint.yaml', 'ignored: [DL3007\n');
        const p = await server.open(uri('ws/broken/Dockerfile'), LATEST);
        const d = p.diagnostics.find((x) => x.code === 'hadolint-config');
        assert.ok(d, JSON.stringify(codes(p)));
        assert.equal(d.range.start.line, 0);
        assert.equal(d.range.end.line, 0);
        const message = String(d.message);
        assert.ok(message.includes(config), message);
        assert.match(message, /invalid.*line \d+/);
        assert.ok(codes(p).includes('base-image-latest'));
    });

    it('lints again when a watched config file changes', async () => {
        const u = uri('ws/watch/Dockerfile');
        const first = await server.open(u, LATEST);
        assert.equal(severityOf(first, 'cmd-exec-form'), DiagnosticSeverity.Error);
        const file = write('ws/watch/.hadolint.yml', 'override:\n  style: [DL3025]\n');
        const next = server.nextDiagnostics(u, (p) => severityOf(p, 'cmd-exec-form') === DiagnosticSeverity.Hint);
        await server.notify('workspace/didChangeWatchedFiles', {
            changes: [{ uri: pathToFileURL(file).href, type: 1 }],
        });
        const p = await next;
        assert.ok(codes(p).includes('base-image-latest'), 'the nearer config replaces the workspace one');
    });

    it('passes the .dockerignore of the build context, Dockerfile.dockerignore first, and follows its changes', async () => {
        const text = 'FROM alpine:3.20\nWORKDIR /app\nCOPY .env secret.txt ./\nCMD ["app"]\n';
        write('ws/ctx/.dockerignore', '.env\n');
        const p = await server.open(uri('ws/ctx/Dockerfile'), text);
        const ignored = p.diagnostics.filter((d) => d.code === 'copy-ignored-file');
        assert.deepEqual(
            ignored.map((d) => d.range.start.character),
            [5],
        );
        write('ws/ctx2/.dockerignore', '.env\n');
        const special = write('ws/ctx2/Dockerfile.dockerignore', 'secret.txt\n');
        const u = uri('ws/ctx2/Dockerfile');
        const q = await server.open(u, text);
        assert.deepEqual(
            q.diagnostics.filter((d) => d.code === 'copy-ignored-file').map((d) => d.range.start.character),
            [10],
        );
        writeFileSync(special, '*.txt\n.env\n');
        const next = server.nextDiagnostics(
            u,
            (x) => x.diagnostics.filter((d) => d.code === 'copy-ignored-file').length === 2,
        );
        await server.notify('workspace/didChangeWatchedFiles', {
            changes: [{ uri: pathToFileURL(special).href, type: FILE_CHANGED }],
        });
        await next;
    });

    it('shows BuildKit checks as errors under # check=error=true', async () => {
        const p = await server.open(
            uri('ws/check/Dockerfile'),
            '# check=error=true\nFROM alpine:3.20 AS Build\nCMD ["a"]\n',
        );
        assert.equal(severityOf(p, 'stage-name-casing'), DiagnosticSeverity.Error);
        const q = await server.open(uri('ws/check2/Dockerfile'), 'FROM alpine:3.20 AS Build\nCMD ["a"]\n');
        assert.equal(severityOf(q, 'stage-name-casing'), DiagnosticSeverity.Warning);
    });

    it('passes trustedRegistries, labelSchema, strictLabels and requireUser to their rules', async () => {
        const p = await server.open(
            uri('ws/options/Dockerfile'),
            'FROM quay.io/org/app:1.0\nLABEL foo=bar\nCMD ["app"]\n',
        );
        for (const code of ['trusted-registry', 'label-missing', 'label-superfluous', 'user-root']) {
            assert.ok(codes(p).includes(code), `${code} not in ${JSON.stringify(codes(p))}`);
        }
    });
});
