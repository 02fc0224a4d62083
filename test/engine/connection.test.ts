import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngineClient } from '../../client/src/engine/index';
import { EngineError } from '../../client/src/engine/types';
import { assertEngineReachable, client, createContext, ENGINE_SKIP } from './helpers';

describe('engine: connection resolution against the real engine', { skip: ENGINE_SKIP }, () => {
    const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
    let configDir: string;
    before(async () => {
        const c = client();
        await assertEngineReachable(c);
        c.dispose();
        configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-config-'));
        createContext(configDir, 'dockwise-test', host);
        createContext(configDir, 'dockwise-broken', 'unix:///nonexistent/dockwise.sock');
        fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ currentContext: 'dockwise-test' }));
    });
    after(() => fs.rmSync(configDir, { recursive: true, force: true }));

    it('uses the current context from $DOCKER_CONFIG/config.json when DOCKER_HOST is unset', async () => {
        const c = createEngineClient({ env: { DOCKER_CONFIG: configDir } });
        assert.deepEqual(
            [c.connection.source, c.connection.contextName, c.connection.host],
            ['context', 'dockwise-test', host],
        );
        await c.ping();
        c.dispose();
    });

    it('DOCKER_CONTEXT picks another context; an unreachable one says how to start Docker', async () => {
        const c = createEngineClient({ env: { DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'dockwise-broken' } });
        assert.equal(c.connection.contextName, 'dockwise-broken');
        const status = await c.checkStatus();
        assert.equal(status.state, 'unreachable');
        assert.ok(status.state === 'unreachable');
        assert.equal(status.error.cause, 'notRunning');
        assert.match(status.error.fix ?? '', /Is Docker running\?/);
        await assert.rejects(c.listContainers(), (e: unknown) => e instanceof EngineError && e.cause === 'notRunning');
        c.dispose();
    });

    it('the setting wins over DOCKER_HOST and contexts, even a broken DOCKER_HOST docker-modem would choke on', async () => {
        const saved = { ...process.env };
        // docker-modem reads these from process.env itself: the client must not let them interfere.
        Object.assign(process.env, {
            DOCKER_HOST: 'tcp://[broken',
            DOCKER_TLS_VERIFY: '1',
            DOCKER_CERT_PATH: '/nonexistent',
        });
        try {
            const c = createEngineClient({ hostSetting: host, env: { ...process.env, DOCKER_CONFIG: configDir } });
            assert.equal(c.connection.source, 'setting');
            await c.ping();
            c.dispose();
        } finally {
            for (const k of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) {
                if (saved[k] === undefined) {
                    delete process.env[k];
                } else {
                    process.env[k] = saved[k];
                }
            }
        }
    });

    it('bad values fail early with a clear fix', () => {
        assert.throws(
            () => createEngineClient({ hostSetting: 'docker.sock', env: {} }),
            (e: unknown) =>
                e instanceof EngineError &&
                e.cause === 'invalidHost' &&
                /`dockwise\.docker\.host` must look like unix:\/\/\/path/.test(e.fix ?? ''),
        );
        assert.throws(
            () => createEngineClient({ env: { DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'nope' } }),
            (e: unknown) => e instanceof EngineError && e.cause === 'invalidHost' && /context "nope"/.test(e.message),
        );
    });

    it('a closed loopback port is "not running", not a hang', async () => {
        const server = net.createServer();
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        const port = (server.address() as net.AddressInfo).port;
        await new Promise<void>((r) => server.close(() => r()));
        const c = createEngineClient({ hostSetting: `tcp://127.0.0.1:${port}`, env: {} });
        const status = await c.checkStatus({ timeoutMs: 5000 });
        assert.ok(status.state === 'unreachable' && status.error.cause === 'notRunning', JSON.stringify(status));
        c.dispose();
    });
});
