// A unix-socket proxy in front of the engine socket that counts the HTTP requests passing through it (every
// request line, keep-alive or not) and knows which ones are still open (long-lived streams such as /events).
import { rmSync } from 'node:fs';
import * as net from 'node:net';

const REQUEST_LINE = /(GET|POST|PUT|DELETE|HEAD) (\/[^\s?]*)(\?\S*)? HTTP\/1\.[01]\r\n/g;

/** Collapses ids so that requests group by endpoint: /containers/<id>/json. */
export function endpointOf(p) {
    return p
        .replace(/^\/v\d+\.\d+/, '')
        .replace(/\/(containers|images|volumes|networks|exec)\/(?!(?:json|create|prune)(?:$|\/))[^/]+/, '/$1/<id>');
}

export async function startCountingProxy(listenPath, enginePath) {
    rmSync(listenPath, { force: true });
    const requests = [];
    const sockets = new Set();
    const server = net.createServer((client) => {
        const upstream = net.connect(enginePath);
        sockets.add(client);
        sockets.add(upstream);
        const conn = { open: [], closed: false };
        let pending = '';
        client.on('data', (chunk) => {
            // Request lines can straddle chunks: keep a short tail and scan again.
            const text = pending + chunk.toString('latin1');
            REQUEST_LINE.lastIndex = 0;
            let m;
            let consumed = 0;
            while ((m = REQUEST_LINE.exec(text))) {
                const req = { at: Date.now(), method: m[1], path: endpointOf(m[2]), query: m[3] ?? '', conn };
                requests.push(req);
                conn.open.push(req);
                consumed = REQUEST_LINE.lastIndex;
            }
            pending = text.slice(Math.max(consumed, text.length - 300));
            upstream.write(chunk);
        });
        upstream.on('data', (chunk) => client.write(chunk));
        const close = () => {
            conn.closed = true;
            client.destroy();
            upstream.destroy();
            sockets.delete(client);
            sockets.delete(upstream);
        };
        client.on('close', close);
        upstream.on('close', close);
        client.on('error', close);
        upstream.on('error', close);
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(listenPath, resolve);
    });
    return {
        host: `unix://${listenPath}`,
        requests,
        /** Requests made at or after `since` (ms epoch), grouped as "GET /path": count. */
        countSince(since) {
            const out = {};
            for (const r of requests.filter((x) => x.at >= since)) {
                const k = `${r.method} ${r.path}`;
                out[k] = (out[k] ?? 0) + 1;
            }
            return out;
        },
        /** Event streams (GET /events) whose connection is still open. */
        openEventStreams() {
            return requests.filter((r) => r.path === '/events' && !r.conn.closed).length;
        },
        close() {
            for (const s of sockets) {
                s.destroy();
            }
            return new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
