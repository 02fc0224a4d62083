// The pull stream, decoded as pure code: recorded engine streams (test/fixtures/engine/pull: fresh,
// up-to-date and layer-missing recorded from Engine 20.10 pulling from the test registry double; the hub-*
// ones written in the same format for what only a real registry does) through consumePullStream and the
// tracker behind the notification and the per-layer output; and cancellation.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { PullTracker } from '../../../client/src/commands/pullProgress';
import { toEngineError } from '../../../client/src/engine/errors';
import { consumePullStream, decodePullMessage, type PullResponse } from '../../../client/src/engine/pull';
import { EngineError, type PullProgress } from '../../../client/src/engine/types';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'engine', 'pull');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

/** An IncomingMessage as far as the pull reads it; `destroy` acts like the transport's abort. */
class FakeResponse extends EventEmitter implements PullResponse {
    complete = false;
    destroyed = false;
    setEncoding(): this {
        return this;
    }
    /** Sends `text` in small awkward pieces (lines split mid-JSON), then ends unless `open`. */
    play(text: string, open = false): void {
        for (let i = 0; i < text.length; i += 7) {
            this.emit('data', text.slice(i, i + 7));
        }
        if (!open) {
            this.complete = true;
            this.emit('end');
            this.emit('close');
        }
    }
    destroy(): void {
        this.destroyed = true;
        setImmediate(() => this.emit('close'));
    }
}

const mapError = (e: unknown, reason?: 'cancelled'): EngineError =>
    toEngineError(e, { operation: 'pull x:1' }, reason ? { reason } : undefined);

async function replay(name: string): Promise<{ progress: PullProgress[]; tracker: PullTracker; fractions: number[] }> {
    const response = new FakeResponse();
    const tracker = new PullTracker();
    const progress: PullProgress[] = [];
    const fractions: number[] = [];
    const done = consumePullStream(
        response,
        'x:1',
        {
            onProgress: (p) => {
                progress.push(p);
                fractions.push(tracker.update(p).fraction);
            },
        },
        () => response.destroy(),
        mapError,
    );
    response.play(fixture(name));
    await done;
    return { progress, tracker, fractions };
}

