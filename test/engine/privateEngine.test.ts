// A second, throw-away dockerd this file starts and stops (never the user's engine): TLS on 127.0.0.1 and
// the events stream surviving an engine stop/start.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngineClient } from '../../client/src/engine/index';
import type { EngineClient, EngineStatus } from '../../client/src/engine/types';
import { createContext, DAEMON_SKIP, engineSupport, LABELS, nextMatching, type EngineSupport } from './helpers';

function openssl(args: string[], cwd: string): void {
    const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
    assert.equal(r.status, 0, `openssl ${args.join(' ')}: ${r.stderr}`);
}

/** A CA, a server cert for IP:127.0.0.1 and a client cert (clientAuth), all P-256 (fast). */
function makeCerts(
    dir: string,
    prefix = '',
): { ca: string; cert: string; key: string; serverCert: string; serverKey: string } {
    fs.mkdirSync(dir, { recursive: true });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl(
        [
            'req',
            '-x509',
            ...ec,
            '-keyout',
            `${prefix}ca-key.pem`,
            '-out',
            `${prefix}ca.pem`,
            '-days',
            '1',
            '-subj',
            '/CN=dockwise-test-ca',
        ],
        dir,
    );
    const sign = (name: string, subject: string, ext: string): void => {
        openssl(
            ['req', ...ec, '-keyout', `${prefix}${name}-key.pem`, '-out', `${prefix}${name}.csr`, '-subj', subject],
            dir,
        );
        fs.writeFileSync(path.join(dir, `${prefix}${name}.ext`), ext);
        openssl(
            [
                'x509',
                '-req',
                '-in',
                `${prefix}${name}.csr`,
                '-CA',
                `${prefix}ca.pem`,
                '-CAkey',
                `${prefix}ca-key.pem`,
                '-CAcreateserial',
                '-days',
                '1',
                '-extfile',
                `${prefix}${name}.ext`,
                '-out',
                `${prefix}${name}.pem`,
            ],
            dir,
        );
    };
    sign('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    sign('client', '/CN=dockwise-test-client', 'extendedKeyUsage=clientAuth\n');
    const p = (f: string): string => path.join(dir, `${prefix}${f}`);
    return {
        ca: p('ca.pem'),
        cert: p('client.pem'),
        key: p('client-key.pem'),
        serverCert: p('server.pem'),
        serverKey: p('server-key.pem'),
    };
}

/** DOCKER_CERT_PATH layout: ca.pem, cert.pem, key.pem. */
function certPath(dir: string, c: { ca: string; cert: string; key: string }): string {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(c.ca, path.join(dir, 'ca.pem'));
    fs.copyFileSync(c.cert, path.join(dir, 'cert.pem'));
    fs.copyFileSync(c.key, path.join(dir, 'key.pem'));
    return dir;
}

async function freePort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    return port;
}

