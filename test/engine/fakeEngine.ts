// Sockets the fault tests put in front of (or instead of) an engine. The real engine cannot be made to hang or
// to answer malformed JSON, so those two are fakes on unix sockets the tests create; every other fault test
// runs against a real dockerd, through `countingProxy` when it needs to count connections.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';

export interface Closable {
    close(): Promise<void>;
}

async function listen(server: net.Server, socketPath: string): Promise<void> {
    fs.rmSync(socketPath, { force: true });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(socketPath, () => resolve());
    });
}

function closer(server: net.Server, sockets: Set<net.Socket>): Closable {
    return {
        close: () =>
            new Promise<void>((resolve) => {
                for (const s of sockets) {
                    s.destroy();
                }
                server.close(() => resolve());
            }),
    };
}

/** Accepts connections and reads what is sent, but never answers: a hung engine. */
export async function hungSocket(socketPath: string): Promise<Closable & { accepted(): number }> {
    const sockets = new Set<net.Socket>();
    let accepted = 0;
    const server = net.createServer((s) => {
        accepted++;
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
        s.resume();
    });
    await listen(server, socketPath);
    return { ...closer(server, sockets), accepted: () => accepted };
}

/** Answer nothing, ever (the request hangs). */
export const HANG = Symbol('hang');
/** What the fake answers: a JSON value (status 200), a raw status/body/headers, or HANG. */
export type FakeAnswer = unknown | { raw: { status: number; body: string; headers?: Record<string, string> } };
export type FakeRoutes = (method: string, path: string) => FakeAnswer | undefined;

/** An HTTP server on a unix socket answering from `routes` (404 for what they do not know). */
export async function fakeEngine(socketPath: string, routes: FakeRoutes): Promise<Closable & { paths: string[] }> {
    const sockets = new Set<net.Socket>();
    const paths: string[] = [];
    const server = http.createServer((req, res) => {
        req.resume();
        // The client may or may not prefix a version (/v1.41/…): routes see the bare path.
        const url = new URL(req.url ?? '/', 'http://engine');
        const bare = url.pathname.replace(/^\/v\d+\.\d+/, '');
        paths.push(`${req.method} ${bare}`);
        const answer = routes(req.method ?? 'GET', bare);
        if (answer === HANG) {
            return;
        }
        if (answer === undefined) {
            res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"page not found"}');
        } else if (typeof answer === 'object' && answer !== null && 'raw' in answer) {
            const { raw } = answer as { raw: { status: number; body: string; headers?: Record<string, string> } };
            res.writeHead(raw.status, raw.headers ?? { 'Content-Type': 'application/json' }).end(raw.body);
        } else {
            res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
        }
    });
    server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
    });
    await listen(server, socketPath);
    return { ...closer(server, sockets), paths };
}

/** One client connection through the proxy: its request lines, and whether it reached the engine. */
export interface ProxiedConnection {
    readonly requests: string[];
    upstream: boolean;
    open: boolean;
}

/**
 * A transparent unix-socket proxy in front of `target` that records each connection's HTTP request lines
 * (GET /events included) and whether it reached the target. When the target is gone, connections are cut at
 * once, as a stopped engine's are.
 */
export async function countingProxy(
    socketPath: string,
    target: string,
): Promise<
    Closable & { connections: ProxiedConnection[]; count(pattern: RegExp): number; live(pattern: RegExp): number }
> {
    const sockets = new Set<net.Socket>();
    const connections: ProxiedConnection[] = [];
    const server = net.createServer((client) => {
        const record: ProxiedConnection = { requests: [], upstream: false, open: true };
        connections.push(record);
        sockets.add(client);
        client.on('close', () => (sockets.delete(client), (record.open = false)));
        client.on('error', () => undefined);
        const upstream = net.connect(target, () => (record.upstream = true));
        sockets.add(upstream);
        upstream.on('close', () => (sockets.delete(upstream), client.destroy()));
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
        let tail = '';
        client.on('data', (chunk: Buffer) => {
            // Request lines may straddle chunks: look at the end of the previous chunk too, count each once.
            const text = tail + chunk.toString('latin1');
            for (const m of text.matchAll(/(GET|POST|PUT|DELETE|HEAD) (\/\S*) HTTP\/1\.[01]\r\n/g)) {
                if (m.index + m[0].length > tail.length) {
                    record.requests.push(`${m[1]} ${m[2]}`);
                }
            }
            tail = text.slice(-300);
        });
        client.pipe(upstream);
        upstream.pipe(client);
    });
    await listen(server, socketPath);
    const matching = (pattern: RegExp) => connections.filter((c) => c.requests.some((r) => pattern.test(r)));
    return {
        ...closer(server, sockets),
        connections,
        /** Connections that sent a matching request, reaching the engine or not. */
        count: (pattern) => matching(pattern).length,
        /** Open connections to the engine that sent a matching request (for /events: streams now open). */
        live: (pattern) => matching(pattern).filter((c) => c.open && c.upstream).length,
    };
}

/** GET /_ping straight to a unix-socket engine: true when it answers OK within `timeoutMs`. */
export function ping(host: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
        const req = http.get(
            { socketPath: host.replace(/^unix:\/\//, ''), path: '/_ping', timeout: timeoutMs },
            (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode === 200));
            },
        );
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(false));
    });
}
