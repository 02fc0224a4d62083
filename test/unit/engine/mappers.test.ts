import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    describeState,
    humanDuration,
    toContainerDetails,
    toContainerInfo,
    toHealth,
    toState,
} from '../../../client/src/engine/mappers';
import {
    toDiskUsage,
    toEngineEvent,
    toEngineInfo,
    toEngineVersion,
    toImageDetails,
    toImageInfo,
    toNetworkInfo,
    toPruneResult,
    toVolumeInfo,
} from '../../../client/src/engine/resourceMappers';
import { fixture, fixtureText } from './fixtures';

type Json = Record<string, unknown>;
const list = fixture<Json[]>('containers-list.json');
const byName = (name: string) => {
    const raw = list.find((c) => (c.Names as string[])[0] === `/dockwise-capture-${name}`);
    assert.ok(raw, name);
    return toContainerInfo(raw);
};

describe('engine mappers: containers (recorded from Docker 20.10)', () => {
    it('maps a running compose container with health, mounts and networks', () => {
        const web = byName('web');
        assert.equal(web.name, 'dockwise-capture-web');
        assert.deepEqual(web.names, ['dockwise-capture-web']);
        assert.equal(web.state, 'running');
        assert.equal(web.health, 'healthy');
        assert.match(web.status, /^Up .* \(healthy\)$/);
        assert.equal(web.image, 'dockwise-test/busybox:latest');
        assert.match(web.imageId, /^sha256:[0-9a-f]{64}$/);
        assert.equal(web.composeProject, 'shop');
        assert.equal(web.composeService, 'web');
        assert.equal(web.composeWorkingDir, '/srv/shop');
        assert.deepEqual(web.composeConfigFiles, ['/srv/shop/compose.yaml', '/srv/shop/compose.override.yaml']);
        assert.deepEqual(web.networks, ['none']);
        assert.equal(web.networkMode, 'none');
        assert.ok(web.created > Date.UTC(2020, 0, 1));
        const mounts = Object.fromEntries(web.mounts.map((m) => [m.type, m]));
        assert.deepEqual(mounts.volume, {
            type: 'volume',
            source: 'dockwise-capture-data',
            name: 'dockwise-capture-data',
            destination: '/data',
            rw: true,
        });
        assert.equal(mounts.bind?.rw, false);
        assert.equal(mounts.bind?.destination, '/fixtures');
        assert.deepEqual(mounts.tmpfs, {
            type: 'tmpfs',
            source: '',
            name: undefined,
            destination: '/scratch',
            rw: true,
        });
        assert.equal(web.logDriver, undefined, 'a list does not tell the log driver');
    });

    it('maps every state the list reports', () => {
        assert.equal(byName('exited').state, 'exited');
        assert.match(byName('exited').status, /^Exited \(3\)/);
        assert.equal(byName('paused').state, 'paused');
        assert.equal(byName('created').state, 'created');
        assert.deepEqual(byName('created').networks, ['dockwise-capture-net']);
        assert.deepEqual(byName('hostnet').networks, ['host']);
        assert.equal(byName('exited').health, undefined);
    });

    it('maps inspect: tty, log config, restart policy, env, cmd, ports, times', () => {
        const d = toContainerDetails(fixture('container-inspect-running.json'));
        assert.equal(d.tty, false);
        assert.deepEqual(d.logConfig, { type: 'json-file', config: { 'max-size': '1m' } });
        assert.equal(d.logDriver, 'json-file');
        assert.deepEqual(d.restartPolicy, { name: 'on-failure', maximumRetryCount: 3 });
        assert.ok(d.env.includes('FOO=bar'));
        assert.deepEqual(d.cmd, ['sh', '-c', 'echo out; echo err >&2; while true; do sleep 1; done']);
        assert.deepEqual(d.entrypoint, []);
        assert.equal(d.image, 'dockwise-test/busybox:latest');
        assert.match(d.imageId, /^sha256:/);
        assert.deepEqual(d.ports, [
            { privatePort: 53, publicPort: undefined, type: 'udp', ip: undefined },
            { privatePort: 8080, publicPort: undefined, type: 'tcp', ip: undefined },
        ]);
        assert.equal(d.health, 'healthy');
        assert.ok(d.healthLog && d.healthLog.length > 0);
        assert.ok(d.startedAt && d.startedAt > d.created);
        assert.equal(d.finishedAt, undefined, "Go's zero time is no time");
        assert.equal(d.state, 'running');
        assert.equal(d.composeProject, 'shop');
        assert.equal(d.mounts.length, 3);

        const exited = toContainerDetails(fixture('container-inspect-exited.json'));
        assert.deepEqual([exited.state, exited.exitCode], ['exited', 3]);
        const tty = toContainerDetails(fixture('container-inspect-created-tty.json'));
        assert.deepEqual([tty.tty, tty.logConfig.type, tty.state, tty.status], [true, 'none', 'created', 'Created']);
        const paused = toContainerDetails(fixture('container-inspect-paused.json'));
        assert.match(paused.status, /^Up .* \(Paused\)$/);
    });

    it('maps published ports and merges the IPv4/IPv6 twins of one binding', () => {
        const raw = {
            Id: 'x',
            Names: ['/x'],
            Ports: [
                { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
                { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
                { PrivatePort: 443, Type: 'tcp' },
            ],
        };
        assert.deepEqual(toContainerInfo(raw).ports, [
            { privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' },
            { privatePort: 443, publicPort: undefined, type: 'tcp', ip: undefined },
        ]);
        const inspect = toContainerDetails({
            Id: 'y',
            NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }], '9/udp': null } },
        });
        assert.deepEqual(inspect.ports, [
            { privatePort: 9, publicPort: undefined, type: 'udp', ip: undefined },
            { privatePort: 80, publicPort: 8080, type: 'tcp', ip: '127.0.0.1' },
        ]);
    });

    it('is tolerant: empty objects, Podman states, health strings', () => {
        const empty = toContainerInfo({});
        assert.deepEqual([empty.name, empty.state, empty.ports, empty.mounts], ['', 'created', [], []]);
        assert.equal(toState('Running'), 'running');
        assert.equal(toState('stopped'), 'exited');
        assert.equal(toHealth('Up 2 seconds (health: starting)'), 'starting');
        assert.equal(toHealth('Up 2 minutes (unhealthy)'), 'unhealthy');
        assert.equal(toHealth('Up', { Status: 'healthy' }), 'healthy');
    });

    it('describes durations like docker ps', () => {
        assert.equal(humanDuration(400), 'Less than a second');
        assert.equal(humanDuration(30_000), '30 seconds');
        assert.equal(humanDuration(60_000), 'About a minute');
        assert.equal(humanDuration(5 * 60_000), '5 minutes');
        assert.equal(humanDuration(3_600_000), 'About an hour');
        assert.equal(humanDuration(5 * 3_600_000), '5 hours');
        assert.equal(humanDuration(3 * 86_400_000), '3 days');
        const now = Date.parse('2024-01-01T01:00:00Z');
        assert.equal(
            describeState({ Status: 'exited', ExitCode: 1, FinishedAt: '2024-01-01T00:00:00Z' }, now),
            'Exited (1) About an hour ago',
        );
    });
});

