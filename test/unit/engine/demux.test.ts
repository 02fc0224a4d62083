import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AsyncQueue } from '../../../client/src/engine/asyncQueue';
import {
    FrameDemuxer,
    LineSplitter,
    nanosToSince,
    splitTimestamp,
    timestampToNanos,
    type StreamName,
} from '../../../client/src/engine/demux';
import { backoffDelay, JsonLineParser } from '../../../client/src/engine/events';
import { fixtureText } from './fixtures';

const frame = (type: number, text: string | Buffer): Buffer => {
    const payload = typeof text === 'string' ? Buffer.from(text) : text;
    const h = Buffer.alloc(8);
    h[0] = type;
    h.writeUInt32BE(payload.length, 4);
    return Buffer.concat([h, payload]);
};

/** Feeds `bytes` cut at the given points; returns the lines per stream. */
function decode(bytes: Buffer, cuts: number[]): { stream: StreamName; text: string }[] {
    const demux = new FrameDemuxer();
    const lines = new LineSplitter();
    const out: { stream: StreamName; text: string }[] = [];
    let prev = 0;
    for (const cut of [...cuts, bytes.length]) {
        for (const f of demux.push(bytes.subarray(prev, cut))) {
            out.push(...lines.push(f.stream, f.data).map((text) => ({ stream: f.stream, text })));
        }
        prev = cut;
    }
    out.push(...lines.flush());
    return out;
}

describe('engine logs: demultiplexing', () => {
    const recorded = Buffer.from(fixtureText('logs-multiplexed.b64').trim(), 'base64');

    it('splits the recorded stream into stdout and stderr lines with timestamps', () => {
        const lines = decode(recorded, []).map((l) => ({ ...l, ...splitTimestamp(l.text) }));
        assert.deepEqual(lines.map((l) => [l.stream, l.text]).sort(), [
            ['stderr', 'err'],
            ['stdout', 'out'],
        ]);
        assert.ok(lines.every((l) => l.timestamp && timestampToNanos(l.timestamp)));
    });

    it('gives the same result whatever the chunk boundaries (every single cut point, and byte by byte)', () => {
        const bytes = Buffer.concat([
            frame(1, 'one\ntw'),
            frame(2, 'E1\n'),
            frame(1, 'o\nthree'),
            frame(2, 'E2 ünïcødé\n'),
            frame(1, '\n'),
        ]);
        const expected = decode(bytes, []);
        assert.deepEqual(expected, [
            { stream: 'stdout', text: 'one' },
            { stream: 'stderr', text: 'E1' },
            { stream: 'stdout', text: 'two' },
            { stream: 'stderr', text: 'E2 ünïcødé' },
            { stream: 'stdout', text: 'three' },
        ]);
        for (let cut = 1; cut < bytes.length; cut++) {
            assert.deepEqual(decode(bytes, [cut]), expected, `cut at ${cut}`);
        }
        assert.deepEqual(decode(bytes, [...Array(bytes.length).keys()].slice(1)), expected);
    });

    it('keeps a trailing partial line until more data, then flushes it at the end', () => {
        const lines = new LineSplitter();
        assert.deepEqual(lines.push('stdout', Buffer.from('abc')), []);
        assert.deepEqual(lines.push('stdout', Buffer.from('def\r\ngh')), ['abcdef']);
        assert.deepEqual(lines.flush(), [{ stream: 'stdout', text: 'gh' }]);
    });

    it('passes a non-multiplexed (TTY) stream through as stdout', () => {
        const demux = new FrameDemuxer();
        const frames = demux.push(Buffer.from('plain tty output\r\n'));
        assert.deepEqual(
            frames.map((f) => [f.stream, f.data.toString()]),
            [['stdout', 'plain tty output\r\n']],
        );
        assert.deepEqual(
            demux.push(Buffer.from([1, 0, 0, 0])).map((f) => f.stream),
            ['stdout'],
        );
    });

    it('handles an empty frame and a large frame', () => {
        const big = 'x'.repeat(100_000) + '\n';
        assert.deepEqual(decode(Buffer.concat([frame(1, ''), frame(2, big)]), [3, 9, 5000]), [
            { stream: 'stderr', text: big.trim() },
        ]);
    });
});

describe('engine logs: timestamps', () => {
    it('splits the engine timestamp prefix', () => {
        assert.deepEqual(splitTimestamp('2024-05-06T07:08:09.123456789Z hello world'), {
            timestamp: '2024-05-06T07:08:09.123456789Z',
            text: 'hello world',
        });
        assert.deepEqual(splitTimestamp('no timestamp'), { text: 'no timestamp' });
    });

    it('keeps nanoseconds for resuming after a restart', () => {
        const a = timestampToNanos('2024-05-06T07:08:09.123456789Z');
        const b = timestampToNanos('2024-05-06T07:08:09.12345679Z');
        assert.ok(a !== undefined && b !== undefined && b > a);
        assert.equal(b - a, 1n);
        assert.equal(nanosToSince(a), '1714979289.123456789');
        assert.equal(timestampToNanos('2024-05-06T07:08:09Z'), 1714979289000000000n);
        assert.equal(timestampToNanos('garbage'), undefined);
    });
});

describe('engine events: pure parts', () => {
    it('backs off exponentially from 0.5 s to a 30 s cap', () => {
        assert.deepEqual(
            [0, 1, 2, 3, 5, 6, 7, 20].map((n) => backoffDelay(n)),
            [500, 1000, 2000, 4000, 16000, 30000, 30000, 30000],
        );
        assert.equal(backoffDelay(0, { initialMs: 10, maxMs: 15 }), 10);
        assert.equal(backoffDelay(3, { initialMs: 10, maxMs: 15 }), 15);
    });

    it('parses newline-delimited JSON cut anywhere, skipping corrupt lines', () => {
        const p = new JsonLineParser();
        assert.deepEqual(p.push('{"a":1}\n{"b"'), [{ a: 1 }]);
        assert.deepEqual(p.push(':2}\nnot json\n\n{"c":3}\n'), [{ b: 2 }, { c: 3 }]);
    });
});

describe('engine: AsyncQueue', () => {
    it('delivers pushed items in order, then ends; signals back-pressure and drain', async () => {
        let drained = 0;
        const q = new AsyncQueue<number>(2, () => drained++);
        assert.equal(q.push(1), true);
        assert.equal(q.push(2), false, 'full at the high-water mark');
        q.end();
        const got: number[] = [];
        for await (const n of q) {
            got.push(n);
        }
        assert.deepEqual(got, [1, 2]);
        assert.equal(drained, 1);
    });

    it('hands items to a waiting consumer and rethrows an end error after the items', async () => {
        const q = new AsyncQueue<string>();
        const it = q[Symbol.asyncIterator]();
        const first = it.next();
        q.push('a');
        assert.deepEqual(await first, { value: 'a', done: false });
        q.push('b');
        q.end(new Error('boom'));
        assert.deepEqual(await it.next(), { value: 'b', done: false });
        await assert.rejects(it.next(), /boom/);
    });
});
