import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { EngineEventStream } from '../../../client/src/engine/events';
import type { Transport } from '../../../client/src/engine/transport';
import { EngineError, type EngineStatus } from '../../../client/src/engine/types';

/** A transport whose /events fails while `down`, else opens a stream that stays open. */
function fakeTransport(state: { down: boolean; opened: number }): Transport {
    const connection = { source: 'setting', host: 'unix:///fake.sock', scheme: 'unix', description: 'fake' } as const;
    return {
        connection,
        stream: async () => {
            state.opened++;
            if (state.down) {
                throw new EngineError('notRunning', 'cannot reach unix:///fake.sock (ENOENT).');
            }
            return { response: new PassThrough(), close: () => undefined };
        },
        mapError: (e: unknown) => (e instanceof EngineError ? e : new EngineError('unknown', String(e))),
    } as unknown as Transport;
}

describe('engine events: waking the backoff', () => {
    it('wake() reconnects at once instead of at the end of a long backoff, with one stream', async () => {
        const state = { down: true, opened: 0 };
        const version = async () => ({ version: '1', apiVersion: '1.41', os: 'linux', arch: 'x64', components: [] });
        const stream = new EngineEventStream(fakeTransport(state), version, { initialMs: 60_000, maxMs: 60_000 });
        const statuses: EngineStatus['state'][] = [];
        const connected = new Promise<void>((resolve) => {
            stream.onStatus((s) => {
                statuses.push(s.state);
                if (s.state === 'connected') {
                    resolve();
                }
            });
        });
        await new Promise((r) => setTimeout(r, 20));
        assert.deepEqual(statuses, ['unreachable'], 'waiting out a 60 s backoff');
        state.down = false;
        const t0 = Date.now();
        stream.wake();
        stream.wake(); // twice: still one reconnection
        await connected;
        assert.ok(Date.now() - t0 < 1000, 'reconnected at once');
        await new Promise((r) => setTimeout(r, 20));
        assert.equal(state.opened, 2, 'one failed attempt, one stream');
        stream.wake(); // connected: nothing to wake, no second stream
        await new Promise((r) => setTimeout(r, 20));
        assert.equal(state.opened, 2);
        stream.dispose();
    });
});