describe('engine mappers: images, volumes, networks', () => {
    it('maps the image list (no <none> refs; dangling when untagged)', () => {
        const images = fixture<Json[]>('images-list.json').map(toImageInfo);
        const tagged = images.find((i) => i.repoTags.includes('dockwise-test/busybox:latest'));
        assert.ok(tagged);
        assert.equal(tagged.dangling, false);
        assert.equal(tagged.containers, undefined, 'the plain list reports -1 (unknown)');
        assert.ok(tagged.size > 1_000_000);
        const untagged = images.filter((i) => i.dangling);
        assert.ok(untagged.every((i) => i.repoTags.length === 0 && i.repoDigests.length === 0));
    });

    it('maps image inspect', () => {
        const d = toImageDetails(fixture('image-inspect.json'));
        assert.deepEqual(d.repoTags, ['dockwise-test/busybox:latest']);
        assert.deepEqual(d.cmd, ['/bin/sh']);
        assert.equal(d.os, 'linux');
        assert.equal(d.labels['dockwise.test'], '1');
        assert.ok(d.layers >= 2);
        assert.ok(d.created > 0);
    });

    it('maps volumes, marking anonymous ones; /system/df adds size and refCount', () => {
        const vols = fixture<{ Volumes: Json[] }>('volumes-list.json').Volumes.map(toVolumeInfo);
        const named = vols.find((v) => v.name === 'dockwise-capture-data');
        assert.ok(named);
        assert.deepEqual(
            [named.anonymous, named.driver, named.scope, named.size],
            [false, 'local', 'local', undefined],
        );
        assert.ok(named.createdAt);
        assert.ok(vols.some((v) => v.anonymous));
        assert.deepEqual(toVolumeInfo(fixture('volume-inspect.json')).name, 'dockwise-capture-data');
        const df = toDiskUsage(fixture('system-df.json'));
        const used = df.volumes.find((v) => v.name === 'dockwise-capture-data');
        assert.deepEqual([used?.refCount, used?.size], [1, 0]);
        assert.ok(df.layersSize > 0);
        assert.ok(df.images.some((i) => (i.containers ?? 0) > 0));
        assert.equal(df.containers.length > 0, true);
    });

    it('maps networks: built-in ones, internal custom ones, subnets', () => {
        const nets = fixture<Json[]>('networks-list.json').map(toNetworkInfo);
        assert.ok(nets.find((n) => n.name === 'host')?.builtIn);
        assert.ok(nets.find((n) => n.name === 'none')?.builtIn);
        const custom = toNetworkInfo(fixture('network-inspect.json'));
        assert.deepEqual([custom.builtIn, custom.internal, custom.driver], [false, true, 'bridge']);
        assert.equal(custom.subnets.length, 1);
        assert.equal(custom.labels['dockwise.test'], 'capture');
        assert.equal(toNetworkInfo(fixture('network-inspect-host.json')).builtIn, true);
    });

    it('maps prune results', () => {
        const c = toPruneResult('container', fixture('prune-containers.json'));
        assert.equal(c.removed.length, 2);
        assert.equal(c.spaceReclaimed, 0);
        assert.deepEqual(toPruneResult('network', fixture('prune-networks.json')).removed, ['dockwise-capture-net']);
        assert.equal(toPruneResult('volume', fixture('prune-volumes.json')).removed.length, 2);
        assert.deepEqual(toPruneResult('image', fixture('prune-images.json')).removed, []);
        const images = toPruneResult('image', {
            ImagesDeleted: [{ Untagged: 'a:1' }, { Deleted: 'sha256:b' }],
            SpaceReclaimed: 42,
        });
        assert.deepEqual(images, { kind: 'image', removed: ['a:1', 'sha256:b'], spaceReclaimed: 42 });
    });
});

