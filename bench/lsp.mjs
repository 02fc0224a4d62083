// Section 3: editor latency over real LSP. The shipped bundle (dist/server.js, production build) is forked
// with --node-ipc and driven with vscode-languageserver-protocol as VS Code would: a 500-line Dockerfile,
// 200 single-character incremental edits (didChange → the publishDiagnostics of that version, with
// dockwise.lint.debounceMs = 0 answered to workspace/configuration), then 200 completions and 200 code actions;
// then 40 edits on a 5,000-line Dockerfile in fresh servers (diagnostics latency only).
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { bigDockerfile, rng } from './corpus.mjs';
import { BUILD, log, now, quantile, require, round, section } from './support/util.mjs';

const { createProtocolConnection, IPCMessageReader, IPCMessageWriter } = require('vscode-languageserver-protocol/node');

export const CAPABILITIES = {
    workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        applyEdit: true,
    },
    textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: {
            completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
        },
        codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
        },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    },
};

/** The settings the bench answers to workspace/configuration: lint on every change, no Docker Hub calls. */
const SETTINGS = { lint: { debounceMs: 0 }, completion: { imageTags: false } };

/** Forks the server bundle and connects to it; resolves once `initialize` is answered. */
export async function startServer(serverJs, settings = SETTINGS) {
    const t0 = now();
    const child = fork(serverJs, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const waiters = new Set();
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
        const at = now();
        for (const w of waiters) {
            if (w.accept(p)) {
                waiters.delete(w);
                w.resolve({ params: p, at });
            }
        }
    });
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const init = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: CAPABILITIES,
    });
    const initializeMs = now() - t0;
    await connection.sendNotification('initialized', {});
    const next = (accept, timeoutMs = 30_000) =>
        new Promise((resolve, reject) => {
            const w = { accept, resolve };
            waiters.add(w);
            setTimeout(() => {
                if (waiters.delete(w)) {
                    reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms`));
                }
            }, timeoutMs).unref();
        });
    const stop = async () => {
        try {
            await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
            await connection.sendNotification('exit');
        } catch {
            // already gone
        }
        connection.dispose();
        setTimeout(() => child.kill(), 500).unref();
    };
    return { child, connection, init, initializeMs, next, stop, stderr: () => stderr };
}

const stats = (values) => ({
    n: values.length,
    p50: round(quantile(values, 0.5), 2),
    p95: round(quantile(values, 0.95), 2),
    max: round(Math.max(...values), 2),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length, 2),
});

/** One server with one open document, driven through the same edits as the others. */
async function openSession(name, serverJs, text) {
    const server = await startServer(serverJs);
    const uri = 'file:///bench/Dockerfile';
    const opened = server.next((p) => p.uri === uri);
    await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version: 1, text },
    });
    const first = await opened;
    return {
        name,
        server,
        uri,
        version: 1,
        diagnostics: first.params.diagnostics,
        atOpen: first.params.diagnostics.length,
    };
}

/** didChange with one inserted character → the publishDiagnostics of that version. */
async function typeChar(session, line, character, ch) {
    const v = ++session.version;
    const published = session.server.next((p) => p.uri === session.uri && p.version === v);
    const t0 = now();
    await session.server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: session.uri, version: v },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
    });
    const { params, at } = await published;
    session.diagnostics = params.diagnostics;
    return at - t0;
}

async function request(session, method, params) {
    const t0 = now();
    const res = await session.server.connection.sendRequest(method, { textDocument: { uri: session.uri }, ...params });
    return { ms: now() - t0, res };
}

/** `count` (+ `warm` untimed) one-letter edits typed into every session; the ms of each, by session. */
async function typeEdits(sessions, lines, r, count, warm) {
    const out = Object.fromEntries(sessions.map((s) => [s.name, []]));
    for (let i = 0; i < count + warm; i++) {
        let line;
        do {
            line = r.int(0, lines.length - 2);
        } while (lines[line].length === 0);
        const character = r.int(0, lines[line].length);
        const ch = 'abcdefghijklmnopqrstuvwxyz'[r.int(0, 25)];
        lines[line] = lines[line].slice(0, character) + ch + lines[line].slice(character);
        for (const s of i % 2 ? [...sessions].reverse() : sessions) {
            const t = await typeChar(s, line, character, ch);
            if (i >= warm) {
                out[s.name].push(t);
            }
        }
    }
    return out;
}

/** The same edits on a bigger document (diagnostics latency only), in fresh servers. */
async function largeDocument(options, r) {
    const text = bigDockerfile((options.seed ?? 20240611) + 1, options.largeLines ?? 5000);
    const lines = text.split('\n');
    const sessions = [
        await openSession('dockwise', path.join(BUILD, 'dist', 'server.js'), text),
        await openSession('peer', path.join(BUILD, 'peer-server.js'), text),
    ];
    const edits = options.largeEdits ?? 40;
    const typed = await typeEdits(sessions, lines, r, edits, 3);
    for (const s of sessions) {
        await s.server.stop();
    }
    const out = { documentLines: lines.length - 1, edits, didChangeToDiagnosticsMs: {} };
    for (const s of sessions) {
        out.didChangeToDiagnosticsMs[s.name] = stats(typed[s.name]);
    }
    const d = out.didChangeToDiagnosticsMs;
    out.ratio = { p50: round(d.dockwise.p50 / d.peer.p50, 2), p95: round(d.dockwise.p95 / d.peer.p95, 2) };
    log(`${out.documentLines} lines: dockwise diagnostics p95 ${d.dockwise.p95} ms, peer ${d.peer.p95} ms`);
    return out;
}

section(import.meta.url, async (options) => {
    const r = rng(options.seed ?? 7);
    const text = bigDockerfile(options.seed ?? 20240611, options.lines ?? 500);
    const lines = text.split('\n');
    const sessions = [
        await openSession('dockwise', path.join(BUILD, 'dist', 'server.js'), text),
        await openSession('peer', path.join(BUILD, 'peer-server.js'), text),
    ];
    log(`opened a ${lines.length - 1}-line Dockerfile in dockwise and the peer server`);
    const count = options.edits ?? 200;
    const warm = 10;
    const ms = Object.fromEntries(sessions.map((s) => [s.name, { diagnostics: [], completion: [], codeAction: [] }]));

    // Edits: one letter typed at a seeded position of a non-empty line, sent to both servers (alternating who
    // goes first), each timed from didChange to the publishDiagnostics of that version.
    const typed = await typeEdits(sessions, lines, r, count, warm);
    for (const s of sessions) {
        ms[s.name].diagnostics = typed[s.name];
    }

    // Completion at seeded positions of the settled document: line starts (keywords), line ends (arguments,
    // flags, variables) and inside lines. Code actions: on each diagnostic of the server's last publish in turn
    // (quick fixes), and on plain cursor positions.
    const items = { dockwise: 0, peer: 0 };
    const actions = { dockwise: 0, peer: 0 };
    for (let i = 0; i < count + warm; i++) {
        const line = r.int(0, lines.length - 2);
        const character = r.pick([0, lines[line].length, r.int(0, lines[line].length)]);
        for (const s of i % 2 ? [...sessions].reverse() : sessions) {
            const c = await request(s, 'textDocument/completion', { position: { line, character } });
            let range = { start: { line, character: 0 }, end: { line, character: 0 } };
            let diagnostics = s.diagnostics.filter((d) => d.range.start.line <= line && line <= d.range.end.line);
            if (i % 2 === 0 && s.diagnostics.length > 0) {
                const d = s.diagnostics[(i / 2) % s.diagnostics.length];
                range = d.range;
                diagnostics = [d];
            }
            const a = await request(s, 'textDocument/codeAction', { range, context: { diagnostics } });
            if (i >= warm) {
                ms[s.name].completion.push(c.ms);
                ms[s.name].codeAction.push(a.ms);
                items[s.name] += (Array.isArray(c.res) ? c.res : (c.res?.items ?? [])).length;
                actions[s.name] += a.res?.length ?? 0;
            }
        }
    }
    const result = {
        documentLines: lines.length - 1,
        edits: count,
        settings: SETTINGS,
        peer: 'dockerfile-language-service validate on every change (the stack of dockerfile-language-server-nodejs), bundled',
        servers: {},
        ratios: {},
    };
    for (const s of sessions) {
        result.servers[s.name] = {
            diagnosticsAtOpen: s.atOpen,
            diagnosticsAtEnd: s.diagnostics.length,
            didChangeToDiagnosticsMs: stats(ms[s.name].diagnostics),
            completionMs: { ...stats(ms[s.name].completion), itemsReturned: items[s.name] },
            codeActionMs: { ...stats(ms[s.name].codeAction), actionsReturned: actions[s.name] },
        };
        log(
            `${s.name}: diagnostics p50 ${result.servers[s.name].didChangeToDiagnosticsMs.p50} / p95 ${result.servers[s.name].didChangeToDiagnosticsMs.p95} ms; ` +
                `completion p95 ${result.servers[s.name].completionMs.p95} ms; code actions p95 ${result.servers[s.name].codeActionMs.p95} ms`,
        );
    }
    for (const k of ['didChangeToDiagnosticsMs', 'completionMs', 'codeActionMs']) {
        const d = result.servers.dockwise[k];
        const p = result.servers.peer[k];
        result.ratios[k] = { p50: round(d.p50 / p.p50, 2), p95: round(d.p95 / p.p95, 2) };
    }
    for (const s of sessions) {
        await s.server.stop();
    }
    result.large = await largeDocument(options, r);
    return result;
});
