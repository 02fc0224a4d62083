import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, relativeTime } from '../../../client/src/views/format';
import { hiddenDanglingCount, imageItem, imageRoots } from '../../../client/src/views/imageModel';
import {
    isBuiltInNetwork,
    networkChildren,
    networkItem,
    networkMemberItem,
    networkMembers,
    networkRoots,
} from '../../../client/src/views/networkModel';
import { nodeId } from '../../../client/src/views/nodes';
import {
    containersUsingVolume,
    volumeChildren,
    volumeItem,
    volumeRoots,
    volumeUserItem,
} from '../../../client/src/views/volumeModel';
import { NOW, container, image, network, volume } from './fixtures';

describe('formatting', () => {
    it('sizes in decimal units like the docker CLI', () => {
        assert.equal(formatBytes(0), '0 B');
        assert.equal(formatBytes(999), '999 B');
        assert.equal(formatBytes(1500), '1.5 kB');
        assert.equal(formatBytes(187_654_321), '188 MB');
        assert.equal(formatBytes(12_300_000), '12.3 MB');
        assert.equal(formatBytes(2_000_000_000), '2 GB');
    });
    it('relative times', () => {
        assert.equal(relativeTime(NOW - 10_000, NOW), 'just now');
        assert.equal(relativeTime(NOW - 60_000, NOW), '1 minute ago');
        assert.equal(relativeTime(NOW - 3 * 3_600_000, NOW), '3 hours ago');
        assert.equal(relativeTime(NOW - 3 * 86_400_000, NOW), '3 days ago');
        assert.equal(relativeTime(NOW - 400 * 86_400_000, NOW), '1 year ago');
    });
});

describe('images', () => {
    const multi = image({ id: 'sha256:' + '1'.repeat(64), repoTags: ['app:1', 'app:latest'] });
    const dangling = image({ id: 'sha256:' + '2'.repeat(64), repoTags: [], dangling: true, created: NOW - 60_000 });
    const staleRef = image({ id: 'sha256:' + '3'.repeat(64), repoTags: ['<none>:<none>'], dangling: true });
    const digestOnly = image({
        id: 'sha256:' + '4'.repeat(64),
        repoTags: [],
        repoDigests: ['alpine@sha256:' + 'c'.repeat(64)],
        dangling: false,
    });
    const nginx = image();
    const users = [
        container({ id: 'c1', imageId: nginx.id, state: 'running' }),
        container({ id: 'c2', imageId: nginx.id, state: 'exited', status: 'Exited (0) 1 hour ago' }),
    ];

    it('one node per tag, dangling hidden by default', () => {
        const roots = imageRoots([multi, dangling, staleRef, digestOnly, nginx], users, { showDangling: false });
        assert.deepEqual(
            roots.map((r) => r.tag ?? r.info.id.slice(7, 8)),
            ['app:1', 'app:latest', 'nginx:1.27', '4'],
        );
        assert.equal(hiddenDanglingCount([multi, dangling, staleRef, digestOnly, nginx]), 2);
    });

    it('the toggle shows dangling images, newest first, after the tagged ones', () => {
        const roots = imageRoots([dangling, staleRef, nginx], [], { showDangling: true });
        assert.deepEqual(
            roots.map((r) => nodeId(r)),
            [`image:${nginx.id}:nginx:1.27`, `image:${dangling.id}`, `image:${staleRef.id}`],
        );
    });

    it('items: label, size, age, usage, context value', () => {
        const [node] = imageRoots([nginx], users, { showDangling: false });
        const item = imageItem(node!, NOW);
        assert.equal(item.label, 'nginx:1.27');
        assert.equal(item.description, '188 MB · 3 days ago · 1 running');
        assert.equal(item.contextValue, 'image.tagged.inuse');
        assert.equal(item.iconId, 'package');
        assert.match(item.tooltip ?? '', /Used by 2 container/);
    });

    it('dangling and digest-only images have their own context values and labels', () => {
        const roots = imageRoots([dangling, digestOnly], [], { showDangling: true });
        const items = roots.map((r) => imageItem(r, NOW));
        const d = items.find((i) => i.contextValue === 'image.dangling')!;
        assert.equal(d.label, '<none> 222222222222');
        assert.equal(d.iconId, 'circle-slash');
        const u = items.find((i) => i.contextValue === 'image.untagged')!;
        assert.equal(u.label, 'alpine@sha256:cccccccccccc');
    });
});