describe('engine mappers: system and events', () => {
    it('maps version and info', () => {
        const v = toEngineVersion(fixture('version.json'));
        assert.equal(v.apiVersion, '1.41');
        assert.equal(v.minApiVersion, '1.12');
        assert.ok(v.components.some((c) => c.name === 'containerd'));
        const i = toEngineInfo(fixture('info.json'));
        assert.equal(i.osType, 'linux');
        assert.equal(i.loggingDriver, 'json-file');
        assert.ok(i.cpus >= 1);
        assert.equal(i.rootless, false);
        assert.deepEqual(i.volumeDrivers, ['local']);
    });

    it('maps recorded events of every kind, splitting action details', () => {
        const events = fixtureText('events.jsonl')
            .split('\n')
            .filter(Boolean)
            .map((l) => toEngineEvent(JSON.parse(l)));
        assert.ok(events.every((e) => e !== undefined));
        const kinds = new Set(events.map((e) => e?.kind));
        for (const k of ['container', 'volume', 'network']) {
            assert.ok(kinds.has(k as never), k);
        }
        const create = events.find((e) => e?.kind === 'container' && e.action === 'create');
        assert.equal(create?.name, 'dockwise-capture-web');
        assert.equal(create?.attributes['com.docker.compose.project'], 'shop');
        assert.ok((create?.time ?? 0) > Date.UTC(2020, 0, 1));
        const health = events.find((e) => e?.action === 'health_status');
        assert.equal(health?.actionDetail, 'healthy');
        const vol = events.find((e) => e?.kind === 'volume');
        assert.equal(vol?.id, 'dockwise-capture-data');
        assert.equal(toEngineEvent({ Type: 'plugin', Action: 'enable' }), undefined);
        const exec = toEngineEvent({
            Type: 'container',
            Action: 'exec_start: sh -c echo',
            Actor: { ID: 'c', Attributes: {} },
            time: 1,
        });
        assert.deepEqual([exec?.action, exec?.actionDetail, exec?.time], ['exec_start', 'sh -c echo', 1000]);
    });
});
