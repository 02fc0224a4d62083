// Dockwise: Prune… against the real engine: the plan (restricted to this run's label, so the user's items are
// never candidates) lists stopped containers, a dangling image, unused volumes and a network; the removal takes
// exactly those by id, nothing created after the listing, and reports items that changed meanwhile.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planPrune, summarizeOutcomes, type PruneInputs } from '../../client/src/commands/prunePlan';
import { executePrune } from '../../client/src/commands/pruneRun';
import type { EngineClient } from '../../client/src/engine/types';
import {
    assertEngineReachable,
    cleanup,
    client,
    container,
    docker,
    ENGINE_SKIP,
    LABELS,
    RUN_ID,
    TEST_IMAGE,
} from './helpers';

const LABEL = `dockwise.test.run=${RUN_ID}`;
const REPO = `dockwise-test/pruned-${RUN_ID}`;

async function listEngine(c: EngineClient): Promise<PruneInputs> {
    const [containers, images, volumes, networks] = await Promise.all([
        c.listContainers({ all: true, size: true }),
        c.listImages(),
        c.listVolumes({ withSizes: true }),
        c.listNetworks(),
    ]);
    return { containers, images, volumes, networks };
}

/** Everything on the engine, as kind:id, to prove what else stayed. */
async function everything(c: EngineClient): Promise<Set<string>> {
    const i = await listEngine(c);
    return new Set([
        ...i.containers.map((x) => `containers:${x.id}`),
        ...i.images.map((x) => `images:${x.id}`),
        ...i.volumes.map((x) => `volumes:${x.name}`),
        ...i.networks.map((x) => `networks:${x.id}`),
    ]);
}

/** An internal network on a documentation range: no interface comes up, no traffic, no private range. */
async function network(suffix: string, subnet: string): Promise<string> {
    const net = await docker().createNetwork({
        Name: `dockwise-test-prune-${suffix}-${RUN_ID}`,
        Internal: true,
        Labels: LABELS,
        IPAM: { Config: [{ Subnet: subnet }] },
    });
    return net.id;
}

