// A hung engine: a unix socket this test creates that accepts connections and never answers (a real dockerd
// cannot be made to hang on demand). Every call the views make must end in the timeout error, with words that
// name the operation and the engine, instead of a view that spins forever.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngineClient } from '../../client/src/engine/index';
import { DEFAULT_TIMEOUT_MS } from '../../client/src/engine/timeouts';
import { EngineError, type EngineClient, type EngineStatus } from '../../client/src/engine/types';
import { hungSocket, type Closable } from './fakeEngine';
import { nextMatching } from './helpers';

const TIMEOUT_MS = 300;
/** Hang guard: far above the timeout, far below the test runner's patience. */
const GUARD_MS = 10_000;

/** Times from before the call (the first one also loads dockerode synchronously, inside its deadline). */
async function timing<T>(call: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
    const t0 = Date.now();
    const error = await call().then(
        () => undefined,
        (e: unknown) => e,
    );
    return { error, ms: Date.now() - t0 };
}

describe('engine faults: a hung engine hits the timeouts', () => {
    let tmp: string;
    let hung: Closable & { accepted(): number };
    let c: EngineClient;
    const figures: string[] = [];

    before(async () => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-hung-'));
        hung = await hungSocket(path.join(tmp, 'hung.sock'));
        c = createEngineClient({ hostSetting: `unix://${tmp}/hung.sock`, env: {}, defaultTimeoutMs: TIMEOUT_MS });
    });
    after(async () => {
        c?.dispose();
        await hung?.close();
        fs.rmSync(tmp, { recursive: true, force: true });
        console.log(`# hung engine, ${TIMEOUT_MS} ms deadline: ${figures.join(', ')}`);
    });

    it('the default deadline is finite and the client takes a smaller one', () => {
        assert.ok(DEFAULT_TIMEOUT_MS > 0 && DEFAULT_TIMEOUT_MS <= 30_000, `${DEFAULT_TIMEOUT_MS}`);
    });

    const calls: [string, RegExp, (c: EngineClient) => Promise<unknown>][] = [
        ['ping', /reach the engine/, (x) => x.ping()],
        ['version', /read the engine version/, (x) => x.version()],
        ['info', /read engine info/, (x) => x.info()],
        ['list containers', /list containers/, (x) => x.listContainers()],
        ['list images', /list (images|containers)/, (x) => x.listImages()],
        ['list volumes', /list volumes/, (x) => x.listVolumes()],
        ['list volumes with usage', /list (volumes|containers)/, (x) => x.listVolumes({ withUsage: true })],
        ['list networks', /list (networks|containers)/, (x) => x.listNetworks()],
        ['inspect container', /inspect container web/, (x) => x.inspectContainer('web')],
        ['inspect image', /inspect image|list containers/, (x) => x.inspectImage('busybox')],
        ['inspect volume', /inspect volume data/, (x) => x.inspectVolume('data')],
        ['inspect network', /inspect network net/, (x) => x.inspectNetwork('net')],
        ['inspect (document)', /inspect container web/, (x) => x.inspectRaw('container', 'web')],
        ['logs', /inspect container web/, (x) => x.openLogs('web', { follow: true, tail: 100 })],
    ];
    for (const [name, operation, call] of calls) {
        it(`${name} rejects with the timeout error and a clear message`, async () => {
            const { error, ms } = await timing(() => call(c));
            figures.push(`${name} ${ms} ms`);
            assert.ok(error instanceof EngineError, `${name}: ${String(error)}`);
            assert.equal(error.cause, 'timeout', error.message);
            assert.match(error.message, operation);
            assert.match(error.message, new RegExp(`${tmp}/hung\\.sock did not answer within ${TIMEOUT_MS} ms`));
            assert.match(error.fix ?? '', /overloaded or hanging/);
            assert.ok(ms >= TIMEOUT_MS - 50 && ms < GUARD_MS, `${name} took ${ms} ms`);
        });
    }

    it('a per-call timeout wins over the default; a status check never rejects', async () => {
        const { error, ms } = await timing(() => c.listContainers({ timeoutMs: 100 }));
        assert.ok(error instanceof EngineError && error.cause === 'timeout' && /100 ms/.test(error.message));
        assert.ok(ms < TIMEOUT_MS, `${ms} ms`);
        const status = await c.checkStatus();
        assert.ok(status.state === 'unreachable' && status.error.cause === 'timeout', JSON.stringify(status));
    });

    it('the events stream reports unreachable (timeout) instead of "connecting" forever', async () => {
        const t0 = Date.now();
        const down = await nextMatching<EngineStatus>(
            c.events.onStatus,
            (s) => s.state === 'unreachable',
            'unreachable',
            GUARD_MS,
        );
        figures.push(`events unreachable after ${Date.now() - t0} ms`);
        assert.ok(down.state === 'unreachable' && down.error.cause === 'timeout', JSON.stringify(down));
        assert.ok(hung.accepted() > 0);
    });

    it('an engine that sends headers and then stalls the body also times out', async () => {
        const stallPath = path.join(tmp, 'stall.sock');
        const sockets = new Set<net.Socket>();
        const s = net.createServer((sock) => {
            sockets.add(sock);
            sock.on('error', () => undefined);
            sock.once('data', () =>
                sock.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{"Id":'),
            );
        });
        await new Promise<void>((r) => s.listen(stallPath, r));
        const sc = createEngineClient({ hostSetting: `unix://${stallPath}`, env: {}, defaultTimeoutMs: TIMEOUT_MS });
        try {
            const { error, ms } = await timing(() => sc.listContainers());
            figures.push(`stalled body ${ms} ms`);
            assert.ok(error instanceof EngineError && error.cause === 'timeout', String(error));
            assert.ok(ms < GUARD_MS);
        } finally {
            sc.dispose();
            sockets.forEach((x) => x.destroy());
            await new Promise<void>((r) => s.close(() => r()));
        }
    });
});
