// ResolvedConnection → docker-modem constructor options (socket, tcp/TLS, ssh).
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { knownHostsVerifier } from './ssh';
import { createSshAgent } from './sshAgent';
import { EngineError, type ResolvedConnection } from './types';

function readTls(file: string | undefined, what: string, conn: ResolvedConnection): Buffer | undefined {
    if (!file) {
        return undefined;
    }
    try {
        return fs.readFileSync(file);
    } catch (e) {
        throw new EngineError(
            'tlsFailure',
            `Cannot read the TLS ${what} ${file} for ${conn.host}: ${(e as Error).message}`,
            'Check `DOCKER_CERT_PATH` (or the Docker context TLS folder): it must hold ca.pem, cert.pem and key.pem.',
        );
    }
}

/** ssh2 options: the agent from SSH_AUTH_SOCK, else the first unencrypted default key; known_hosts checking. */
export function sshOptionsFor(
    conn: ResolvedConnection,
    env: Record<string, string | undefined>,
    homedir = os.homedir(),
    readFile: (f: string) => Buffer | undefined = (f) => {
        try {
            return fs.readFileSync(f);
        } catch {
            return undefined;
        }
    },
): Record<string, unknown> {
    const options: Record<string, unknown> = {};
    const agent = env.SSH_AUTH_SOCK || (process.platform === 'win32' ? '\\\\.\\pipe\\openssh-ssh-agent' : undefined);
    if (agent) {
        options.agent = agent;
    }
    const identity = conn.identityFile ? readFile(conn.identityFile) : undefined;
    if (conn.identityFile && !identity) {
        throw new EngineError(
            'invalidHost',
            `Cannot read the ssh key ${conn.identityFile} for ${conn.host}.`,
            'Check sshIdentityFile in `dockwise.engines`.',
        );
    }
    if (identity) {
        // The key the user named for this engine wins over the agent and the default keys.
        options.privateKey = identity;
        delete options.agent;
    } else if (!env.SSH_AUTH_SOCK) {
        for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
            const key = readFile(path.join(homedir, '.ssh', name));
            if (key && !/ENCRYPTED|bcrypt/.test(key.subarray(0, 400).toString('latin1')) && !isEncryptedOpenSsh(key)) {
                options.privateKey = key;
                break;
            }
        }
    }
    const knownHosts = [env.DOCKWISE_SSH_KNOWN_HOSTS, path.join(homedir, '.ssh', 'known_hosts')]
        .filter((f): f is string => !!f)
        .map((f) => readFile(f)?.toString('utf8') ?? '')
        .join('\n');
    options.hostVerifier = knownHostsVerifier(knownHosts, conn.hostname ?? '', conn.port ?? 22);
    options.readyTimeout = 10_000;
    return options;
}

/** An OpenSSH-format key is encrypted when its cipher name (first field after the magic) is not "none". */
function isEncryptedOpenSsh(pem: Buffer): boolean {
    const text = pem.toString('latin1');
    const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END/.exec(text);
    if (!m?.[1]) {
        return false;
    }
    const raw = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
    const magic = 'openssh-key-v1\0';
    if (raw.toString('latin1', 0, magic.length) !== magic) {
        return false;
    }
    const len = raw.readUInt32BE(magic.length);
    return raw.toString('latin1', magic.length + 4, magic.length + 4 + len) !== 'none';
}

/** Every modem field is set explicitly: docker-modem merges its env-derived defaults underneath. */
export function modemOptionsFor(
    conn: ResolvedConnection,
    env: Record<string, string | undefined>,
): Record<string, unknown> {
    const base: Record<string, unknown> = {
        socketPath: undefined,
        host: undefined,
        port: undefined,
        protocol: undefined,
        ca: undefined,
        cert: undefined,
        key: undefined,
        username: undefined,
        sshOptions: undefined,
        pathPrefix: '/',
        timeout: undefined,
    };
    switch (conn.scheme) {
        case 'unix':
        case 'npipe':
            return { ...base, socketPath: conn.socketPath };
        case 'ssh': {
            // Plain HTTP over our own ssh agent (one ssh connection, many dial-stdio channels); the host name
            // only fills the Host header.
            const sshOptions = sshOptionsFor(conn, env, env.HOME || env.USERPROFILE || os.homedir());
            const agent = createSshAgent({
                host: conn.hostname,
                port: conn.port,
                username: conn.username,
                ...sshOptions,
            });
            return { ...base, protocol: 'http', host: 'localhost', agent };
        }
        case 'tcp': {
            if (!conn.tls) {
                return { ...base, protocol: 'http', host: conn.hostname, port: conn.port };
            }
            const ca = readTls(conn.tls.caPath, 'CA certificate', conn);
            const cert = readTls(conn.tls.certPath, 'client certificate', conn);
            const key = readTls(conn.tls.keyPath, 'client key', conn);
            // An agent carries rejectUnauthorized (docker-modem has no option for it) and reuses TLS sessions.
            const agent = new https.Agent({ ca, cert, key, rejectUnauthorized: conn.tls.verify, keepAlive: true });
            return { ...base, protocol: 'https', host: conn.hostname, port: conn.port, ca, cert, key, agent };
        }
    }
}
