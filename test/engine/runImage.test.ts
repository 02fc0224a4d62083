// Run Image against the real engine: what the engine receives from a plan (inspect), --rm, a named volume,
// interactive attach, a log driver that cannot start, and real HTTP traffic to busybox httpd on the host
// network at 127.0.0.1 (the test engine has no bridge network; no traffic goes anywhere else).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineError, type EngineClient } from '../../client/src/engine/types';
import { explainRunFailure } from '../../client/src/run/runErrors';
import { resolvePlan, type RunPlan } from '../../client/src/run/runPlan';
import { assertEngineReachable, cleanup, client, ENGINE_SKIP, LABELS, RUN_ID, TEST_IMAGE, waitFor } from './helpers';
import { freePort, get } from './http';

type RunClient = EngineClient & {
    createContainer: NonNullable<EngineClient['createContainer']>;
    attachContainer: NonNullable<EngineClient['attachContainer']>;
    waitContainer: NonNullable<EngineClient['waitContainer']>;
};

let seq = 0;
const uniq = (what: string): string => `dockwise-run-${what}-${RUN_ID}-${++seq}`;

function specOf(plan: RunPlan) {
    const r = resolvePlan({ labels: LABELS, ...plan });
    assert.ok('spec' in r, 'errors' in r ? r.errors.join('; ') : '');
    return r.spec;
}