describe('pull stream', () => {
    it('decodes status, id and progressDetail, and the error line', () => {
        assert.deepEqual(
            decodePullMessage({ status: 'Downloading', progressDetail: { current: 5, total: 9 }, id: 'abc' }),
            { progress: { id: 'abc', status: 'Downloading', current: 5, total: 9 } },
        );
        assert.deepEqual(decodePullMessage({ status: 'Digest: sha256:1' }), {
            progress: { id: undefined, status: 'Digest: sha256:1', current: undefined, total: undefined },
        });
        assert.deepEqual(decodePullMessage({ errorDetail: { message: 'unknown blob' }, error: 'unknown blob' }), {
            error: 'unknown blob',
        });
    });

    it('a fresh two-layer pull: one line per layer, a growing percent that ends at 100', async () => {
        const { progress, tracker, fractions } = await replay('fresh-two-layers.jsonl');
        assert.equal(progress.length, 21);
        assert.deepEqual(
            fractions.map((f, i) => f >= (fractions[i - 1] ?? 0)),
            fractions.map(() => true),
            'never goes back',
        );
        assert.equal(tracker.summary().message, '100% · 2/2 layers');
        const text = tracker.render('Pulling 127.0.0.1:5000/dockwise-test/pulled:1');
        assert.deepEqual(text.trimEnd().split('\n'), [
            'Pulling 127.0.0.1:5000/dockwise-test/pulled:1',
            '  Pulling from dockwise-test/pulled',
            '  03ef7347ce4c  Done (102 B)',
            '  e6bb20e100ca  Done (2 MB)',
            '  Digest: sha256:30571bfd2cd0b33371e800c97d006315e96450fbd075d2fe05d8f3aa8be6cc2f',
            '  Status: Downloaded newer image for 127.0.0.1:5000/dockwise-test/pulled:1',
        ]);
    });

    it('shows each phase of a layer while it runs', () => {
        const t = new PullTracker();
        const lines: string[] = [];
        for (const raw of fixture('fresh-two-layers.jsonl').trim().split('\n')) {
            const m = decodePullMessage(JSON.parse(raw));
            if ('progress' in m && t.update(m.progress).changed) {
                lines.push(
                    t
                        .render('')
                        .split('\n')
                        .find((l) => l.includes('e6bb20e100ca')) ?? '',
                );
            }
        }
        // The phase words in order (a redraw for another layer repeats the line, with newer bytes).
        const phases = lines.filter(Boolean).map((l) => l.trim().split(/\s+/).slice(1).join(' '));
        assert.deepEqual(
            phases.filter((p, i) => p.split(' ')[0] !== phases[i - 1]?.split(' ')[0]),
            [
                'Waiting',
                'Downloading 36.7 kB / 2 MB',
                'Verifying checksum',
                'Downloaded 2 MB',
                'Extracting 32.8 kB / 2 MB',
                'Done (2 MB)',
            ],
        );
    });

    it('cached layers, waiting and retrying, as a registry sends them', async () => {
        const t = new PullTracker();
        const messages: string[] = [];
        for (const raw of fixture('hub-cached-retry.jsonl').trim().split('\n')) {
            const m = decodePullMessage(JSON.parse(raw));
            assert.ok('progress' in m);
            messages.push(t.update(m.progress).message);
            if (m.progress.status === 'Retrying in 4 seconds') {
                assert.match(t.render('nginx'), /9b1039c85176 {2}Retrying in 4 seconds/);
                assert.match(t.render('nginx'), /9ad567d3b8a2 {2}Waiting/);
                assert.match(t.render('nginx'), /2d429b9e73a6 {2}Already exists/);
            }
        }
        assert.deepEqual(messages.slice(0, 5), [
            'Pulling from library/nginx',
            '0% · 1/1 layers',
            '0% · 1/2 layers',
            '0% · 1/3 layers',
            '0% · 1/3 layers',
        ]);
        assert.ok(messages.includes('33% · 1/3 layers · retrying'), messages.join('\n'));
        assert.ok(messages.some((m) => /· 1\/3 layers · downloading 1.46 MB of 29.1 MB$/.test(m)));
        assert.equal(messages.at(-1), '100% · 3/3 layers');
    });

    it('an image already up to date has no layers and finishes', async () => {
        const { tracker } = await replay('up-to-date.jsonl');
        assert.equal(tracker.layerStates().length, 0);
        assert.match(tracker.summary().message, /^Status: Image is up to date for /);
    });

    it('an error line fails the pull with the engine words', async () => {
        await assert.rejects(
            replay('layer-missing.jsonl'),
            (e: unknown) =>
                e instanceof EngineError && e.cause === 'unknown' && e.message === 'Could not pull x:1: unknown blob',
        );
        await assert.rejects(
            replay('hub-reset-mid-layer.jsonl'),
            (e: unknown) =>
                e instanceof EngineError &&
                /cannot reach the registry \(read tcp .*connection reset by peer\)/.test(e.message),
        );
    });

    it('cancelling aborts the open stream with a clear Cancelled error', async () => {
        const response = new FakeResponse();
        const controller = new AbortController();
        controller.signal.addEventListener('abort', () => response.destroy());
        const seen: string[] = [];
        const done = consumePullStream(
            response,
            'x:1',
            { signal: controller.signal, onProgress: (p) => seen.push(p.status) },
            () => response.destroy(),
            mapError,
        );
        const text = fixture('fresh-two-layers.jsonl');
        response.play(text.slice(0, text.indexOf('{"status":"Verifying')), true);
        controller.abort();
        await assert.rejects(done, (e: unknown) => {
            assert.ok(e instanceof EngineError);
            assert.equal(e.cause, 'cancelled');
            assert.equal(e.message, 'Could not pull x:1: cancelled.');
            return true;
        });
        assert.ok(seen.includes('Downloading'));
        assert.ok(response.destroyed);
    });

    it('an already aborted signal, a broken connection and a throwing listener', async () => {
        const aborted = new AbortController();
        aborted.abort();
        await assert.rejects(
            consumePullStream(new FakeResponse(), 'x:1', { signal: aborted.signal }, () => undefined, mapError),
            (e: unknown) => e instanceof EngineError && e.cause === 'cancelled',
        );
        const broken = new FakeResponse();
        const done = consumePullStream(broken, 'x:1', {}, () => undefined, mapError);
        broken.play('{"status":"Pulling fs layer","id":"a"}\n', true);
        broken.emit('close');
        await assert.rejects(done, (e: unknown) => e instanceof EngineError && e.cause === 'notRunning');
        const ok = new FakeResponse();
        const fine = consumePullStream(
            ok,
            'x:1',
            {
                onProgress: () => {
                    throw new Error('listener bug');
                },
            },
            () => undefined,
            mapError,
        );
        ok.play(fixture('up-to-date.jsonl'));
        await fine;
    });
});
