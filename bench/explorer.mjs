// Section 5: the explorer at scale against a real engine. 500 containers created offline (busybox,
// NetworkMode none, labelled dockwise.bench=1, never started) are listed into the Containers view model; one
// running container is stopped and the time to the event and to the updated item model is taken; engine API
// calls are counted through a unix-socket proxy while the views are hidden and while they are visible and idle.
// The explorer runs in plain Node: the real EngineConnection, RefreshManager, views and engine client (bench
// bundle client.cjs) over the vscode stub of support/vscodeStub.cjs; the harness plays VS Code's part (asks a
// visible view for its children and items whenever it fires onDidChangeTreeData, and when it is first shown).
import * as http from 'node:http';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { BENCH_LABEL, benchEngine, IMAGE, pool, removeBenchContainers } from './support/benchEngine.mjs';
import { startCountingProxy } from './support/countingProxy.mjs';
import { createVscodeStub, installVscodeStub } from './support/vscodeStub.mjs';
import { BUILD, log, median, now, require, ROOT, round, section, sleep } from './support/util.mjs';

installVscodeStub(createVscodeStub({ root: ROOT }));
const c = require(path.join(BUILD, 'client.cjs'));

/** GET over the engine socket: status, body and elapsed ms. */
function rawGet(socketPath, p) {
    return new Promise((resolve, reject) => {
        const t0 = now();
        const req = http.get({ socketPath, path: p }, (res) => {
            const chunks = [];
            res.on('data', (d) => chunks.push(d));
            res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks), ms: now() - t0 }));
        });
        req.on('error', reject);
    });
}

/** The explorer as extension.ts/explorer.ts compose it, with VS Code's part played by the harness. */
function makeExplorer(host, stub, name) {
    const connection = new c.EngineConnection(async () => c.createEngineClient({ hostSetting: host, env: {} }));
    const views = {
        containers: new c.ContainersView(connection),
        images: new c.ImagesView(connection),
        volumes: new c.VolumesView(connection),
        networks: new c.NetworksView(connection),
    };
    const trees = {};
    const renders = [];
    const listeners = new Set();
    const render = async (kind) => {
        const view = views[kind];
        const t0 = now();
        const roots = await view.getChildren();
        const items = [];
        for (const node of roots) {
            items.push(view.getTreeItem(node));
            if (node.kind === 'compose') {
                for (const child of await view.getChildren(node)) {
                    items.push(view.getTreeItem(child));
                }
            }
        }
        const done = { kind, at: now(), ms: now() - t0, items };
        renders.push({ kind, at: done.at, ms: done.ms, count: items.length });
        for (const l of listeners) {
            l(done);
        }
        return done;
    };
    for (const [kind, view] of Object.entries(views)) {
        trees[kind] = view.createView(`dockwise.${kind}.${name}`);
        view.onDidChangeTreeData(() => {
            if (trees[kind].visible) {
                void render(kind);
            }
        });
    }
    const refresh = new c.RefreshManager(connection, Object.values(views), {
        debounceMs: 250,
        maxWaitMs: 2000,
        pollSeconds: () => stub.workspace.getConfiguration('dockwise').get('explorer.pollIntervalSeconds', 60),
    });
    return {
        connection,
        views,
        trees,
        renders,
        render,
        onRender: (l) => (listeners.add(l), { dispose: () => listeners.delete(l) }),
        /** Shows views as VS Code does: visible, then asks for their content. */
        async show(kinds) {
            for (const k of kinds) {
                trees[k].setVisible(true);
            }
            return Promise.all(kinds.map((k) => render(k)));
        },
        hide() {
            for (const t of Object.values(trees)) {
                t.setVisible(false);
            }
        },
        dispose() {
            refresh.dispose();
            for (const v of Object.values(views)) {
                v.dispose();
            }
            connection.dispose();
        },
    };
}

