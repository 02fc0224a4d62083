import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EngineError, type EngineClient } from '../../client/src/engine/types';
import {
    assertEngineReachable,
    cleanup,
    client,
    container,
    docker,
    ENGINE_SKIP,
    LABELS,
    RUN_FILTER,
    RUN_ID,
    TEST_IMAGE,
} from './helpers';

const isEngineError = (cause: string, pattern?: RegExp) => (e: unknown) =>
    e instanceof EngineError && e.cause === cause && (!pattern || pattern.test(`${e.message} ${e.fix ?? ''}`));

describe('engine: volumes, images, networks', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    before(async () => {
        c = client();
        await assertEngineReachable(c);
    });
    after(async () => {
        await cleanup();
        await docker()
            .getImage(`dockwise-test/busybox:extra-${RUN_ID}`)
            .remove()
            .catch(() => undefined);
        c?.dispose();
    });

    it('creates, lists (with usage and sizes), inspects and removes a volume', async () => {
        const name = `dockwise-test-vol-${RUN_ID}`;
        const created = await c.createVolume({ name, labels: LABELS });
        assert.deepEqual([created.name, created.driver, created.anonymous], [name, 'local', false]);
        assert.equal(created.labels['dockwise.test.run'], RUN_ID);
        const [listed] = await c.listVolumes({ filters: RUN_FILTER, withUsage: true, withSizes: true });
        assert.equal(listed?.name, name);
        assert.deepEqual(listed?.usedBy, []);
        assert.equal(listed?.refCount, 0);
        assert.equal(listed?.size, 0);
        assert.equal((await c.inspectVolume(name)).mountpoint, created.mountpoint);
        await c.removeVolume(name);
        await assert.rejects(c.inspectVolume(name), isEngineError('notFound'));
    });

    it('refuses to remove a volume in use, naming the container (even a stopped one)', async () => {
        const name = `dockwise-test-busy-${RUN_ID}`;
        await c.createVolume({ name, labels: LABELS });
        const user = await container(['true'], {
            start: false,
            name: `dockwise-test-user-${RUN_ID}`,
            mounts: [{ Type: 'volume', Source: name, Target: '/data' }],
        });
        await assert.rejects(
            c.removeVolume(name),
            (e: unknown) =>
                isEngineError('inUse', new RegExp(`dockwise-test-user-${RUN_ID}`))(e) &&
                (e as EngineError).details.usedBy?.[0] === `dockwise-test-user-${RUN_ID}`,
        );
        const [listed] = await c.listVolumes({ filters: { name: [name] }, withUsage: true });
        assert.deepEqual(listed?.usedBy, [`dockwise-test-user-${RUN_ID}`]);
        assert.equal(listed?.refCount, 1);
        await user.remove({ force: true });
        await c.removeVolume(name);
    });

    it('prunes unused anonymous volumes only (named ones stay), reporting what went', async () => {
        const named = `dockwise-test-keep-${RUN_ID}`;
        await c.createVolume({ name: named, labels: LABELS });
        const anonymous = await c.createVolume({ labels: LABELS });
        assert.equal(anonymous.anonymous, true);
        const result = await c.pruneVolumes({ filters: RUN_FILTER });
        assert.equal(result.kind, 'volume');
        assert.deepEqual(result.removed, [anonymous.name]);
        assert.ok(result.spaceReclaimed >= 0);
        assert.deepEqual(
            (await c.listVolumes({ filters: RUN_FILTER })).map((v) => v.name),
            [named],
        );
        const all = await c.pruneVolumes({ filters: RUN_FILTER, all: true });
        assert.deepEqual(all.removed, [named]);
    });

    it('protects an image used by containers, naming them; untagging an extra tag is fine; force overrides', async () => {
        const user = await container(['sleep', '300'], { name: `dockwise-test-img-${RUN_ID}` });
        const image = (await c.listImages()).find((i) => i.repoTags.includes(TEST_IMAGE));
        assert.ok(image);
        assert.ok((image.containers ?? 0) >= 1, 'usage counted from the containers');
        const details = await c.inspectImage(TEST_IMAGE);
        assert.equal(details.id, image.id);
        assert.ok((details.containers ?? 0) >= 1);

        await assert.rejects(
            c.removeImage(TEST_IMAGE),
            (e: unknown) =>
                isEngineError('inUse', new RegExp(`dockwise-test-img-${RUN_ID}`))(e) &&
                ((e as EngineError).details.usedBy ?? []).includes(`dockwise-test-img-${RUN_ID}`),
        );
        const extra = `dockwise-test/busybox:extra-${RUN_ID}`;
        await docker()
            .getImage(TEST_IMAGE)
            .tag({ repo: 'dockwise-test/busybox', tag: `extra-${RUN_ID}` });
        const untag = await c.removeImage(extra);
        assert.deepEqual(untag, { untagged: [extra], deleted: [] });
        assert.ok(
            (await c.listImages()).some((i) => i.repoTags.includes(TEST_IMAGE)),
            'the image itself stays',
        );
        await user.remove({ force: true });
        await assert.rejects(c.removeImage('dockwise-test/does-not-exist:1'), isEngineError('notFound'));

        // force: an image of our own (committed from a container), used by a stopped container.
        const base = await container(['true'], { start: false });
        const own = `dockwise-test/committed:${RUN_ID}`;
        await base.commit({
            repo: 'dockwise-test/committed',
            tag: RUN_ID,
            changes: [`LABEL dockwise.test.run=${RUN_ID}`],
        });
        const ownUser = await container(['true'], { start: false, image: own });
        await assert.rejects(c.removeImage(own), isEngineError('inUse', /dockwise-test-/));
        const forced = await c.removeImage(own, { force: true });
        assert.deepEqual(forced.untagged, [own]);
        await ownUser.remove({ force: true });
        const leftover = (await c.listImages({ filters: { label: [`dockwise.test.run=${RUN_ID}`] } })).map((i) => i.id);
        for (const id of leftover) {
            await c.removeImage(id, { force: true });
        }
    });

    it('creates containers (ports, warnings, missing image, name clash) and reports pull failures', async () => {
        const name = `dockwise-test-created-${RUN_ID}`;
        const created = await c.createContainer({
            image: TEST_IMAGE,
            name,
            cmd: ['true'],
            labels: LABELS,
            networkMode: 'host',
            ports: [{ containerPort: 8080, hostPort: 18080, protocol: 'tcp', hostIp: '127.0.0.1' }],
        });
        assert.ok(created?.id);
        assert.match((created.warnings ?? []).join(' '), /discarded when using host network mode/);
        const d = await c.inspectContainer(created.id);
        assert.deepEqual([d.name, d.state, d.networkMode], [name, 'created', 'host']);
        await assert.rejects(
            c.createContainer({ image: TEST_IMAGE, name, labels: LABELS, networkMode: 'none' }),
            isEngineError('conflict', /already in use/),
        );
        await assert.rejects(
            c.createContainer({ image: 'dockwise-test/absent:1', labels: LABELS, networkMode: 'none' }),
            isEngineError('notFound', /Pull dockwise-test\/absent:1 first/),
        );
        // A registry on a closed loopback port: the engine fails at once, and only loopback is touched.
        const progress: string[] = [];
        await assert.rejects(
            c.pullImage('127.0.0.1:1/dockwise/none:1', { onProgress: (p) => progress.push(p.status) }),
            isEngineError('unknown', /cannot reach the registry.*connection refused/s),
        );
    });

    it('prunes dangling images and reports space', async () => {
        const result = await c.pruneImages({ filters: { label: [`dockwise.test.run=${RUN_ID}`] } });
        assert.deepEqual([result.kind, result.removed], ['image', []]);
    });

    it('lists, inspects and removes custom networks; refuses built-in ones and networks in use', async () => {
        const name = `dockwise-test-net-${RUN_ID}`;
        // Internal, on a documentation range: no traffic leaves, no private range is touched.
        const net = await docker().createNetwork({
            Name: name,
            Internal: true,
            Labels: LABELS,
            IPAM: { Config: [{ Subnet: '192.0.2.0/28' }] },
        });
        // Created, never started: it is a member without any interface coming up.
        const member = await container(['true'], {
            start: false,
            name: `dockwise-test-netuser-${RUN_ID}`,
            networkMode: name,
        });
        const listed = (await c.listNetworks()).find((n) => n.name === name);
        assert.ok(listed);
        assert.deepEqual([listed.builtIn, listed.internal, listed.driver], [false, true, 'bridge']);
        assert.deepEqual(
            listed.containers.map((m) => m.name),
            [`dockwise-test-netuser-${RUN_ID}`],
        );
        assert.equal((await c.inspectNetwork(net.id)).subnets[0]?.subnet, '192.0.2.0/28');
        await assert.rejects(
            c.removeNetwork(name),
            isEngineError('inUse', new RegExp(`dockwise-test-netuser-${RUN_ID}`)),
        );
        await member.remove({ force: true });
        await c.removeNetwork(name);
        await assert.rejects(c.inspectNetwork(net.id), isEngineError('notFound'));

        const host = (await c.listNetworks()).find((n) => n.name === 'host');
        assert.equal(host?.builtIn, true);
        await assert.rejects(c.removeNetwork('host'), isEngineError('conflict', /built in/));
        const pruned = await c.pruneNetworks({ filters: RUN_FILTER });
        assert.equal(pruned.kind, 'network');
    });
});
