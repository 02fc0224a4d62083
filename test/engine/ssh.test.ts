// ssh:// engines through a private sshd on 127.0.0.1 (Debian's openssh-server) with keys this test makes:
// docker-modem runs `docker system dial-stdio` on the far side, which reaches the test engine.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngineClient } from '../../client/src/engine/index';
import { EngineError } from '../../client/src/engine/types';
import { DAEMON_SKIP, engineSupport, nextMatching, waitFor } from './helpers';

const hasDockerCli = spawnSync('docker', ['--version'], { stdio: 'ignore' }).status === 0;
const SKIP = DAEMON_SKIP || (hasDockerCli ? false : 'the far side needs the docker CLI (dial-stdio)');

function keygen(file: string): string {
    const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dockwise-test', '-f', file], {
        encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    return fs.readFileSync(`${file}.pub`, 'utf8').trim();
}

describe('engine: ssh://', { skip: SKIP }, () => {
    let tmp: string;
    let home: string;
    let port: number;
    let sshd: ChildProcess | undefined;
    const user = os.userInfo().username;

    before(async () => {
        const support = (await engineSupport()) as unknown as { ensurePackage(bin: string, pkg: string): boolean };
        assert.ok(
            support.ensurePackage('sshd', 'openssh-server'),
            'openssh-server is needed (apt-get install openssh-server)',
        );
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-ssh-'));
        home = path.join(tmp, 'home');
        fs.mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
        const hostKey = keygen(path.join(tmp, 'host_ed25519'));
        const clientKey = keygen(path.join(home, '.ssh', 'id_ed25519'));
        fs.writeFileSync(path.join(tmp, 'authorized_keys'), `${clientKey}\n`, { mode: 0o600 });
        const server = net.createServer();
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        port = (server.address() as net.AddressInfo).port;
        await new Promise<void>((r) => server.close(() => r()));
        fs.writeFileSync(
            path.join(home, '.ssh', 'known_hosts'),
            `[127.0.0.1]:${port} ${hostKey.split(' ').slice(0, 2).join(' ')}\n`,
        );
        const config = [
            `Port ${port}`,
            'ListenAddress 127.0.0.1',
            `HostKey ${path.join(tmp, 'host_ed25519')}`,
            `PidFile ${path.join(tmp, 'sshd.pid')}`,
            `AuthorizedKeysFile ${path.join(tmp, 'authorized_keys')}`,
            'PasswordAuthentication no',
            'KbdInteractiveAuthentication no',
            'UsePAM no',
            'PermitRootLogin prohibit-password',
            'StrictModes no',
            `SetEnv DOCKER_HOST=${process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'}`,
        ].join('\n');
        fs.writeFileSync(path.join(tmp, 'sshd_config'), `${config}\n`);
        fs.mkdirSync('/run/sshd', { recursive: true }); // privilege separation directory
        sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', path.join(tmp, 'sshd_config')], {
            stdio: ['ignore', 'ignore', 'pipe'],
        });
        let log = '';
        sshd.stderr?.on('data', (d: Buffer) => (log += d.toString()));
        await waitFor(
            `sshd on port ${port} (${log})`,
            () =>
                new Promise<boolean | undefined>((resolve) => {
                    const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
                    s.on('error', () => resolve(undefined));
                }),
        );
    });
    after(() => {
        sshd?.kill('SIGTERM');
        if (tmp) {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });

    it('talks to the engine over ssh with a key from ~/.ssh and a known host key', async () => {
        const c = createEngineClient({ hostSetting: `ssh://${user}@127.0.0.1:${port}`, env: { HOME: home } });
        try {
            assert.deepEqual([c.connection.scheme, c.connection.username, c.connection.port], ['ssh', user, port]);
            const v = await c.version({ timeoutMs: 30_000 });
            assert.ok(v.apiVersion);
            // Later calls reuse the ssh connection and its kept-alive dial-stdio channel: no new handshake.
            // (Sequential here: each new channel costs a remote shell start, seconds with a heavy ~/.bashrc.)
            assert.ok(Array.isArray(await c.listContainers()));
            assert.ok((await c.listImages()).length > 0);
            const status = await nextMatching(
                c.events.onStatus,
                (s) => s.state === 'connected',
                'events over ssh',
                30_000,
            );
            assert.equal(status.state, 'connected');
        } finally {
            c.dispose();
        }
    });

    it('refuses a host whose key is not in known_hosts, saying how to fix it', async () => {
        const strangerHome = path.join(tmp, 'stranger');
        fs.mkdirSync(path.join(strangerHome, '.ssh'), { recursive: true });
        fs.copyFileSync(path.join(home, '.ssh', 'id_ed25519'), path.join(strangerHome, '.ssh', 'id_ed25519'));
        const c = createEngineClient({ hostSetting: `ssh://${user}@127.0.0.1:${port}`, env: { HOME: strangerHome } });
        try {
            await assert.rejects(
                c.ping({ timeoutMs: 30_000 }),
                (e: unknown) =>
                    e instanceof EngineError &&
                    e.cause === 'permissionDenied' &&
                    /known_hosts/.test(`${e.message} ${e.fix}`),
            );
        } finally {
            c.dispose();
        }
    });
});