describe('engine: prune', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    before(async () => {
        c = client();
        await assertEngineReachable(c);
    });
    after(async () => {
        await cleanup();
        const d = docker();
        for (const i of await d.listImages({ all: true, filters: { label: [LABEL] } })) {
            await d
                .getImage(i.Id)
                .remove({ force: true })
                .catch(() => undefined);
        }
        c?.dispose();
    });

    it('removes exactly what it listed, by id, and reports what changed meanwhile', async () => {
        const d = docker();
        // Stopped: one never started, one exited; a running one that must stay, holding a volume.
        const created = await container(['sleep', '300'], { start: false });
        const exited = await container(['sh', '-c', 'head -c 100000 /dev/zero > /written']);
        await exited.wait();
        const held = await d.createVolume({ Name: `dockwise-test-held-${RUN_ID}`, Labels: LABELS });
        const running = await container(['sleep', '300'], {
            mounts: [{ Type: 'volume', Source: held.name, Target: '/held' }],
        });
        // A volume only the exited container uses: it goes, since the container goes first.
        const onlyExited = await d.createVolume({ Name: `dockwise-test-exitedvol-${RUN_ID}`, Labels: LABELS });
        const holder = await container(['true'], {
            start: false,
            mounts: [{ Type: 'volume', Source: onlyExited.name, Target: '/data' }],
        });
        const named = await d.createVolume({ Name: `dockwise-test-unused-${RUN_ID}`, Labels: LABELS });
        const anonymous = await c.createVolume({ labels: LABELS });
        assert.ok(anonymous.anonymous);
        // A dangling image: committed twice under one tag (the commit keeps the container's labels).
        await created.commit({ repo: REPO, tag: 'v1' });
        const first = (await d.getImage(`${REPO}:v1`).inspect()).Id;
        await exited.commit({ repo: REPO, tag: 'v1', comment: 'second' });
        const tagged = (await d.getImage(`${REPO}:v1`).inspect()).Id;
        assert.notEqual(first, tagged);
        const net = await network('unused', '198.51.100.0/28');

        const before = await everything(c);
        const plan = planPrune(await listEngine(c), { label: LABEL });
        const ids = (kind: string): string[] =>
            plan
                .filter((i) => i.kind === kind)
                .map((i) => i.id)
                .sort();
        assert.deepEqual(ids('containers'), [created.id, exited.id, holder.id].sort());
        assert.deepEqual(ids('images'), [first]);
        assert.deepEqual(ids('namedVolumes'), [onlyExited.name, named.name].sort());
        assert.deepEqual(ids('anonymousVolumes'), [anonymous.name]);
        assert.deepEqual(ids('networks'), [net]);
        assert.ok((plan.find((i) => i.id === first)?.size ?? 0) > 0, 'image size from the list');
        assert.ok((plan.find((i) => i.id === exited.id)?.size ?? 0) >= 100_000, 'SizeRw from the list');

        // After the listing: new items of every kind, and changes to listed ones.
        const late = await container(['true'], { start: false });
        const lateVolume = await d.createVolume({ Name: `dockwise-test-late-${RUN_ID}`, Labels: LABELS });
        const lateNet = await network('late', '198.51.100.16/28');
        await created.start(); // started meanwhile: left alone
        await d.getVolume(named.name).remove(); // removed by another client: fine
        const newUser = await container(['true'], {
            start: false,
            mounts: [{ Type: 'volume', Source: anonymous.name, Target: '/v' }],
        }); // in use meanwhile: reported

        const outcomes = await executePrune(c, plan);
        const status = (id: string): string => {
            const o = outcomes.find((x) => x.item.id === id);
            return o ? `${o.status}${'reason' in o ? `: ${o.reason}` : ''}` : 'absent';
        };
        assert.equal(status(created.id), 'skipped: running since the listing');
        assert.equal(status(named.name), 'gone');
        const userName = (await newUser.inspect()).Name.replace(/^\//, '');
        assert.equal(status(anonymous.name), `failed: in use by ${userName}`);
        for (const id of [exited.id, holder.id, first, onlyExited.name, net]) {
            assert.equal(status(id), 'removed', id);
        }
        const { message, problems } = summarizeOutcomes(outcomes);
        assert.match(
            message,
            /^Removed 6 of 8 items, freed up to .*, 1 left alone \(changed since the listing\), 1 failed: volume /,
        );
        assert.equal(problems.length, 2);

        const after = await everything(c);
        const removed = new Set(
            outcomes
                .filter((o) => o.status === 'removed')
                .map((o) => `${o.item.kind.replace(/^(anonymous|named)Volumes$/, 'volumes')}:${o.item.id}`),
        );
        for (const key of before) {
            if (!removed.has(key) && key !== `volumes:${named.name}`) {
                assert.ok(after.has(key), `${key} was not listed, yet it is gone`);
            }
        }
        for (const key of [
            `containers:${late.id}`,
            `volumes:${lateVolume.name}`,
            `networks:${lateNet}`,
            `images:${tagged}`,
        ]) {
            assert.ok(after.has(key), `${key} (created after the listing or tagged) must stay`);
        }
        assert.ok(after.has(`containers:${running.id}`) && after.has(`volumes:${held.name}`));
        await d
            .getNetwork(lateNet)
            .remove()
            .catch(() => undefined);
    });

    it('without a label the plan keeps the rule: running, used, tagged and built-in things are never listed', async () => {
        const inputs = await listEngine(c);
        const plan = planPrune(inputs);
        const running = new Set(inputs.containers.filter((x) => x.state === 'running').map((x) => x.id));
        const tagged = new Set(inputs.images.filter((x) => !x.dangling).map((x) => x.id));
        for (const item of plan) {
            assert.ok(!running.has(item.id) && !tagged.has(item.id), item.name);
            assert.ok(!['bridge', 'host', 'none'].includes(item.name), item.name);
        }
        const image = (await c.inspectImage(TEST_IMAGE)).id;
        assert.ok(!plan.some((i) => i.id === image));
    });
});