describe('engine: run image', { skip: ENGINE_SKIP }, () => {
    let c: RunClient;
    let tmp: string;
    const volumes: string[] = [];
    before(async () => {
        c = client() as RunClient;
        await assertEngineReachable(c);
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-run-'));
    });
    after(async () => {
        await cleanup();
        for (const v of volumes) {
            await c.removeVolume(v, { force: true }).catch(() => undefined);
        }
        c?.dispose();
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('creates with ports, env, mounts, log driver and restart policy as the plan says', async () => {
        const volume = uniq('vol');
        await c.createVolume({ name: volume, labels: LABELS });
        volumes.push(volume);
        const name = uniq('opts');
        const { id } = await c.createContainer(
            specOf({
                image: TEST_IMAGE,
                name,
                ports: ['18080:80', '127.0.0.1:18443:443/tcp', '5353:53/udp', '19000-19002:9000'],
                env: ['GREETING=hello world', 'EMPTY='],
                mounts: [`${volume}:/data`, `${tmp}:/host:ro`, '/scratch'],
                logDriver: 'local',
                logOptions: ['max-size=5m'],
                restart: 'on-failure:2',
                network: 'none',
                cmd: ['sleep', '60'],
            }),
        );
        const raw = (await c.inspectRaw('container', id)) as {
            Name: string;
            Config: { Env: string[]; ExposedPorts: Record<string, object> };
            HostConfig: Record<string, unknown>;
            Mounts: { Type: string; Name?: string; Source: string; Destination: string; RW: boolean }[];
        };
        assert.equal(raw.Name, `/${name}`);
        assert.deepEqual(raw.HostConfig.PortBindings, {
            '80/tcp': [{ HostIp: '', HostPort: '18080' }],
            '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '18443' }],
            '53/udp': [{ HostIp: '', HostPort: '5353' }],
            '9000/tcp': [{ HostIp: '', HostPort: '19000-19002' }],
        });
        assert.deepEqual(Object.keys(raw.Config.ExposedPorts).sort(), ['443/tcp', '53/udp', '80/tcp', '9000/tcp']);
        assert.ok(raw.Config.Env.includes('GREETING=hello world') && raw.Config.Env.includes('EMPTY='));
        assert.deepEqual(raw.HostConfig.LogConfig, { Type: 'local', Config: { 'max-size': '5m' } });
        assert.deepEqual(raw.HostConfig.RestartPolicy, { Name: 'on-failure', MaximumRetryCount: 2 });
        assert.equal(raw.HostConfig.AutoRemove, false);
        assert.deepEqual(raw.HostConfig.Binds, [`${volume}:/data`, `${tmp}:/host:ro`]);
        const byTarget = new Map(raw.Mounts.map((m) => [m.Destination, m]));
        assert.equal(byTarget.get('/data')?.Name, volume);
        assert.deepEqual([byTarget.get('/host')?.Type, byTarget.get('/host')?.RW], ['bind', false]);
        assert.equal(byTarget.get('/scratch')?.Type, 'volume', 'anonymous volume');
    });

    it('publishes nothing on an engine without a bridge network: the ports stay in HostConfig only', async () => {
        // What is true on `dockerd --bridge=none`: the container starts on the "default" network without an
        // interface, and the engine publishes none of its ports. Run Image warns about exactly this case.
        const { id } = await c.createContainer(
            specOf({ image: TEST_IMAGE, ports: ['18081:80'], cmd: ['sleep', '30'] }),
        );
        await c.startContainer(id);
        const details = await c.inspectContainer(id);
        assert.equal(details.state, 'running');
        assert.equal(
            details.ports.find((p) => p.privatePort === 80)?.publicPort,
            undefined,
            'no published port on a bridge-less engine',
        );
        await c.removeContainer(id, { force: true });
    });

    it('--rm: a named volume outlives the container, which the engine removes when it exits', async () => {
        const volume = uniq('data');
        await c.createVolume({ name: volume, labels: LABELS });
        volumes.push(volume);
        const run = async (cmd: string): Promise<number | undefined> => {
            const { id } = await c.createContainer(
                specOf({
                    image: TEST_IMAGE,
                    autoRemove: true,
                    network: 'none',
                    mounts: [`${volume}:/data`],
                    cmd: ['sh', '-c', cmd],
                }),
            );
            const removed = c.waitContainer(id, { condition: 'removed', timeoutMs: 30_000 });
            await c.startContainer(id);
            const { statusCode } = await removed;
            await assert.rejects(c.inspectContainer(id), (e: EngineError) => e.cause === 'notFound');
            return statusCode;
        };
        assert.equal(await run('echo kept > /data/file'), 0);
        assert.equal(await run('exit $(wc -c < /data/file)'), 5, 'the second container reads "kept\\n" (5 bytes)');
    });

    it('refuses --rm with a restart policy, before and at the engine', async () => {
        assert.ok('errors' in resolvePlan({ image: TEST_IMAGE, autoRemove: true, restart: 'always' }));
        await assert.rejects(
            c.createContainer({ image: TEST_IMAGE, autoRemove: true, restartPolicy: { name: 'unless-stopped' } }),
            (e: EngineError) => e.cause === 'conflict' && /--rm/.test(e.message),
        );
    });

    it('interactive: attach, then start; input reaches the shell and the exit code comes back', async () => {
        const { id } = await c.createContainer(
            specOf({ image: TEST_IMAGE, interactive: true, autoRemove: true, network: 'none', cmd: ['sh'] }),
        );
        const session = await c.attachContainer(id, { cols: 100, rows: 30 });
        let out = '';
        session.onData((d) => (out += d));
        const exited = new Promise<number | undefined>((r) => session.onExit(r));
        await c.startContainer(id);
        await session.resize(100, 30);
        session.write('stty size; echo "sum=$((40+2))"; exit 7\r');
        assert.equal(await exited, 7);
        assert.match(out, /30 100/, 'the TTY has the terminal size');
        assert.match(out, /sum=42/);
        session.dispose();
        await c.waitContainer(id, { condition: 'removed', timeoutMs: 30_000 });
    });

    it('a log driver that cannot start: the start fails and the reason is put in words', async () => {
        const closed = await freePort();
        const plan: RunPlan = {
            image: TEST_IMAGE,
            network: 'none',
            logDriver: 'fluentd',
            logOptions: [`fluentd-address=127.0.0.1:${closed}`],
            cmd: ['true'],
        };
        const spec = specOf(plan);
        const { id } = await c.createContainer(spec);
        const failure = await c.startContainer(id).then(
            () => undefined,
            (e: unknown) => explainRunFailure(spec, e),
        );
        assert.ok(failure instanceof EngineError, 'the engine refuses to start it');
        assert.match(failure.message, /log driver fluentd could not start/);
        assert.match(failure.fix ?? '', /log options/);
    });

    it('real traffic: busybox httpd on the host network, bound to 127.0.0.1, serves a bind-mounted folder', async () => {
        const port = await freePort();
        const site = path.join(tmp, 'site');
        fs.mkdirSync(site);
        fs.writeFileSync(path.join(site, 'index.html'), `<h1>dockwise ${RUN_ID}</h1>\n`);
        const { id } = await c.createContainer(
            specOf({
                image: TEST_IMAGE,
                name: uniq('httpd'),
                network: 'host',
                mounts: [`${site}:/www:ro`],
                cmd: ['httpd', '-f', '-p', `127.0.0.1:${port}`, '-h', '/www'],
            }),
        );
        await c.startContainer(id);
        const res = await waitFor('httpd to answer', () => get(`http://127.0.0.1:${port}/`).catch(() => undefined));
        assert.equal(res.status, 200);
        assert.equal(res.body, `<h1>dockwise ${RUN_ID}</h1>\n`);
        await c.removeContainer(id, { force: true });
    });
});
