// TLS material and ssh keys are read, never shown: connection failures with secret-looking inputs must not
// put the secrets in an error (message, fix, details, even util.inspect of the whole error), in the
// connection's host or description (which the explorer logs), or on stdout/stderr.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inspect } from 'node:util';
import { redactHost } from '../../../client/src/engine/connection';
import { createEngineClient } from '../../../client/src/engine/index';
import type { EngineClient } from '../../../client/src/engine/types';

const SECRETS = ['KEYSECRETMARKER', 'CERTSECRETMARKER', 'CASECRETMARKER', 'SSHKEYSECRETMARKER', 'hunter2-S3CRET'];

/** Everything written to stdout/stderr (console included) while `fn` runs. */
async function captured(fn: () => Promise<void>): Promise<string> {
    const out: string[] = [];
    const streams = [process.stdout, process.stderr];
    const saved = streams.map((s) => s.write.bind(s));
    for (const s of streams) {
        s.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof s.write;
    }
    try {
        await fn();
    } finally {
        streams.forEach((s, i) => (s.write = saved[i] as typeof s.write));
    }
    return out.join('');
}

function assertNoSecret(text: string, what: string): void {
    for (const secret of SECRETS) {
        assert.ok(!text.includes(secret), `${what} leaks ${secret}: ${text.slice(0, 400)}`);
    }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    return port;
}

describe('security: secrets never reach messages or logs', () => {
    let tmp: string;
    let port: number;
    const clients: EngineClient[] = [];

    before(async () => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-secrets-'));
        port = await closedPort();
    });
    after(() => {
        clients.forEach((c) => c.dispose());
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    /** Every call the explorer makes first, with each error checked whole. */
    async function exercise(c: EngineClient): Promise<string[]> {
        clients.push(c);
        const texts = [c.connection.host, c.connection.description];
        const status = await c.checkStatus({ timeoutMs: 5000 });
        assert.equal(status.state, 'unreachable');
        for (const call of [() => c.ping({ timeoutMs: 5000 }), () => c.listContainers({ timeoutMs: 5000 })]) {
            const e = await call().then(
                () => assert.fail('must not connect'),
                (err: unknown) => err,
            );
            texts.push(String(e), inspect(e, { depth: 10, showHidden: true }));
        }
        if (status.state === 'unreachable') {
            texts.push(status.error.message, status.error.fix ?? '', inspect(status.error, { depth: 10 }));
        }
        return texts;
    }

    it('TLS: a client key, cert and CA read from DOCKER_CERT_PATH never appear', async () => {
        const dir = path.join(tmp, 'certs');
        fs.mkdirSync(dir);
        const pem = (kind: string, marker: string): string =>
            `-----BEGIN ${kind}-----\n${marker}${'A'.repeat(60)}\n-----END ${kind}-----\n`;
        fs.writeFileSync(path.join(dir, 'ca.pem'), pem('CERTIFICATE', 'CASECRETMARKER'));
        fs.writeFileSync(path.join(dir, 'cert.pem'), pem('CERTIFICATE', 'CERTSECRETMARKER'));
        fs.writeFileSync(path.join(dir, 'key.pem'), pem('PRIVATE KEY', 'KEYSECRETMARKER'));
        let texts: string[] = [];
        const output = await captured(async () => {
            const env = { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir };
            texts = await exercise(createEngineClient({ env }));
        });
        assertNoSecret(output, 'stdout/stderr');
        texts.forEach((t) => assertNoSecret(t, 'an error or the connection'));
        assert.match(texts.join('\n'), /TLS/, 'the failure is named as a TLS one');
    });

    it('ssh: a password in the URL and the key from ~/.ssh never appear', async () => {
        const home = path.join(tmp, 'home');
        fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
        fs.writeFileSync(
            path.join(home, '.ssh', 'id_ed25519'),
            '-----BEGIN OPENSSH PRIVATE KEY-----\nSSHKEYSECRETMARKER\n-----END OPENSSH PRIVATE KEY-----\n',
        );
        let texts: string[] = [];
        const output = await captured(async () => {
            const c = createEngineClient({
                hostSetting: `ssh://deploy:hunter2-S3CRET@127.0.0.1:${port}`,
                env: { HOME: home, DOCKWISE_SSH_KNOWN_HOSTS: path.join(tmp, 'none') },
            });
            assert.equal(c.connection.username, 'deploy');
            texts = await exercise(c);
        });
        assertNoSecret(output, 'stdout/stderr');
        texts.forEach((t) => assertNoSecret(t, 'an error or the connection'));
    });

    it('a bad host or context with a password is refused without repeating it', () => {
        const e = (() => {
            try {
                createEngineClient({ hostSetting: 'ssh://deploy:hunter2-S3CRET@/path', env: {} });
            } catch (err) {
                return err;
            }
            return undefined;
        })();
        assert.ok(e instanceof Error, 'refused');
        assertNoSecret(inspect(e, { depth: 10 }), 'the refusal');
        assert.match((e as Error).message, /ssh:\/\/deploy:\*\*\*@/);
    });

    it('redactHost masks the password only, even one holding "@" or ":"', () => {
        assert.equal(redactHost('ssh://me:p@ss:w0rd@host:22/x'), 'ssh://me:***@host:22/x');
        assert.equal(redactHost('tcp://u:secret@10.0.0.1:2376'), 'tcp://u:***@10.0.0.1:2376');
        assert.equal(redactHost('ssh://me@host'), 'ssh://me@host');
        assert.equal(redactHost('unix:///var/run/docker.sock'), 'unix:///var/run/docker.sock');
        assert.equal(redactHost('tcp://host:2375/a@b'), 'tcp://host:2375/a@b');
    });
});
