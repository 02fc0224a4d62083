// Pull against the real engine. No registry is reachable here, so the engine pulls from a registry double on
// 127.0.0.1 (registryStub.ts): real per-layer progress, cancellation mid-layer, registry errors; plus an
// unreachable registry and the offline flows (docker load, local tags) a failed pull must leave alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PullTracker } from '../../client/src/commands/pullProgress';
import { EngineError, type EngineClient, type PullProgress } from '../../client/src/engine/types';
import { assertEngineReachable, client, container, docker, ENGINE_SKIP, RUN_ID, TEST_IMAGE, cleanup } from './helpers';
import { randomLayer, startRegistryStub, type RegistryStub } from './registryStub';

const isEngineError = (cause: string, pattern: RegExp) => (e: unknown) =>
    e instanceof EngineError && e.cause === cause && pattern.test(`${e.message} ${e.fix ?? ''}`);

describe('engine: pull', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    let stub: RegistryStub;
    const created: string[] = [];
    before(async () => {
        c = client();
        await assertEngineReachable(c);
        stub = await startRegistryStub({
            'dockwise-test/pulled': {
                layers: [{ 'hello.txt': Buffer.from('hello\n') }, randomLayer(1_500_000)],
                bytesPerTick: 256 * 1024,
            },
            'dockwise-test/stalls': { layers: [randomLayer(2_000_000)], bytesPerTick: 128 * 1024, stallAfter: 600_000 },
            'dockwise-test/broken': { layers: [randomLayer(1000)], missingLayers: true },
        });
    });
    after(async () => {
        await stub?.close();
        for (const ref of created) {
            await docker()
                .getImage(ref)
                .remove({ force: true })
                .catch(() => undefined);
        }
        await cleanup();
        c?.dispose();
    });

    it('pulls a two-layer image with per-layer progress to 100 %', async () => {
        const ref = `${stub.host}/dockwise-test/pulled:${RUN_ID}`;
        created.push(ref);
        const tracker = new PullTracker();
        const seen: PullProgress[] = [];
        await c.pullImage(ref, {
            timeoutMs: 30_000,
            onProgress: (p) => {
                seen.push(p);
                tracker.update(p);
            },
        });
        const layers = tracker.layerStates();
        assert.equal(layers.length, 2);
        assert.deepEqual(
            layers.map((l) => l.phase),
            ['done', 'done'],
        );
        assert.ok(seen.some((p) => p.status === 'Downloading' && p.total === layers[1]?.size && p.current! < p.total!));
        assert.equal(tracker.summary().message, '100% · 2/2 layers');
        assert.match(
            tracker.render(ref),
            /Status: Downloaded newer image for 127\.0\.0\.1:\d+\/dockwise-test\/pulled:/,
        );
        const image = await c.inspectImage(ref);
        assert.equal(image.labels['dockwise.test.run'], RUN_ID);
        assert.ok(stub.requests.some((r) => r.startsWith('GET /v2/dockwise-test/pulled/blobs/')));
    });

    it('cancelling mid-layer aborts the request with a clear Cancelled error, and nothing is tagged', async () => {
        const ref = `${stub.host}/dockwise-test/stalls:${RUN_ID}`;
        created.push(ref);
        const controller = new AbortController();
        let downloading = 0;
        const t0 = Date.now();
        await assert.rejects(
            c.pullImage(ref, {
                signal: controller.signal,
                onProgress: (p) => {
                    if (p.status === 'Downloading' && (p.current ?? 0) > 0 && ++downloading === 1) {
                        controller.abort();
                    }
                },
            }),
            (e: unknown) => {
                assert.ok(e instanceof EngineError, String(e));
                assert.equal(e.cause, 'cancelled');
                assert.equal(e.message, `Could not pull ${ref}: cancelled.`);
                return true;
            },
        );
        assert.ok(downloading >= 1, 'the layer was downloading when cancelled');
        assert.ok(Date.now() - t0 < 10_000, `cancelled within ${Date.now() - t0} ms`);
        await assert.rejects(c.inspectImage(ref), isEngineError('notFound', /./));
    });

    it('registry errors fail with the engine words: unknown tag, missing layer', async () => {
        await assert.rejects(
            c.pullImage(`${stub.host}/dockwise-test/absent:1`, { timeoutMs: 30_000 }),
            isEngineError('notFound', /manifest unknown.*Check the image name and tag/s),
        );
        await assert.rejects(
            c.pullImage(`${stub.host}/dockwise-test/broken:1`, { timeoutMs: 30_000 }),
            isEngineError('unknown', /Could not pull .*broken:1: unknown blob/),
        );
    });

    it('an unreachable registry fails fast and clearly; a loaded image with that name stays usable', async () => {
        // Offline flow: the test image saved and loaded back (docker save | docker load), then tagged for a
        // registry that does not answer (a closed loopback port): the pull fails, the local image is untouched.
        const d = docker();
        const saved = await d.getImage(TEST_IMAGE).get();
        const load = await d.loadImage(saved);
        await new Promise<void>((resolve, reject) =>
            d.modem.followProgress(load, (err: unknown) => (err ? reject(err) : resolve())),
        );
        const repo = `127.0.0.1:1/dockwise-test/loaded`;
        await d.getImage(TEST_IMAGE).tag({ repo, tag: RUN_ID });
        created.push(`${repo}:${RUN_ID}`);
        const before = await c.inspectImage(`${repo}:${RUN_ID}`);
        const t0 = Date.now();
        await assert.rejects(
            c.pullImage(`${repo}:${RUN_ID}`, { timeoutMs: 30_000 }),
            isEngineError('unknown', /cannot reach the registry \(.*connection refused.*network, proxy/s),
        );
        assert.ok(Date.now() - t0 < 30_000, `failed after ${Date.now() - t0} ms`);
        assert.equal((await c.inspectImage(`${repo}:${RUN_ID}`)).id, before.id);
        const ran = await container(['true'], { image: `${repo}:${RUN_ID}`, start: true });
        assert.equal((await ran.wait()).StatusCode, 0);
    });
});