describe('volumes', () => {
    const data = volume({ name: 'data', size: 5_000_000 });
    const cache = volume({ name: 'cache' });
    const anon = volume({ name: 'e'.repeat(64), anonymous: true, createdAt: NOW });
    const db = container({
        id: 'db1',
        name: 'db',
        mounts: [
            {
                type: 'volume',
                name: 'data',
                source: '/var/lib/docker/volumes/data/_data',
                destination: '/var/lib/postgresql/data',
                rw: true,
            },
        ],
    });
    const backup = container({
        id: 'bk1',
        name: 'backup',
        state: 'exited',
        status: 'Exited (0) 1 day ago',
        mounts: [
            {
                type: 'volume',
                name: 'data',
                source: '/var/lib/docker/volumes/data/_data',
                destination: '/backup',
                rw: false,
            },
            { type: 'bind', source: '/data', destination: '/host-data', rw: true },
        ],
    });

    it('finds the containers (any state) mounting a volume, never bind mounts of the same name', () => {
        assert.deepEqual(
            containersUsingVolume(data, [db, backup]).map((c) => c.name),
            ['db', 'backup'],
        );
        assert.deepEqual(containersUsingVolume(volume({ name: '/data' }), [backup]), []);
    });

    it('sorts named volumes first and expands used ones to their containers', () => {
        const roots = volumeRoots([anon, data, cache], [db, backup]);
        assert.deepEqual(
            roots.map((r) => r.info.name),
            ['cache', 'data', anon.name],
        );
        const item = volumeItem(roots[1]!);
        assert.equal(item.id, 'volume:data');
        assert.equal(item.description, 'local · 5 MB · in use by 2');
        assert.equal(item.contextValue, 'volume.inuse');
        assert.equal(item.collapsible, 'collapsed');
        assert.match(item.tooltip ?? '', /Mountpoint: `\/var\/lib\/docker\/volumes\/data\/_data`/);
        const unused = volumeItem(roots[0]!);
        assert.equal(unused.contextValue, 'volume.unused');
        assert.equal(unused.collapsible, 'none');
        const anonItem = volumeItem(roots[2]!);
        assert.equal(anonItem.label, 'eeeeeeeeeeee…');
        assert.equal(anonItem.contextValue, 'volume.unused.anonymous');
    });

    it('children are container nodes with ids under the volume and the mount point as description', () => {
        const [, dataNode] = volumeRoots([cache, data], [db, backup]);
        const children = volumeChildren(dataNode!);
        assert.deepEqual(children.map(nodeId), ['volume:data/container:bk1', 'volume:data/container:db1']);
        assert.equal(children[0]!.parent, dataNode);
        const item = volumeUserItem(children[0]! as (typeof children)[0] & { parent: typeof dataNode & object });
        assert.equal(item.description, '/backup (read-only) · Exited (0) 1 day ago');
        assert.equal(item.contextValue, 'container.exited', 'container actions work under a volume too');
    });
});

describe('networks', () => {
    it('detects built-in networks by flag or predefined name', () => {
        assert.equal(isBuiltInNetwork(network({ name: 'bridge', driver: 'bridge' })), true);
        assert.equal(isBuiltInNetwork(network({ name: 'host', driver: 'host' })), true);
        assert.equal(isBuiltInNetwork(network({ name: 'none', driver: 'null' })), true);
        assert.equal(isBuiltInNetwork(network({ name: 'ingress', driver: 'overlay', builtIn: true })), true);
        assert.equal(isBuiltInNetwork(network({ name: 'backend' })), false);
    });

    const backend = network({
        id: 'net1',
        name: 'backend',
        containers: [{ id: 'c1', name: 'api', ipv4Address: '172.20.0.2/16' }],
    });
    const api = container({ id: 'c1', name: 'api', networks: ['backend'] });
    const worker = container({
        id: 'c2',
        name: 'worker',
        state: 'exited',
        status: 'Exited (1) now',
        networks: ['backend'],
    });
    const other = container({ id: 'c3', name: 'other', networks: ['bridge'] });

    it('members: running ones from the engine plus stopped ones configured for it', () => {
        assert.deepEqual(
            networkMembers(backend, [api, worker, other]).map((c) => c.name),
            ['api', 'worker'],
        );
    });

    it('items: custom networks are removable, built-in ones are not', () => {
        const roots = networkRoots([network({ id: 'b', name: 'bridge' }), backend], [api, worker, other]);
        assert.deepEqual(
            roots.map((r) => r.info.name),
            ['backend', 'bridge'],
            'custom first',
        );
        const custom = networkItem(roots[0]!);
        assert.equal(custom.id, 'network:net1');
        assert.equal(custom.contextValue, 'network.custom.inuse');
        assert.equal(custom.description, 'bridge · local · 2 containers');
        assert.equal(custom.collapsible, 'collapsed');
        const builtIn = networkItem(roots[1]!);
        assert.equal(builtIn.contextValue, 'network.builtin.inuse');
        assert.match(builtIn.description ?? '', /built-in/);
    });

    it('children show the address on that network', () => {
        const [node] = networkRoots([backend], [api, worker]);
        const children = networkChildren(node!);
        assert.deepEqual(children.map(nodeId), ['network:net1/container:c1', 'network:net1/container:c2']);
        const item = networkMemberItem(children[0]! as (typeof children)[0] & { parent: typeof node & object });
        assert.equal(item.description, '172.20.0.2 · Up 3 minutes');
    });
});