section(import.meta.url, async (options) => {
    const engine = await benchEngine(options);
    if (engine.skipped) {
        return engine;
    }
    const { socketPath, docker } = engine;
    const stub = require('vscode');
    const count = options.containers ?? 500;
    const tmp = path.join(BUILD, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const result = { containers: count, image: IMAGE };
    const proxies = [];
    const explorers = [];
    try {
        await removeBenchContainers(docker); // leftovers of an interrupted run
        let t0 = Date.now();
        await pool(
            Array.from({ length: count }, (_, i) => i),
            8,
            (i) =>
                docker.createContainer({
                    name: `dockwise-bench-${String(i).padStart(3, '0')}`,
                    Image: IMAGE,
                    Cmd: ['sleep', '3600'],
                    // A fifth of them in compose projects of 10, so the grouping is exercised too.
                    Labels: {
                        [BENCH_LABEL]: '1',
                        ...(i % 5 === 0 ? { 'com.docker.compose.project': `proj${Math.floor(i / 50)}` } : {}),
                    },
                    HostConfig: { NetworkMode: 'none' },
                }),
        );
        result.createSeconds = round((Date.now() - t0) / 1000, 1);
        log(`created ${count} containers in ${result.createSeconds} s`);

        // --- 5a: list answer → tree model
        const listPath = '/containers/json?all=1';
        const raw = [];
        for (let i = 0; i < 5; i++) {
            raw.push(await rawGet(socketPath, listPath));
        }
        const body = raw[raw.length - 1].body.toString('utf8');
        const totalListed = JSON.parse(body).length;
        const modelMs = [];
        let items = 0;
        for (let i = 0; i < 25; i++) {
            const t = now();
            const infos = JSON.parse(body).map(c.toContainerInfo);
            const roots = c.containerRoots(infos, { groupByCompose: true });
            const models = [];
            for (const node of roots) {
                if (node.kind === 'compose') {
                    models.push(c.composeItem(node));
                    models.push(...c.composeChildren(node).map(c.containerItem));
                } else {
                    models.push(c.containerItem(node));
                }
            }
            if (i >= 5) {
                modelMs.push(now() - t);
            }
            items = models.length;
        }
        const proxyV = await startCountingProxy(path.join(tmp, 'visible.sock'), socketPath);
        const proxyH = await startCountingProxy(path.join(tmp, 'hidden.sock'), socketPath);
        proxies.push(proxyV, proxyH);
        const V = makeExplorer(proxyV.host, stub, 'visible');
        const H = makeExplorer(proxyH.host, stub, 'hidden');
        explorers.push(V, H);
        const viewMs = [];
        await V.show(['containers', 'images']);
        for (let i = 0; i < 5; i++) {
            V.connection.containers.invalidate();
            viewMs.push((await V.render('containers')).ms);
        }
        result.treeModel = {
            containersListed: totalListed,
            listAnswerBytes: raw[raw.length - 1].body.length,
            engineListRoundTripMs: round(median(raw.slice(1).map((r) => r.ms))),
            answerToTreeModelMs: round(median(modelMs)),
            itemModels: items,
            viaContainersViewMs: round(median(viewMs)),
            note: 'answerToTreeModel = JSON.parse + toContainerInfo + containerRoots (compose grouping) + item models; viaContainersView = ContainersView.getChildren + getTreeItem for every node, engine call included',
        };
        log(
            `tree model: list ${result.treeModel.engineListRoundTripMs} ms, answer → model ${result.treeModel.answerToTreeModelMs} ms`,
        );

        // --- 5b: docker stop → event → updated item model (through RefreshManager's debounce, 250 ms)
        const live = await docker.createContainer({
            name: 'dockwise-bench-live',
            Image: IMAGE,
            Cmd: ['sleep', '3600'],
            Labels: { [BENCH_LABEL]: '1' },
            HostConfig: { NetworkMode: 'none' },
        });
        const client = await V.connection.client();
        const events = [];
        const sub = client.events.onEvent((e) => {
            if (e.kind === 'container' && e.id === live.id) {
                events.push({ action: e.action, at: now() });
            }
        });
        const itemState = (done) =>
            done.kind === 'containers'
                ? done.items.find((i) => i.id === `container:${live.id}`)?.contextValue
                : undefined;
        const waitForItem = (prefix, timeoutMs = 20_000) =>
            new Promise((resolve, reject) => {
                const d = V.onRender((done) => {
                    if (itemState(done)?.startsWith(prefix)) {
                        d.dispose();
                        resolve(done.at);
                    }
                });
                setTimeout(() => (d.dispose(), reject(new Error(`item never became ${prefix}`))), timeoutMs).unref();
            });
        const stops = [];
        for (let i = 0; i < (options.stopRuns ?? 5); i++) {
            const running = waitForItem('container.running');
            await live.start();
            await running;
            await sleep(500); // let the refresh wave settle
            events.length = 0;
            const exited = waitForItem('container.exited');
            const t = now();
            await live.stop({ t: 0 });
            const stopReturned = now();
            const modelAt = await exited;
            const ev = events.find((e) => e.action === 'die' || e.action === 'stop' || e.action === 'kill');
            const lastEv = events.filter((e) => e.at <= modelAt).pop();
            stops.push({
                stopCallMs: stopReturned - t,
                eventMs: ev ? ev.at - t : undefined,
                lastEventMs: lastEv ? lastEv.at - t : undefined,
                modelMs: modelAt - t,
                eventToModelMs: ev ? modelAt - ev.at : undefined,
                lastEventToModelMs: lastEv ? modelAt - lastEv.at : undefined,
                actions: events.filter((e) => e.at <= modelAt).map((e) => e.action),
            });
        }
        sub.dispose();
        const med = (k) => round(median(stops.map((s) => s[k])));
        result.stopToModel = {
            runs: stops.length,
            stopCallMs: med('stopCallMs'),
            stopToEventMs: med('eventMs'),
            stopToLastEventMs: med('lastEventMs'),
            lastEventToItemModelMs: med('lastEventToModelMs'),
            eventsSeen: stops[0]?.actions,
            stopToItemModelMs: med('modelMs'),
            eventToItemModelMs: med('eventToModelMs'),
            debounceMs: 250,
        };
        log(
            `stop → event ${result.stopToModel.stopToEventMs} ms → item model ${result.stopToModel.stopToItemModelMs} ms`,
        );

        // --- 5c: engine API calls per minute, hidden vs visible and idle, over the same window
        await sleep(1500);
        const windowSec = options.idleWindowSec ?? 65;
        // Other users of the same engine may cause events (and with them refreshes) during the window: each
        // request is attributed to an event when one arrived in the refresh delay before it (debounce, max wait).
        const eventTimes = [];
        const sub2 = client.events.onEvent(() => eventTimes.push(Date.now()));
        const since = Date.now();
        await sleep(windowSec * 1000);
        sub2.dispose();
        const perMinute = (counts) =>
            Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, round((v * 60) / windowSec, 1)]));
        const othersEvents = eventTimes.length;
        const afterEvent = (at) => eventTimes.some((e) => at >= e && at - e <= 2500);
        const inWindow = proxyV.requests.filter((q) => q.at >= since);
        const byCause = { afterEngineEvent: 0, other: 0 };
        for (const q of inWindow) {
            byCause[afterEvent(q.at) ? 'afterEngineEvent' : 'other']++;
        }
        const visibleCounts = proxyV.countSince(since);
        const hiddenCounts = proxyH.countSince(since);
        const total = (o) => Object.values(o).reduce((a, b) => a + b, 0);
        result.apiCalls = {
            windowSeconds: windowSec,
            pollIntervalSeconds: stub.workspace.getConfiguration('dockwise').get('explorer.pollIntervalSeconds'),
            hidden: {
                callsPerMinute: round((total(hiddenCounts) * 60) / windowSec, 1),
                byEndpoint: perMinute(hiddenCounts),
                callsEverMade: proxyH.requests.length,
                openEventStreams: proxyH.openEventStreams(),
            },
            visibleIdle: {
                views: ['containers', 'images'],
                callsPerMinute: round((total(visibleCounts) * 60) / windowSec, 1),
                byEndpoint: perMinute(visibleCounts),
                openEventStreams: proxyV.openEventStreams(),
                engineEventsDuringWindow: othersEvents,
                callsPerMinuteAfterEngineEvents: round((byCause.afterEngineEvent * 60) / windowSec, 1),
                callsPerMinuteOtherwise: round((byCause.other * 60) / windowSec, 1),
                requests: inWindow.map((q) => ({
                    atSecond: round((q.at - since) / 1000, 1),
                    request: `${q.method} ${q.path}`,
                    afterEngineEvent: afterEvent(q.at),
                })),
            },
        };
        log(
            `API calls/min: hidden ${result.apiCalls.hidden.callsPerMinute}, visible+idle ${result.apiCalls.visibleIdle.callsPerMinute} ` +
                `(${JSON.stringify(visibleCounts)}), open event streams ${result.apiCalls.visibleIdle.openEventStreams}`,
        );
    } finally {
        for (const e of explorers) {
            e.dispose();
        }
        for (const p of proxies) {
            await p.close();
        }
        const t0 = Date.now();
        result.removed = await removeBenchContainers(docker);
        result.removeSeconds = round((Date.now() - t0) / 1000, 1);
        log(`removed ${result.removed} bench containers in ${result.removeSeconds} s`);
    }
    return result;
});
