import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineEnv, findCompose, runProcess, type Probe } from '../../../client/src/compose/composeProcess';
import type { ResolvedConnection } from '../../../client/src/engine/types';

const answers =
    (table: Record<string, { code: number; output: string }>): Probe =>
    async (program, argv) => {
        const a = table[[program, ...argv].join(' ')] ?? { code: 127, output: '' };
        return { code: a.code, output: a.output, durationMs: 1, cancelled: false };
    };

describe('finding Compose', () => {
    it('prefers the v2 plugin when `docker compose version` answers', async () => {
        const tool = await findCompose(
            undefined,
            {},
            answers({
                'docker compose version': { code: 0, output: 'Docker Compose version v2.27.0\n' },
                'docker-compose version': { code: 0, output: 'docker-compose version 1.29.2, build unknown\n' },
            }),
        );
        assert.deepEqual(tool, {
            program: 'docker',
            prefix: ['compose'],
            flavor: 'v2',
            version: 'v2.27.0',
            label: 'docker compose',
        });
    });

    it('falls back to docker-compose (v1) when the plugin is missing', async () => {
        const tool = await findCompose(
            undefined,
            {},
            answers({
                'docker compose version': { code: 1, output: "docker: 'compose' is not a docker command." },
                'docker-compose version': { code: 0, output: 'docker-compose version 1.29.2, build unknown\n' },
            }),
        );
        assert.equal(tool?.flavor, 'v1');
        assert.equal(tool?.program, 'docker-compose');
        assert.equal(tool?.version, '1.29.2');
    });

    it('the setting names the command (split into argv words), and nothing else is tried', async () => {
        const tool = await findCompose(
            ' podman  compose ',
            {},
            answers({
                'podman compose version': { code: 0, output: 'Docker Compose version v2.20.0' },
                'docker compose version': { code: 0, output: 'Docker Compose version v2.27.0' },
            }),
        );
        assert.deepEqual([tool?.program, tool?.prefix, tool?.flavor], ['podman', ['compose'], 'v2']);
        assert.equal(await findCompose('nope-compose', {}, answers({})), undefined);
    });

    it('none installed: undefined', async () => {
        assert.equal(await findCompose(undefined, {}, answers({})), undefined);
    });

    it('a real probe of a missing program resolves with a spawn error, not a throw', async () => {
        const r = await runProcess('dockwise-no-such-program', ['version']);
        assert.equal(r.code, undefined);
        assert.ok(r.spawnError);
    });

    it('cancel kills the process', async () => {
        const controller = new AbortController();
        const running = runProcess(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
            signal: controller.signal,
        });
        setTimeout(() => controller.abort(), 100);
        const r = await running;
        assert.equal(r.cancelled, true);
        assert.equal(r.code, undefined);
    });

    it('collects stdout and stderr and the exit code', async () => {
        const seen: string[] = [];
        const r = await runProcess(
            process.execPath,
            ['-e', 'console.log("out"); console.error("err"); process.exit(3)'],
            {
                onOutput: (t) => seen.push(t),
            },
        );
        assert.equal(r.code, 3);
        assert.match(r.output, /out/);
        assert.match(r.output, /err/);
        assert.ok(seen.length > 0);
    });
});

describe('the engine Compose gets', () => {
    const base = { PATH: '/usr/bin', DOCKER_CONTEXT: 'remote', DOCKER_HOST: 'tcp://elsewhere:2375' };
    it('DOCKER_HOST is the resolved host; a context or other host in the environment is dropped', () => {
        const c: ResolvedConnection = {
            source: 'context',
            host: 'unix:///run/user/1000/docker.sock',
            scheme: 'unix',
            description: '',
        };
        assert.deepEqual(engineEnv(c, base), { PATH: '/usr/bin', DOCKER_HOST: 'unix:///run/user/1000/docker.sock' });
    });
    it('TLS: DOCKER_CERT_PATH is the certificates’ folder, DOCKER_TLS_VERIFY when verifying', () => {
        const c: ResolvedConnection = {
            source: 'setting',
            host: 'tcp://10.0.0.2:2376',
            scheme: 'tcp',
            tls: { verify: true, caPath: '/certs/ca.pem', certPath: '/certs/cert.pem', keyPath: '/certs/key.pem' },
            description: '',
        };
        const env = engineEnv(c, base);
        assert.equal(env.DOCKER_HOST, 'tcp://10.0.0.2:2376');
        assert.equal(env.DOCKER_CERT_PATH, '/certs');
        assert.equal(env.DOCKER_TLS_VERIFY, '1');
    });
    it('no connection yet: the environment as it is', () => {
        assert.deepEqual(engineEnv(undefined, base), base);
    });
});
