// Malformed or unexpected engine answers, from a fake engine on a unix socket this test creates (a real engine
// cannot be made to send them): missing fields, nulls, wrong types, unknown states, 10 000 labels, junk bodies.
// The mappers and the views' pure models must give sane values — never a TypeError — and junk that is not JSON
// at all must end in an EngineError, not a crash.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngineClient } from '../../client/src/engine/index';
import { isEngineError, type EngineClient } from '../../client/src/engine/types';
import { containerItem, containerRoots } from '../../client/src/views/containerModel';
import { containerTooltip } from '../../client/src/views/containerTooltip';
import { imageItem, imageRoots } from '../../client/src/views/imageModel';
import { networkItem, networkRoots } from '../../client/src/views/networkModel';
import { volumeItem, volumeRoots } from '../../client/src/views/volumeModel';
import { fakeEngine, HANG, type FakeRoutes } from './fakeEngine';

const labels = (n: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`org.example.label-${i}`, `value ${i}`]));

/** One engine personality per entry: what it answers for each endpoint the views use. */
const ENGINES: Record<string, Record<string, unknown>> = {
    'missing fields': {
        '/containers/json': [{}, { Id: 'abc' }],
        '/images/json': [{}],
        '/volumes': {},
        '/networks': [{}],
        '/version': {},
        '/info': {},
        '/containers/x/json': {},
        '/images/x/json': {},
        '/volumes/x': {},
        '/networks/x': {},
        '/system/df': {},
    },
    nulls: {
        '/containers/json': [
            { Id: 'n', Names: null, Labels: null, Ports: null, Mounts: null, NetworkSettings: null, State: null },
            null,
        ],
        '/images/json': null,
        '/volumes': { Volumes: null, Warnings: null },
        '/networks': null,
        '/version': null,
        '/info': null,
        '/containers/x/json': { State: null, Config: null, HostConfig: null, NetworkSettings: { Ports: null } },
        '/images/x/json': { Config: null, RootFS: null, RepoTags: null },
        '/volumes/x': null,
        '/networks/x': { Containers: null, IPAM: null, Labels: null },
        '/system/df': { Images: null, Volumes: null, Containers: null, BuildCache: null },
    },
    'wrong types': {
        '/containers/json': [
            {
                Id: 42,
                Names: 'web',
                State: 7,
                Status: {},
                Created: 1e300,
                Labels: [1, 2],
                Ports: { a: 1 },
                Mounts: 'm',
                NetworkSettings: { Networks: [1, 'x'] },
                HostConfig: 'host',
            },
            'not an object',
            [1, 2, 3],
        ],
        '/images/json': [{ Id: [], RepoTags: 'a:b', Size: 'big', Created: -1e300, Labels: 'x', Containers: '3' }],
        '/volumes': { Volumes: { a: 1 } },
        '/networks': { not: 'an array' },
        '/version': '1.41',
        '/info': [],
        '/containers/x/json': {
            State: 'running',
            Config: [],
            HostConfig: 3,
            Created: 12,
            NetworkSettings: { Ports: { '80/tcp': 'x', bad: [null, 1], '443/tcp': [{ HostPort: 99999999 }] } },
        },
        '/images/x/json': { Config: { ExposedPorts: 'all', Env: 'A=1' }, Created: { y: 1 }, Size: '1' },
        '/volumes/x': 'volume',
        '/networks/x': { Containers: [], IPAM: { Config: {} }, Name: 5 },
        '/system/df': { Images: {}, Volumes: 'v', LayersSize: 'big' },
    },
    'unknown states': {
        '/containers/json': [
            { Id: 'a', Names: ['/a'], State: 'zombie', Status: 'Up forever (confused)' },
            { Id: 'b', Names: ['/b'], State: 'Running', Status: 'Up', Health: { Status: 'meh' } },
            { Id: 'c', Names: ['/c'], State: 'exited', Status: 'Exited (-9999999999) ?', Mounts: [{ Type: 'weird' }] },
            { Id: 'd', Names: ['/d'], State: 'running', Ports: [{ PrivatePort: 1, Type: 'quic', PublicPort: -1 }] },
        ],
        '/images/json': [{ Id: 'sha256:1', RepoTags: ['<none>:<none>'], Created: 0 }],
        '/volumes': { Volumes: [{ Name: 'v', Driver: 'martian', Scope: 'galaxy', UsageData: { Size: -5 } }] },
        '/networks': [{ Id: 'n', Name: 'bridge', Driver: 'quantum', IPAM: { Config: [{ Subnet: 7 }] } }],
        '/version': { ApiVersion: 'v9000', Version: 'tomorrow' },
        '/info': { NCPU: -1, SecurityOptions: 'name=rootless' },
        '/containers/x/json': {
            Id: 'x',
            State: { Status: 'hibernating', Health: { Status: 'meh', Log: [null, { Start: 'never' }] } },
            HostConfig: { RestartPolicy: { Name: 'sometimes' }, LogConfig: { Type: 'carrier-pigeon' } },
        },
        '/images/x/json': { Id: 'x', Architecture: 'z80' },
        '/volumes/x': { Name: 'x', CreatedAt: 'the dawn of time' },
        '/networks/x': { Id: 'x', Name: 'x', Created: '0001-01-01T00:00:00Z' },
        '/system/df': {},
    },
    'huge label sets (10 000 labels)': {
        '/containers/json': Array.from({ length: 5 }, (_, i) => ({
            Id: `c${i}`,
            Names: [`/c${i}`],
            State: 'running',
            Labels: labels(10_000),
        })),
        '/images/json': [{ Id: 'sha256:1', RepoTags: ['big:1'], Labels: labels(10_000) }],
        '/volumes': { Volumes: [{ Name: 'v', Labels: labels(10_000) }] },
        '/networks': [{ Id: 'n', Name: 'n', Labels: labels(10_000) }],
        '/version': { ApiVersion: '1.41' },
        '/info': {},
        '/containers/x/json': { Id: 'x', Config: { Labels: labels(10_000) } },
        '/images/x/json': { Id: 'x', Config: { Labels: labels(10_000) } },
        '/volumes/x': { Name: 'x', Labels: labels(10_000) },
        '/networks/x': { Id: 'x', Name: 'x', Labels: labels(10_000) },
        '/system/df': {},
    },
};

