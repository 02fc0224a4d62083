// Destructive actions racing another client on the real engine: removing what someone else removed (or is
// removing), and a prune whose containers are being started meanwhile. Clear outcomes, no crash, and nothing
// outside the plan removed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planPrune } from '../../client/src/commands/prunePlan';
import { executePrune } from '../../client/src/commands/pruneRun';
import { isAlreadyRemoved, isEngineError, type EngineClient } from '../../client/src/engine/types';
import { assertEngineReachable, cleanup, client, container, docker, ENGINE_SKIP, RUN_ID } from './helpers';

const LABEL = `dockwise.test.run=${RUN_ID}`;

describe('engine faults: destructive actions under concurrency', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    before(async () => {
        c = client();
        await assertEngineReachable(c);
    });
    after(async () => {
        await cleanup();
        c?.dispose();
    });

    it('removing a container another client already removed: notFound, saying it may be gone already', async () => {
        const victim = await container(['true'], { start: false });
        await docker().getContainer(victim.id).remove();
        const error = await c.removeContainer(victim.id).then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.ok(isEngineError(error), String(error));
        assert.equal(error.cause, 'notFound');
        assert.match(error.message, new RegExp(`remove container ${victim.id}: No such container`, 'i'));
        assert.match(error.fix ?? '', /removed meanwhile/);
        assert.ok(isAlreadyRemoved(error), 'Remove treats it as done, not as a failure');
    });

    it('removing a volume, network or image another client already removed: also treated as done', async () => {
        const name = `dockwise-gone-${RUN_ID}`;
        const labels = { 'dockwise.test': '1', 'dockwise.test.run': RUN_ID };
        await docker().createVolume({ Name: name, Labels: labels });
        await docker().getVolume(name).remove();
        const net = await docker().createNetwork({ Name: name, Driver: 'bridge', Internal: true, Labels: labels });
        await net.remove();
        const source = await container(['true'], { start: false });
        const committed = await source.commit({ repo: name, tag: 'gone' });
        await source.remove(); // a stopped labelled container would join the prune test's plan below
        await docker().getImage(committed.Id).remove({ force: true });
        const errors = await Promise.all(
            [c.removeVolume(name), c.removeNetwork(net.id), c.removeImage(committed.Id)].map((p) =>
                p.then(
                    () => undefined,
                    (e: unknown) => e,
                ),
            ),
        );
        for (const [what, error] of ['volume', 'network', 'image'].map((w, i) => [w, errors[i]] as const)) {
            assert.ok(isAlreadyRemoved(error), `${what}: ${String(error)}`);
        }
    });

    it('two clients removing the same containers at once: each ends removed, notFound or conflict, never a crash', async () => {
        const victims = await Promise.all(Array.from({ length: 6 }, () => container(['sleep', '300'])));
        const other = docker();
        const ours = victims.map((v) =>
            c.removeContainer(v.id, { force: true }).then(
                () => 'removed',
                (e: unknown) =>
                    isAlreadyRemoved(e) && isEngineError(e) ? `${e.cause}: ${e.message}` : `crash: ${String(e)}`,
            ),
        );
        const theirs = victims.map((v) =>
            other
                .getContainer(v.id)
                .remove({ force: true })
                .then(
                    () => 'removed',
                    (e: { statusCode?: number }) => `http ${e.statusCode}`,
                ),
        );
        const [mine, others] = await Promise.all([Promise.all(ours), Promise.all(theirs)]);
        console.log(
            `# concurrent removals — ours: ${mine.map((m) => m.split(':')[0]).join(', ')}; theirs: ${others.join(', ')}`,
        );
        for (const outcome of mine) {
            assert.match(outcome, /^(removed|notFound: .*No such container|conflict: .*already in progress)/i);
        }
        const left = await c.listContainers({ filters: { id: victims.map((v) => v.id) } });
        assert.deepEqual(left, [], 'every container is gone');
    });

    it('prune while its containers are being started: a started one is left alone, nothing else removed', async () => {
        const d = docker();
        const planned = await Promise.all(
            Array.from({ length: 8 }, () => container(['sleep', '300'], { start: false })),
        );
        const bystander = await container(['sleep', '300']);
        const plan = planPrune(
            {
                containers: await c.listContainers({ filters: { label: [LABEL] } }),
                images: [],
                volumes: [],
                networks: [],
            },
            { kinds: ['containers'], label: LABEL },
        );
        assert.deepEqual(
            plan.map((i) => i.id).sort(),
            planned.map((p) => p.id).sort(),
            'the plan lists exactly the stopped ones',
        );
        // Start every other planned container while the prune runs.
        const starting = planned.filter((_, i) => i % 2 === 0);
        const started = new Map<string, boolean>();
        const [outcomes] = await Promise.all([
            executePrune(c, plan),
            ...starting.map((s) =>
                d
                    .getContainer(s.id)
                    .start()
                    .then(
                        () => started.set(s.id, true),
                        () => started.set(s.id, false),
                    ),
            ),
        ]);
        const status = new Map(outcomes.map((o) => [o.item.id, o.status]));
        const alive = new Set((await c.listContainers({ filters: { label: [LABEL] } })).map((x) => x.id));
        for (const p of planned) {
            if (started.get(p.id) === true) {
                // Running before its removal came (a removal first would have made the start fail).
                assert.equal(status.get(p.id), 'skipped', `${p.id} started: must be left alone`);
                assert.ok(alive.has(p.id), `${p.id} started and must still exist`);
            } else {
                assert.ok(['removed', 'gone'].includes(status.get(p.id) ?? ''), `${p.id}: ${status.get(p.id)}`);
                assert.ok(!alive.has(p.id));
            }
        }
        assert.ok(alive.has(bystander.id), 'a container outside the plan stays');
        const skipped = outcomes.filter((o) => o.status === 'skipped').length;
        console.log(`# prune racing starts: ${outcomes.length} planned, ${skipped} started meanwhile and left alone`);
    });
});
