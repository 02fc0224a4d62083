// Podman's Docker-compatible API as an engine: a private `podman system service` (test/support/podman.mjs) and the
// same EngineClient the explorer uses. Under CI=true a missing Podman fails this file; elsewhere it is skipped.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { discoverEngines, nodeDiscoveryInputs } from '../../client/src/engine/discovery';
import { createEngineClient } from '../../client/src/engine/index';
import { probeConnection } from '../../client/src/engine/probe';
import type { ContainerInfo, EngineClient, EngineEvent, EngineStatus } from '../../client/src/engine/types';
import { LABELS, nextMatching, ROOT, RUN_FILTER, RUN_ID, waitFor } from './helpers';

interface PodmanSupport {
    podmanUnavailable(): string | undefined;
    startPodman(): Promise<{ host: string; socketPath: string; dir: string; stop(): Promise<void> }>;
    PODMAN_IMAGE: string;
}
const support = (): Promise<PodmanSupport> =>
    import(`file://${path.join(ROOT, 'test', 'support', 'podman.mjs')}`) as Promise<PodmanSupport>;

describe('engine: Podman through its Docker-compatible API', async () => {
    const s = await support();
    const unavailable = s.podmanUnavailable();
    if (unavailable && process.env.CI === 'true') {
        it('Podman is available (required under CI)', () => assert.fail(unavailable));
        return;
    }
    let podman: Awaited<ReturnType<PodmanSupport['startPodman']>>;
    let c: EngineClient;
    let seq = 0;
    const name = () => `dockwise-test-${RUN_ID}-p${++seq}`;

    /** Creates and starts a labelled container without network. */
    const run = async (cmd: string[], tty = false): Promise<string> => {
        const { id } = await c.createContainer!({
            image: s.PODMAN_IMAGE,
            name: name(),
            cmd,
            tty,
            labels: LABELS,
            networkMode: 'none',
        });
        await c.startContainer(id);
        return id;
    };

    before(async () => {
        if (unavailable) {
            return;
        }
        podman = await s.startPodman();
        c = createEngineClient({ hostSetting: podman.host, env: {} });
    });
    after(async () => {
        if (!c) {
            return;
        }
        for (const info of await c.listContainers({ all: true, filters: RUN_FILTER }).catch(() => [])) {
            await c.removeContainer(info.id, { force: true }).catch(() => undefined);
        }
        c.dispose();
        await podman.stop();
    });
    const opts = { skip: unavailable ?? false };

    it('is discovered where Podman puts its socket and probed as Podman', opts, async () => {
        // XDG_RUNTIME_DIR/podman/podman.sock is where rootless Podman listens: point it at our private service.
        const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-xdg-'));
        try {
            fs.mkdirSync(path.join(xdg, 'podman'));
            fs.symlinkSync(podman.socketPath, path.join(xdg, 'podman', 'podman.sock'));
            const { engines } = discoverEngines(
                nodeDiscoveryInputs([], { XDG_RUNTIME_DIR: xdg, DOCKER_CONFIG: path.join(xdg, 'none') }),
            );
            const entry = engines.find((e) => e.origin === 'podman' && e.connection.socketPath?.startsWith(xdg));
            assert.ok(entry, JSON.stringify(engines.map((e) => e.id)));
            const probe = await probeConnection(entry.connection, { env: {} });
            assert.equal(probe.state, 'reachable', probe.state === 'unreachable' ? probe.error.message : '');
            assert.equal(probe.state === 'reachable' && probe.kind, 'podman');
            assert.match(probe.state === 'reachable' ? probe.version : '', /^4\./);
        } finally {
            fs.rmSync(xdg, { recursive: true, force: true });
        }
    });

    it('lists, runs, reads logs, stops and removes containers', opts, async () => {
        const id = await run(['sh', '-c', 'echo hello-from-podman; echo oops >&2; sleep 60']);
        const listed = await waitFor('the container running', async () =>
            (await c.listContainers({ filters: RUN_FILTER })).find(
                (x: ContainerInfo) => x.id === id && x.state === 'running',
            ),
        );
        assert.equal(listed.image, s.PODMAN_IMAGE);
        assert.equal(listed.labels['dockwise.test.run'], RUN_ID);
        const probe = await probeConnection(c.connection, { env: {} });
        assert.ok(probe.state === 'reachable' && probe.running >= 1);

        const lines: string[] = [];
        const logs = await c.openLogs(id, { follow: true });
        for await (const line of logs) {
            lines.push(`${line.stream}:${line.text}`);
            if (lines.length === 2) {
                logs.close();
            }
        }
        assert.deepEqual(lines.sort(), ['stderr:oops', 'stdout:hello-from-podman']);

        await c.stopContainer(id, { timeoutSeconds: 1 });
        const details = await c.inspectContainer(id);
        assert.notEqual(details.state, 'running');
        await c.removeContainer(id);
        assert.ok(!(await c.listContainers({ all: true, filters: RUN_FILTER })).some((x) => x.id === id));
    });

    it('runs a command with exec and reads its output', opts, async () => {
        const id = await run(['sleep', '60']);
        const result = await c.runExec(id, ['sh', '-c', 'echo out; echo err >&2; exit 3']);
        assert.deepEqual(result, { exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
        await c.removeContainer(id, { force: true });
    });

    it('streams events and opens an interactive shell (the explorer and Open Shell)', opts, async () => {
        const seen = nextMatching<EngineEvent>(
            (l) => c.events.onEvent(l),
            (e) => e.kind === 'container' && e.action === 'start',
            'a container start event',
        );
        await nextMatching<EngineStatus>(
            (l) => c.events.onStatus(l),
            (st) => st.state === 'connected',
            'the events stream connected',
        ).catch(() => assert.equal(c.events.status.state, 'connected'));
        const id = await run(['sleep', '60'], true);
        assert.equal((await seen).id, id);
        const session = await c.openExec(id, { cmd: ['sh'] });
        let out = '';
        const sub = session.onData((d) => (out += d));
        session.write('echo $((6*7))\n');
        await waitFor('the shell answering', () => out.includes('42') || undefined, 10_000);
        sub.dispose();
        session.close();
        await c.removeContainer(id, { force: true });
    });

    it('lists images and networks, reads info and disk usage', opts, async () => {
        const images = await c.listImages();
        assert.ok(
            images.some((i) => i.repoTags.includes(s.PODMAN_IMAGE)),
            JSON.stringify(images),
        );
        // A Podman without network configuration (like this one) may list none: the call must still answer.
        assert.ok(Array.isArray(await c.listNetworks()));
        const info = await c.info();
        assert.ok(info.serverVersion);
        const usage = await c.diskUsage();
        assert.ok(usage.images.length >= 1);
    });

    it('creates, lists and removes volumes', opts, async () => {
        const volume = await c.createVolume({ name: `dockwise-test-${RUN_ID}-vol`, labels: LABELS });
        const listed = await c.listVolumes({ filters: RUN_FILTER });
        assert.deepEqual(
            listed.map((v) => v.name),
            [volume.name],
        );
        await c.removeVolume(volume.name);
        assert.deepEqual(await c.listVolumes({ filters: RUN_FILTER }), []);
    });

    it('builds an image from a Dockerfile', opts, async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-podman-build-'));
        const tag = `localhost/dockwise-test/built-${RUN_ID}:latest`;
        try {
            fs.writeFileSync(
                path.join(dir, 'Dockerfile'),
                `FROM ${s.PODMAN_IMAGE}\nRUN echo built > /built.txt\nLABEL dockwise.test=1\n`,
            );
            const lines: string[] = [];
            const result = await c.buildImage!(
                { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tags: [tag], networkMode: 'none' },
                { onLine: (l) => lines.push(l.text), timeoutMs: 60_000 },
            );
            assert.equal(result.ok, true, lines.join('\n'));
            assert.equal(result.builder, 'classic', 'Podman has no BuildKit session: the classic stream is used');
            const image = await c.inspectImage(tag);
            assert.ok(image.id);
            await c.removeImage(tag, { force: true });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
