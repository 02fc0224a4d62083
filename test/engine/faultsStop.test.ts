// The engine stops while the explorer lists, a log follows and a build streams, then comes back on the same
// socket. A throw-away private dockerd (never the shared engine), reached through a counting proxy so the
// events connections can be counted; the explorer is the real EngineConnection, RefreshManager and views,
// run in Node through a `vscode` stand-in. Each stream must end with a mapped error naming the cause, nothing
// may reject unhandled, and after the restart one events stream (not several) and the listing come back.
import { installVscodeStub } from '../support/vscodeStub';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Dockerode from 'dockerode';
import { createEngineClient } from '../../client/src/engine/index';
import { isEngineError, type EngineClient, type EngineEvent } from '../../client/src/engine/types';
import { EngineConnection } from '../../client/src/engineConnection';
import { ContainersView } from '../../client/src/views/containersView';
import type { ExplorerView } from '../../client/src/views/explorerView';
import { ImagesView } from '../../client/src/views/imagesView';
import { NetworksView } from '../../client/src/views/networksView';
import type { ExplorerNode } from '../../client/src/views/nodes';
import { RefreshManager } from '../../client/src/views/refreshManager';
import { VolumesView } from '../../client/src/views/volumesView';
import { countingProxy, ping } from './fakeEngine';
import { DAEMON_SKIP, engineSupport, LABELS, nextMatching, TEST_IMAGE, waitFor, type EngineSupport } from './helpers';

const stub = installVscodeStub();
/** Hang guard only; the figures printed are what matters (the issue asks for 2 s to the cause, 5 s to resume). */
const GUARD_MS = 10_000;

