// Pull against the real engine and a real registry (Debian's docker-registry on 127.0.0.1, test/support/
// registry.mjs): images built here with fresh layers are pushed there, removed locally and pulled back with
// per-layer progress; a throttling relay in front of the same registry makes a layer slow enough to cancel
// mid-download; a blob deleted from the registry's storage makes it fail mid-pull; plus an unreachable
// registry and the offline flows (docker load, local tags) a failed pull must leave alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PullTracker } from '../../client/src/commands/pullProgress';
import { EngineError, type EngineClient, type PullProgress } from '../../client/src/engine/types';
import { assertEngineReachable, client, container, docker, ENGINE_SKIP, RUN_ID, TEST_IMAGE, cleanup } from './helpers';
import {
    buildImage,
    damageBlob,
    pushRaw,
    randomFile,
    registrySkip,
    removeLocal,
    startRegistry,
    type RealRegistry,
} from './registry';

const isEngineError = (cause: string, pattern: RegExp) => (e: unknown) =>
    e instanceof EngineError && e.cause === cause && pattern.test(`${e.message} ${e.fix ?? ''}`);

describe('engine: pull', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    let registry: RealRegistry;
    let skip: string | false = false;
    const created: string[] = [];
    /** Builds an image with fresh layers, pushes it to the registry and removes it locally. */
    const published = async (name: string, files: Record<string, Buffer>): Promise<string> => {
        const ref = `${registry.host}/dockwise-test/${name}:${RUN_ID}`;
        created.push(ref);
        await buildImage(ref, files);
        await pushRaw(ref);
        await removeLocal(ref);
        return ref;
    };
    before(async () => {
        skip = await registrySkip();
        c = client();
        await assertEngineReachable(c);
        if (!skip) {
            registry = await startRegistry();
        }
    });
    after(async () => {
        await registry?.stop();
        await removeLocal(...created);
        await cleanup();
        c?.dispose();
    });

    it('pulls an image back from the registry with per-layer progress to 100 %', async (t) => {
        if (skip) {
            return t.skip(skip);
        }
        const pushed = await published('pulled', {
            'hello.txt': Buffer.from(`hello ${RUN_ID}\n`),
            'data.bin': randomFile(1_500_000),
        });
        // Through a relay at 2 MB/s the engine reports the download as it goes, as from a remote registry.
        const slow = await registry.throttled(2_000_000);
        const ref = pushed.replace(registry.host, slow.host);
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
        slow.close();
        const layers = tracker.layerStates();
        // The busybox base layers are already here; the two COPY layers come from the registry.
        assert.deepEqual(
            layers.map((l) => l.phase),
            ['exists', 'exists', 'done', 'done'],
        );
        const data = layers[3]!;
        assert.ok(seen.some((p) => p.status === 'Downloading' && p.total === data.size && p.current! < p.total!));
        assert.equal(tracker.summary().message, '100% · 4/4 layers');
        assert.match(
            tracker.render(ref),
            /Status: Downloaded newer image for 127\.0\.0\.1:\d+\/dockwise-test\/pulled:/,
        );
        const image = await c.inspectImage(ref);
        assert.equal(image.labels['dockwise.test.run'], RUN_ID);
        const ran = await container(['cat', '/hello.txt'], { image: ref, start: true });
        assert.equal((await ran.wait()).StatusCode, 0);
    });

    it('cancelling mid-layer aborts the request with a clear Cancelled error, and nothing is tagged', async (t) => {
        if (skip) {
            return t.skip(skip);
        }
        const pushed = await published('stalls', { 'data.bin': randomFile(2_000_000) });
        const slow = await registry.throttled(256 * 1024);
        const ref = pushed.replace(registry.host, slow.host);
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
        slow.close();
        assert.ok(downloading >= 1, 'the layer was downloading when cancelled');
        assert.ok(Date.now() - t0 < 10_000, `cancelled within ${Date.now() - t0} ms`);
        await assert.rejects(c.inspectImage(ref), isEngineError('notFound', /./));
    });

    it('registry errors fail with the engine words: unknown tag, missing layer', async (t) => {
        if (skip) {
            return t.skip(skip);
        }
        await assert.rejects(
            c.pullImage(`${registry.host}/dockwise-test/absent:1`, { timeoutMs: 30_000 }),
            isEngineError('notFound', /manifest unknown.*Check the image name and tag/s),
        );
        const ref = await published('broken', { 'data.bin': randomFile(1000) });
        const manifest = (await (
            await fetch(`${registry.url}/v2/dockwise-test/broken/manifests/${RUN_ID}`, {
                headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
            })
        ).json()) as { layers: { digest: string }[] };
        damageBlob(registry, manifest.layers[manifest.layers.length - 1]!.digest);
        await assert.rejects(
            c.pullImage(ref, { timeoutMs: 30_000 }),
            isEngineError('unknown', /Could not pull .*broken:.*: unknown blob/),
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
