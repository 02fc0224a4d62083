import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EngineError, type EngineClient } from '../../client/src/engine/types';
import {
    assertEngineReachable,
    cleanup,
    client,
    container,
    ENGINE_SKIP,
    LABELS,
    nextMatching,
    RUN_FILTER,
    TEST_IMAGE,
    waitFor,
} from './helpers';

describe('engine: containers', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    before(async () => {
        c = client();
        await assertEngineReachable(c);
    });
    after(async () => {
        await cleanup();
        c?.dispose();
    });

    it('lists all containers, stopped ones included, mapped to our types', async () => {
        const running = await container(['sleep', '300']);
        const stopped = await container(['true'], { start: false });
        const list = await c.listContainers({ filters: RUN_FILTER });
        const byId = new Map(list.map((x) => [x.id, x]));
        assert.equal(byId.get(running.id)?.state, 'running');
        assert.equal(byId.get(stopped.id)?.state, 'created');
        const info = byId.get(running.id);
        assert.ok(info);
        assert.equal(info.image, TEST_IMAGE);
        assert.equal(info.labels['dockwise.test.run'], LABELS['dockwise.test.run']);
        assert.deepEqual(info.networks, ['none']);
        assert.match(info.status, /^Up /);
        const onlyRunning = await c.listContainers({ all: false, filters: RUN_FILTER });
        assert.deepEqual(
            onlyRunning.map((x) => x.id),
            [running.id],
        );
    });

    it('stops (with a grace period), starts, restarts, pauses, unpauses and removes', async () => {
        const ct = await container(['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 0.1; done']);
        const state = async (): Promise<string> => (await c.inspectContainer(ct.id)).state;

        await c.stopContainer(ct.id, { timeoutSeconds: 5 });
        const stopped = await c.inspectContainer(ct.id);
        assert.deepEqual([stopped.state, stopped.exitCode], ['exited', 0]);
        await c.stopContainer(ct.id); // already stopped: not an error (304)

        await c.startContainer(ct.id);
        assert.equal(await state(), 'running');
        await c.startContainer(ct.id); // already started: not an error

        const before = (await c.inspectContainer(ct.id)).startedAt ?? 0;
        await c.restartContainer(ct.id, { timeoutSeconds: 1 });
        const restarted = await c.inspectContainer(ct.id);
        assert.equal(restarted.state, 'running');
        assert.ok((restarted.startedAt ?? 0) > before, 'restart starts it again');

        await c.pauseContainer(ct.id);
        assert.equal(await state(), 'paused');
        assert.match((await c.listContainers({ filters: { id: [ct.id] } }))[0]?.status ?? '', /Paused/);
        await c.unpauseContainer(ct.id);
        assert.equal(await state(), 'running');

        await assert.rejects(
            c.removeContainer(ct.id),
            (e: EngineError) => e.cause === 'conflict' && /running container/.test(e.message),
        );
        await c.removeContainer(ct.id, { force: true, volumes: true });
        await assert.rejects(
            c.inspectContainer(ct.id),
            (e: EngineError) => e instanceof EngineError && e.cause === 'notFound',
        );
    });

    it('inspects details: tty, log config, restart policy, env, cmd', async () => {
        const ct = await container(['sh', '-c', 'sleep 300'], { tty: true });
        const d = await c.inspectContainer(ct.id);
        assert.equal(d.tty, true);
        assert.equal(d.logConfig.type, 'json-file');
        assert.equal(d.logDriver, 'json-file');
        assert.equal(d.restartPolicy.name, 'no');
        assert.deepEqual(d.cmd, ['sh', '-c', 'sleep 300']);
        assert.ok(d.env.some((e) => e.startsWith('PATH=')));
        assert.ok(d.pid && d.pid > 0);
        assert.equal(d.networkMode, 'none');
        const raw = (await c.inspectRaw('container', ct.id)) as { Id: string };
        assert.equal(raw.Id, ct.id);
    });

    it('prunes stopped containers and reports what went', async () => {
        const a = await container(['true'], { start: false });
        const b = await container(['sleep', '300']);
        const result = await c.pruneContainers({ filters: RUN_FILTER });
        assert.equal(result.kind, 'container');
        assert.ok(result.removed.includes(a.id));
        assert.ok(!result.removed.includes(b.id), 'a running container stays');
        assert.ok(result.spaceReclaimed >= 0);
    });

    it('an AbortSignal cancels an in-flight call; a deadline turns into a timeout', async () => {
        const ct = await container(['sh', '-c', 'trap "" TERM; sleep 300']);
        // stop waits the full grace period (SIGTERM is ignored): plenty of time to abort it.
        const controller = new AbortController();
        // The engine's SIGTERM ('kill' event) proves the request is in flight at the engine.
        const killed = nextMatching(
            c.events.onEvent,
            (e) => e.kind === 'container' && e.id === ct.id && e.action === 'kill',
            'kill',
        );
        await waitFor('the events stream', () => (c.events.status.state === 'connected' ? true : undefined));
        const stopping = c.stopContainer(ct.id, { timeoutSeconds: 30, signal: controller.signal });
        await killed;
        controller.abort();
        await assert.rejects(stopping, (e: EngineError) => e instanceof EngineError && e.cause === 'cancelled');

        await assert.rejects(
            c.stopContainer(ct.id, { timeoutSeconds: 30, timeoutMs: 300 }),
            (e: EngineError) => e.cause === 'timeout' && /did not answer within 300 ms/.test(e.message),
        );
        const aborted = new AbortController();
        aborted.abort();
        await assert.rejects(c.listContainers({ signal: aborted.signal }), (e: EngineError) => e.cause === 'cancelled');
        await c.removeContainer(ct.id, { force: true });
    });

    it('reports status, version, info and disk usage', async () => {
        const status = await c.checkStatus();
        assert.equal(status.state, 'connected');
        assert.ok(status.state === 'connected' && status.version?.apiVersion);
        await c.ping();
        const info = await c.info();
        assert.ok(info.cpus >= 1);
        assert.ok(info.serverVersion);
        const df = await c.diskUsage();
        assert.ok(df.images.some((i) => i.repoTags.includes(TEST_IMAGE)));
    });
});
