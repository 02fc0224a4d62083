import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Debouncer, type Timers, viewsAffectedBy } from '../../../client/src/views/refreshPolicy';
import { SharedQuery } from '../../../client/src/sharedQuery';

/** Deterministic timers: time moves only when the test says so. */
class FakeTimers implements Timers {
    time = 0;
    private next = 1;
    private readonly queue = new Map<number, { at: number; fn: () => void }>();
    setTimeout(fn: () => void, ms: number): unknown {
        const id = this.next++;
        this.queue.set(id, { at: this.time + ms, fn });
        return id;
    }
    clearTimeout(handle: unknown): void {
        this.queue.delete(handle as number);
    }
    now(): number {
        return this.time;
    }
    advance(ms: number): void {
        const end = this.time + ms;
        for (;;) {
            const due = [...this.queue.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
            if (!due) {
                break;
            }
            this.queue.delete(due[0]);
            this.time = due[1].at;
            due[1].fn();
        }
        this.time = end;
    }
}

describe('which events refresh which views', () => {
    it('ignores health-check exec noise and attach/resize', () => {
        for (const action of ['exec_create', 'exec_start', 'exec_die', 'attach', 'resize', 'top', 'archive-path']) {
            assert.deepEqual(viewsAffectedBy({ kind: 'container', action }), [], action);
        }
    });
    it('container lifecycle changes refresh containers, membership changes refresh all', () => {
        assert.deepEqual(viewsAffectedBy({ kind: 'container', action: 'pause' }), ['containers']);
        assert.deepEqual(viewsAffectedBy({ kind: 'container', action: 'health_status' }), ['containers']);
        assert.deepEqual(viewsAffectedBy({ kind: 'container', action: 'destroy' }).sort(), [
            'containers',
            'images',
            'networks',
            'volumes',
        ]);
    });
    it('image, volume and network events refresh their views', () => {
        assert.deepEqual(viewsAffectedBy({ kind: 'image', action: 'tag' }), ['images', 'containers']);
        assert.deepEqual(viewsAffectedBy({ kind: 'image', action: 'push' }), []);
        assert.deepEqual(viewsAffectedBy({ kind: 'volume', action: 'create' }), ['volumes']);
        assert.deepEqual(viewsAffectedBy({ kind: 'volume', action: 'mount' }), []);
        assert.deepEqual(viewsAffectedBy({ kind: 'network', action: 'connect' }), ['networks', 'containers']);
        assert.equal(viewsAffectedBy({ kind: 'daemon', action: 'reload' }).length, 4);
    });
});

describe('Debouncer', () => {
    it('coalesces a burst into one call after the quiet period', () => {
        const timers = new FakeTimers();
        let calls = 0;
        const d = new Debouncer(() => calls++, 250, 2000, timers);
        for (let i = 0; i < 10; i++) {
            d.trigger();
            timers.advance(100);
        }
        assert.equal(calls, 0, 'still bursting');
        timers.advance(250);
        assert.equal(calls, 1);
        assert.equal(d.pending, false);
    });
    it('fires at least every maxWait under a continuous trickle', () => {
        const timers = new FakeTimers();
        const at: number[] = [];
        const d = new Debouncer(() => at.push(timers.now()), 250, 1000, timers);
        for (let i = 0; i < 30; i++) {
            d.trigger();
            timers.advance(100);
        }
        assert.deepEqual(at, [1000, 2000, 3000], 'every maxWait, not only after the trickle stops');
    });
    it('cancel drops the pending call; flush runs it now', () => {
        const timers = new FakeTimers();
        let calls = 0;
        const d = new Debouncer(() => calls++, 250, 1000, timers);
        d.trigger();
        d.cancel();
        timers.advance(1000);
        assert.equal(calls, 0);
        d.trigger();
        d.flush();
        assert.equal(calls, 1);
        d.flush();
        assert.equal(calls, 1, 'nothing pending');
    });
});

describe('SharedQuery', () => {
    it('shares one request among concurrent callers and reuses a fresh answer', async () => {
        let now = 0;
        let loads = 0;
        const q = new SharedQuery(
            async () => ++loads,
            300,
            () => now,
        );
        const [a, b] = await Promise.all([q.get(), q.get()]);
        assert.equal(a, 1);
        assert.equal(b, 1);
        now = 200;
        assert.equal(await q.get(), 1, 'within maxAge');
        now = 600;
        assert.equal(await q.get(), 2, 'aged out');
    });
    it('invalidate forces a new request, and an answer begun before it is not cached', async () => {
        let loads = 0;
        let release: (() => void) | undefined;
        const q = new SharedQuery(
            () =>
                new Promise<number>((resolve) => {
                    const n = ++loads;
                    release = () => resolve(n);
                }),
            10_000,
            () => 0,
        );
        const first = q.get();
        q.invalidate();
        const second = q.get();
        release!(); // resolves the second
        assert.equal(await second, 2);
        assert.equal(await q.get(), 2, 'the second answer is cached');
        void first;
    });
    it('does not cache failures', async () => {
        let loads = 0;
        const q = new SharedQuery(async () => {
            loads++;
            if (loads === 1) {
                throw new Error('engine down');
            }
            return loads;
        }, 10_000);
        await assert.rejects(q.get(), /engine down/);
        assert.equal(await q.get(), 2);
    });
});