const NOW = Date.now();

/** Every call the explorer, the tooltips and the inspect documents make, and the pure models on top. */
async function everything(c: EngineClient): Promise<void> {
    const containers = await c.listContainers();
    for (const node of containerRoots(containers, { groupByCompose: true })) {
        if (node.kind === 'container') {
            containerItem(node);
            containerTooltip(node.info);
        }
    }
    const images = await c.listImages();
    for (const node of imageRoots(images, containers, { showDangling: true })) {
        imageItem(node, NOW);
    }
    const volumes = await c.listVolumes({ withUsage: true, withSizes: true });
    for (const node of volumeRoots(volumes, containers)) {
        volumeItem(node);
    }
    const networks = await c.listNetworks();
    for (const node of networkRoots(networks, containers)) {
        networkItem(node);
    }
    await c.version();
    await c.info();
    const details = await c.inspectContainer('x');
    containerTooltip(details);
    await c.inspectImage('x');
    await c.inspectVolume('x');
    await c.inspectNetwork('x');
    await c.inspectRaw('container', 'x');
    await c.checkStatus();
}

describe('engine faults: malformed answers are handled at the boundary', () => {
    let tmp: string;
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-malformed-'));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    async function withEngine(name: string, routes: FakeRoutes, fn: (c: EngineClient) => Promise<void>) {
        const sock = path.join(tmp, `${name.replace(/\W+/g, '-')}.sock`);
        const engine = await fakeEngine(sock, routes);
        const c = createEngineClient({ hostSetting: `unix://${sock}`, env: {}, defaultTimeoutMs: 5000 });
        try {
            await fn(c);
        } finally {
            c.dispose();
            await engine.close();
        }
    }

    for (const [name, answers] of Object.entries(ENGINES)) {
        it(`${name}: sane values, no TypeError`, async () => {
            const t0 = Date.now();
            await withEngine(name, (_m, p) => answers[p], everything);
            if (name.startsWith('huge')) {
                console.log(`# 5 containers × 10 000 labels and friends, listed and modelled in ${Date.now() - t0} ms`);
            }
        });
    }

    it('the mapped values are sane: strings, finite numbers, known states, valid dates', async () => {
        await withEngine(
            'sanity',
            (_m, p) => ENGINES['wrong types']![p],
            async (c) => {
                const [weird, notObject, array] = await c.listContainers();
                assert.equal(weird?.id, '');
                assert.deepEqual(weird?.names, ['web']);
                assert.equal(weird?.state, 'created');
                assert.equal(weird?.status, '');
                assert.deepEqual(weird?.labels, {});
                assert.deepEqual(weird?.ports, []);
                assert.ok(Number.isFinite(new Date(weird?.created ?? NaN).getTime()), `created ${weird?.created}`);
                assert.equal(notObject?.name, '');
                assert.equal(array?.state, 'created');
                const [image] = await c.listImages();
                assert.deepEqual(image?.repoTags, ['a:b']);
                assert.equal(image?.size, 0);
                assert.ok(Number.isFinite(new Date(image?.created ?? NaN).getTime()), `created ${image?.created}`);
                assert.deepEqual(await c.listVolumes(), []);
                assert.deepEqual(await c.listNetworks(), []);
                const details = await c.inspectContainer('x');
                assert.deepEqual(
                    details.ports.map((p) => p.privatePort),
                    [80, 443],
                );
                assert.equal(details.ports.find((p) => p.privatePort === 443)?.publicPort, undefined);
            },
        );
        await withEngine(
            'states',
            (_m, p) => ENGINES['unknown states']![p],
            async (c) => {
                const states = (await c.listContainers()).map((x) => [x.name, x.state, x.health]);
                assert.deepEqual(states, [
                    ['a', 'created', undefined],
                    ['b', 'running', undefined],
                    ['c', 'exited', undefined],
                    ['d', 'running', undefined],
                ]);
                const d = await c.inspectContainer('x');
                assert.equal(d.restartPolicy.name, 'no');
                assert.equal(d.logConfig.type, 'carrier-pigeon');
            },
        );
    });

    it('bodies that are not JSON, empty or cut short end in an EngineError', async () => {
        const bodies: Record<string, { status: number; body: string; headers?: Record<string, string> }> = {
            html: { status: 200, body: '<html>Bad gateway</html>', headers: { 'Content-Type': 'application/json' } },
            empty: { status: 200, body: '' },
            truncated: { status: 200, body: '[{"Id": "abc", "Names": ["/x"' },
            'error without message': { status: 500, body: '{}' },
            'error as text': { status: 500, body: 'oops', headers: { 'Content-Type': 'text/plain' } },
        };
        for (const [what, raw] of Object.entries(bodies)) {
            await withEngine(
                what,
                () => ({ raw }),
                async (c) => {
                    const outcome = await c.listContainers().then(
                        (list) => ({ list }),
                        (error: unknown) => ({ error }),
                    );
                    if ('error' in outcome) {
                        assert.ok(isEngineError(outcome.error), `${what}: ${String(outcome.error)}`);
                        assert.ok(outcome.error.message.length > 0);
                    } else {
                        assert.ok(Array.isArray(outcome.list), what);
                    }
                    const status = await c.checkStatus();
                    assert.ok(status.state === 'unreachable' || status.state === 'connected', what);
                },
            );
        }
    });

    it('a logs endpoint that never answers times out after inspect succeeded', async () => {
        const sock = path.join(tmp, 'logs-hang.sock');
        const engine = await fakeEngine(sock, (_m, p) =>
            p === '/containers/x/json'
                ? { Id: 'x', Config: { Tty: true }, HostConfig: { LogConfig: { Type: 'json-file' } } }
                : HANG,
        );
        const c = createEngineClient({ hostSetting: `unix://${sock}`, env: {}, defaultTimeoutMs: 300 });
        try {
            const error = await c.openLogs('x', { follow: true }).then(
                () => undefined,
                (e: unknown) => e,
            );
            assert.ok(isEngineError(error) && error.cause === 'timeout', String(error));
            assert.match(error.message, /read the logs/);
        } finally {
            c.dispose();
            await engine.close();
        }
    });
});