describe('engine faults: the engine stops and comes back', { skip: DAEMON_SKIP }, () => {
    let support: EngineSupport;
    let daemon: Awaited<ReturnType<EngineSupport['startPrivateDaemon']>>;
    let tmp: string;
    let proxy: Awaited<ReturnType<typeof countingProxy>>;
    let client: EngineClient;
    let connection: EngineConnection;
    let refresh: RefreshManager;
    let views: ExplorerView<ExplorerNode>[];
    const shown = new Map<string, { at: number; count: number }>();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    const figures: string[] = [];
    let logContainer: Dockerode.Container;

    before(async () => {
        process.on('unhandledRejection', onRejection);
        support = await engineSupport();
        daemon = await support.startPrivateDaemon();
        await support.ensureTestImage(daemon.host);
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-stop-'));
        proxy = await countingProxy(path.join(tmp, 'proxy.sock'), daemon.host.slice('unix://'.length));
        client = createEngineClient({ hostSetting: `unix://${tmp}/proxy.sock`, env: {} });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Docker = require('dockerode') as typeof Dockerode;
        logContainer = await new Docker({ socketPath: daemon.host.slice('unix://'.length) }).createContainer({
            Image: TEST_IMAGE,
            Cmd: ['sh', '-c', 'while true; do echo tick; sleep 0.2; done'],
            Labels: LABELS,
            StopTimeout: 1,
            HostConfig: { NetworkMode: 'none' },
        });
        await logContainer.start();

        connection = new EngineConnection(async () => client);
        views = [
            new ContainersView(connection),
            new ImagesView(connection),
            new VolumesView(connection),
            new NetworksView(connection),
        ] as ExplorerView<ExplorerNode>[];
        for (const view of views) {
            // Shown, as an open sidebar; a redraw asks for the roots like VS Code does.
            (view as unknown as { treeView: object }).treeView = { visible: true };
            view.onDidChangeTreeData(() => {
                void view.getChildren().then((roots) => shown.set(view.kind, { at: Date.now(), count: roots.length }));
            });
        }
        refresh = new RefreshManager(connection, views, { debounceMs: 100, maxWaitMs: 1000, pollSeconds: () => 0 });
        await refresh.refreshNow();
        await waitFor('the explorer to connect', () => connection.state.state === 'connected', GUARD_MS);
    });

    after(async () => {
        process.off('unhandledRejection', onRejection);
        refresh?.dispose();
        views?.forEach((v) => v.dispose());
        connection?.dispose();
        await proxy?.close();
        await daemon?.stop();
        fs.rmSync(tmp, { recursive: true, force: true });
        console.log(`# engine stop/restart: ${figures.join('; ')}`);
    });

    it('stop: listing, log follow and build each end with the cause; restart: one events stream, listing back', async () => {
        // A log follow and a build streaming, and the views listing in a loop, when the engine goes.
        // As the log viewer asks: across restarts (the engine's shutdown stops the container before it goes).
        const logs = await client.openLogs(logContainer.id, { follow: true, followAcrossRestarts: true });
        let logLines = 0;
        const logEnd = (async () => {
            try {
                for await (const line of logs) {
                    logLines += line.text === 'tick' ? 1 : 0;
                }
                return { at: Date.now(), error: undefined as unknown };
            } catch (error) {
                return { at: Date.now(), error };
            }
        })();
        const ctx = path.join(tmp, 'ctx');
        fs.mkdirSync(ctx);
        fs.writeFileSync(path.join(ctx, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo started && sleep 60\n`);
        let building = false;
        const build = client.buildImage(
            { contextDir: ctx, dockerfile: path.join(ctx, 'Dockerfile'), networkMode: 'none', labels: LABELS },
            { onLine: (l) => (building ||= /started/.test(l.text)) },
        );
        assert.ok(build, 'the client builds');
        const buildEnd = build.then(
            (result) => ({ at: Date.now(), error: new Error(`build resolved: ${JSON.stringify(result)}`) as unknown }),
            (error: unknown) => ({ at: Date.now(), error }),
        );
        await waitFor('log lines and a running build step', () => logLines > 2 && building, 30_000);
        let listing = true;
        let listings = 0;
        const lister = (async () => {
            while (listing) {
                await views[0]!.getChildren();
                listings++;
                await new Promise((r) => setTimeout(r, 20));
            }
        })();
        const eventsBefore = proxy.live(/\/events/);
        assert.equal(eventsBefore, 1, 'one events stream while connected');

        // When the engine itself stops answering (it first stops its containers): pinged directly, no proxy.
        let silentAt = 0;
        const pinger = setInterval(() => {
            void ping(daemon.host, 200).then((ok) => (silentAt ||= ok ? 0 : Date.now()));
        }, 25);
        const t0 = Date.now();
        const stopped = daemon.stop({ keepDir: true });
        const [logResult, buildResult] = await Promise.all([logEnd, buildEnd]);
        await waitFor('the explorer to show the cause', () => connection.state.state === 'unreachable', GUARD_MS);
        const unreachableAt = Date.now();
        await stopped;
        const deadAt = Date.now();
        clearInterval(pinger);
        listing = false;
        await lister;
        const since = (t: number): string => `${((t - silentAt) / 1000).toFixed(2)} s`;
        figures.push(
            `SIGTERM → engine silent ${((silentAt - t0) / 1000).toFixed(2)} s (it stops its containers first), ` +
                `process gone ${((deadAt - t0) / 1000).toFixed(2)} s; after it went silent: explorer unreachable ` +
                `${since(unreachableAt)}, log follow ended ${since(logResult.at)}, build ended ${since(buildResult.at)} ` +
                `(${listings} listings meanwhile)`,
        );
        assert.ok(silentAt > 0, 'the engine stopped answering');
        for (const [what, result] of [
            ['log follow', logResult],
            ['build', buildResult],
        ] as const) {
            assert.ok(isEngineError(result.error), `${what} must end with an EngineError: ${String(result.error)}`);
            assert.equal(result.error.cause, 'notRunning', `${what}: ${result.error.message}`);
            assert.ok(result.at - t0 < GUARD_MS, `${what} took ${result.at - t0} ms`);
            assert.ok(result.at >= t0, `${what} ended before the stop`);
        }
        const state = connection.state;
        assert.ok(state.state === 'unreachable' && state.error.cause === 'notRunning', JSON.stringify(state));
        assert.ok(unreachableAt - t0 < GUARD_MS);
        const keys = stub.contextKeys.filter((k) => k.at >= t0);
        assert.ok(keys.some((k) => k.key === 'dockwise.engine.state' && k.value === 'unreachable'));
        assert.ok(
            keys.some((k) => k.key === 'dockwise.engine.cause' && k.value === 'notRunning'),
            'welcome text',
        );
        await waitFor(
            'the views to empty (welcome shows)',
            () => [...shown.values()].every((s) => s.count === 0),
            GUARD_MS,
        );
        // How it reads without the proxy in between: the socket itself is gone.
        const direct = createEngineClient({ hostSetting: daemon.host, env: {} });
        const status = await direct.checkStatus();
        direct.dispose();
        assert.ok(status.state === 'unreachable' && status.error.cause === 'notRunning', JSON.stringify(status));
        assert.match(status.error.fix ?? '', /Is Docker running/);
        figures.push(`message: "${status.error.message}"`);

        // Back on the same socket: the events stream reconnects once, the views list again.
        const eventsConnectionsBefore = proxy.connections.length;
        let backAt = 0;
        const watcher = setInterval(() => {
            void ping(daemon.host, 200).then((ok) => (backAt ||= ok ? Date.now() : 0));
        }, 25);
        daemon = await support.startPrivateDaemon({ dir: daemon.dir });
        await waitFor('the engine to answer', () => backAt > 0, GUARD_MS);
        clearInterval(watcher);
        await waitFor('the explorer to reconnect', () => connection.state.state === 'connected', GUARD_MS);
        const connectedAt = Date.now();
        await waitFor('one events stream', () => proxy.live(/\/events/) === 1, GUARD_MS);
        const streamAt = Date.now();
        const listed = await waitFor(
            'the containers view to list again',
            async () => ((await views[0]!.getChildren()).length > 0 ? Date.now() : undefined),
            GUARD_MS,
        );
        figures.push(
            `after the restart: connected ${((connectedAt - backAt) / 1000).toFixed(2)} s, events stream ` +
                `${((streamAt - backAt) / 1000).toFixed(2)} s, listing ${((listed - backAt) / 1000).toFixed(2)} s`,
        );
        // Events flow on that one stream, and no second one opens later (a backoff timer racing the wake-up).
        const created = nextMatching<EngineEvent>(
            client.events.onEvent,
            (e) => e.kind === 'volume' && e.action === 'create',
            'a volume event after the restart',
            GUARD_MS,
        );
        await client.createVolume({ name: 'dockwise-after-restart', labels: LABELS });
        await created;
        await new Promise((r) => setTimeout(r, 2500));
        const reached = proxy.connections
            .slice(eventsConnectionsBefore)
            .filter((c) => c.upstream && c.requests.some((r) => /\/events/.test(r)));
        assert.equal(reached.length, 1, 'exactly one events connection reached the engine after the restart');
        assert.equal(proxy.live(/\/events/), 1, 'and it is the only one open');
        assert.deepEqual(rejections, [], 'no unhandled rejection');
    });
});