describe('engine: a private second engine (TLS, reconnecting events)', { skip: DAEMON_SKIP }, () => {
    let support: EngineSupport;
    let daemon: Awaited<ReturnType<EngineSupport['startPrivateDaemon']>>;
    let tmp: string;
    let certs: ReturnType<typeof makeCerts>;
    let tcp: { port: number; ca: string; cert: string; key: string };
    const clients: EngineClient[] = [];
    const track = (c: EngineClient): EngineClient => (clients.push(c), c);

    before(async () => {
        support = await engineSupport();
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-tls-'));
        certs = makeCerts(path.join(tmp, 'pki'));
        tcp = { port: await freePort(), ca: certs.ca, cert: certs.serverCert, key: certs.serverKey };
        daemon = await support.startPrivateDaemon({ tcp });
        console.log(`# second dockerd (unix + TLS tcp) ready in ${daemon.startMs} ms`);
    });
    after(async () => {
        for (const c of clients) {
            c.dispose();
        }
        await daemon?.stop();
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('reaches a TLS engine with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', async () => {
        const env = {
            DOCKER_HOST: daemon.tcpHost,
            DOCKER_TLS_VERIFY: '1',
            DOCKER_CERT_PATH: certPath(path.join(tmp, 'client'), certs),
        };
        const c = track(createEngineClient({ env }));
        assert.equal(c.connection.tls?.verify, true);
        const v = await c.version();
        assert.ok(v.apiVersion);
        assert.ok(Array.isArray(await c.listContainers()));
    });

    it('reaches it through a Docker context holding the TLS material', async () => {
        const configDir = path.join(tmp, 'config');
        createContext(configDir, 'dockwise-tls', daemon.tcpHost ?? '', certs);
        const c = track(createEngineClient({ env: { DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'dockwise-tls' } }));
        assert.match(c.connection.tls?.caPath ?? '', /contexts\/tls\/[0-9a-f]{64}\/docker\/ca\.pem$/);
        await c.ping();
    });

    it('refuses a plain-HTTP client, a client without a certificate and a wrong CA: tlsFailure', async () => {
        const plain = await track(createEngineClient({ env: { DOCKER_HOST: daemon.tcpHost } })).checkStatus();
        assert.ok(plain.state === 'unreachable' && plain.error.cause === 'tlsFailure', JSON.stringify(plain));
        assert.match(plain.state === 'unreachable' ? (plain.error.fix ?? '') : '', /DOCKER_TLS_VERIFY/);

        const noCertDir = path.join(tmp, 'nocert');
        fs.mkdirSync(noCertDir);
        fs.copyFileSync(certs.ca, path.join(noCertDir, 'ca.pem'));
        const noCert = await track(
            createEngineClient({
                env: { DOCKER_HOST: daemon.tcpHost, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: noCertDir },
            }),
        ).checkStatus();
        assert.ok(
            noCert.state === 'unreachable' && ['tlsFailure', 'notRunning'].includes(noCert.error.cause),
            JSON.stringify(noCert),
        );

        const other = makeCerts(path.join(tmp, 'other'), 'other-');
        const wrongCa = await track(
            createEngineClient({
                env: {
                    DOCKER_HOST: daemon.tcpHost,
                    DOCKER_TLS_VERIFY: '1',
                    DOCKER_CERT_PATH: certPath(path.join(tmp, 'wrong'), { ...certs, ca: other.ca }),
                },
            }),
        ).checkStatus();
        assert.ok(wrongCa.state === 'unreachable' && wrongCa.error.cause === 'tlsFailure', JSON.stringify(wrongCa));
    });

    it('the events stream reports unreachable when the engine stops, and reconnects when it is back', async () => {
        const c = track(createEngineClient({ hostSetting: daemon.host, env: {} }));
        const statuses: EngineStatus['state'][] = [];
        const sub = c.events.onStatus((s) => statuses.push(s.state));
        try {
            await nextMatching(c.events.onStatus, (s) => s.state === 'connected', 'connected');
            const unreachable = nextMatching(
                c.events.onStatus,
                (s) => s.state === 'unreachable',
                'unreachable',
                60_000,
            );
            await daemon.stop({ keepDir: true });
            const down = await unreachable;
            assert.ok(down.state === 'unreachable' && ['notRunning', 'unknown'].includes(down.error.cause));
            assert.ok(down.state === 'unreachable' && (down.retryInMs ?? 0) >= 500);

            const back = nextMatching(c.events.onStatus, (s) => s.state === 'connected', 'reconnected', 60_000);
            daemon = await support.startPrivateDaemon({ dir: daemon.dir, tcp });
            await back;
            // Events flow again on the new connection.
            const created = nextMatching(
                c.events.onEvent,
                (e) => e.kind === 'volume' && e.action === 'create',
                'volume create',
            );
            await c.createVolume({ name: 'dockwise-reconnect', labels: LABELS });
            assert.equal((await created).id, 'dockwise-reconnect');
            await c.removeVolume('dockwise-reconnect');
            // A later 'unreachable' may refine the error (stream closed → socket gone): same state, no flapping.
            const transitions = statuses.filter((s, i) => s !== statuses[i - 1]);
            assert.deepEqual(transitions, ['connected', 'unreachable', 'connected']);
        } finally {
            sub.dispose();
        }
    });
});
