// Where is the engine? The setting, else DOCKER_HOST, else the current Docker context, else the platform default.
// Pure functions over injected inputs (env, a file reader) so every rule is unit-testable; `nodeConnectionInputs`
// supplies the real ones.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError, type ConnectionSource, type ResolvedConnection, type TlsMaterial } from './types';

export interface ConnectionInputs {
    /** The `dockwise.docker.host` setting. */
    hostSetting?: string;
    env: Record<string, string | undefined>;
    platform: NodeJS.Platform;
    homedir: string;
    /** utf8 contents, or undefined when the file does not exist or cannot be read. */
    readFile(file: string): string | undefined;
    exists(file: string): boolean;
}

export function nodeConnectionInputs(
    hostSetting?: string,
    env: Record<string, string | undefined> = process.env,
): ConnectionInputs {
    return {
        hostSetting,
        env,
        platform: process.platform,
        homedir: os.homedir(),
        readFile: (file) => {
            try {
                return fs.readFileSync(file, 'utf8');
            } catch {
                return undefined;
            }
        },
        exists: (file) => fs.existsSync(file),
    };
}

const HOST_FORMAT = 'must look like unix:///path, npipe:////./pipe/name, tcp://host:port or ssh://user@host';

function invalid(what: string, value: string, why: string): EngineError {
    const fix =
        what === 'setting'
            ? `\`dockwise.docker.host\` ${HOST_FORMAT}; leave it empty to use DOCKER_HOST or the current Docker context.`
            : what === 'env'
              ? `\`DOCKER_HOST\` ${HOST_FORMAT}. Fix or unset it (or set \`dockwise.docker.host\`, which wins).`
              : what === 'user'
                ? `A \`dockwise.engines\` host ${HOST_FORMAT}.`
                : `The Docker context's endpoint ${HOST_FORMAT}. Check \`docker context inspect\`, or set \`dockwise.docker.host\`.`;
    return new EngineError('invalidHost', `Invalid Docker host "${value}" (from ${sourceLabel(what)}): ${why}.`, fix);
}

function sourceLabel(source: string): string {
    return source === 'setting'
        ? 'dockwise.docker.host'
        : source === 'env'
          ? 'DOCKER_HOST'
          : source === 'user'
            ? 'dockwise.engines'
            : `${source}`;
}

/** Docker's config dir: $DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(inputs: Pick<ConnectionInputs, 'env' | 'homedir'>): string {
    return inputs.env.DOCKER_CONFIG || path.join(inputs.homedir, '.docker');
}

/** Contexts are stored under the sha256 of their name. */
export function contextDirName(name: string): string {
    return createHash('sha256').update(name).digest('hex');
}

const truthy = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '0' && v !== 'false';

/** TLS files in a folder (ca.pem/cert.pem/key.pem), keeping only those that exist. */
function tlsFiles(dir: string, inputs: ConnectionInputs, verify: boolean): TlsMaterial {
    const pick = (f: string): string | undefined => (inputs.exists(path.join(dir, f)) ? path.join(dir, f) : undefined);
    return { verify, caPath: pick('ca.pem'), certPath: pick('cert.pem'), keyPath: pick('key.pem') };
}

/**
 * The host string with any password in its userinfo (`ssh://user:secret@host`) masked. Dockwise never uses
 * such a password (ssh authenticates with keys or the agent), and `host` ends up in messages and logs.
 */
export function redactHost(raw: string): string {
    // Userinfo runs to the authority's last '@' (a password may hold '@'); the user name ends at the first ':'.
    const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)@/i.exec(raw);
    const colon = m?.[2]?.indexOf(':') ?? -1;
    return m?.[1] && m[2] && colon >= 0 ? `${m[1]}${m[2].slice(0, colon)}:***@${raw.slice(m[0].length)}` : raw;
}

/** Parses a host string into a ResolvedConnection (without TLS, which depends on where it came from). */
export function parseHost(
    raw: string,
    source: ConnectionSource,
    inputs: Pick<ConnectionInputs, 'env' | 'platform'>,
): ResolvedConnection {
    const host = redactHost(raw.trim());
    const what = source === 'context' ? 'context' : source;
    const base = { source, host } as const;
    if (host.startsWith('/')) {
        // A bare socket path: convenient in the setting.
        return { ...base, scheme: 'unix', socketPath: host, description: `unix://${host}` };
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(host)?.[1]?.toLowerCase();
    if (scheme === 'unix') {
        const socketPath = host.slice('unix://'.length);
        if (!socketPath.startsWith('/')) {
            throw invalid(what, host, 'a unix socket needs an absolute path (unix:///var/run/docker.sock)');
        }
        return { ...base, scheme: 'unix', socketPath, description: host };
    }
    if (scheme === 'npipe') {
        const socketPath = host.slice('npipe://'.length);
        if (!socketPath) {
            throw invalid(what, host, 'a named pipe needs a path (npipe:////./pipe/docker_engine)');
        }
        return { ...base, scheme: 'npipe', socketPath, description: host };
    }
    if (scheme === undefined && /^[^/:\s]+:\d+$|^\[[0-9a-f:.]+\]:\d+$/i.test(host)) {
        // host:port, like the docker CLI's -H, means tcp.
        return parseHost(`tcp://${host}`, source, inputs);
    }
    if (scheme === 'tcp' || scheme === 'http' || scheme === 'https' || scheme === 'ssh') {
        let url: URL;
        try {
            url = new URL(host);
        } catch {
            throw invalid(what, host, 'it is not a valid address');
        }
        if (!url.hostname) {
            throw invalid(what, host, 'the host name is missing');
        }
        if (url.pathname && url.pathname !== '/' && scheme !== 'ssh') {
            throw invalid(what, host, `unexpected path "${url.pathname}"`);
        }
        const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
        if (scheme === 'ssh') {
            const username = decodeURIComponent(url.username) || inputs.env.USER || inputs.env.USERNAME || undefined;
            const port = url.port ? Number(url.port) : 22;
            return {
                ...base,
                scheme: 'ssh',
                hostname,
                port,
                username,
                description: `ssh://${username ? `${username}@` : ''}${url.host}`,
            };
        }
        const tls = scheme === 'https' ? { verify: true } : undefined;
        const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
        return { ...base, scheme: 'tcp', hostname, port, tls, description: `tcp://${url.hostname}:${port}` };
    }
    if (scheme === 'fd') {
        throw invalid(what, host, 'fd:// is only meaningful inside dockerd');
    }
    throw invalid(what, host, scheme ? `unsupported scheme "${scheme}://"` : 'no scheme');
}

/** DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH applied to a tcp host, like the docker CLI does. */
function withEnvTls(conn: ResolvedConnection, inputs: ConnectionInputs): ResolvedConnection {
    if (conn.scheme !== 'tcp') {
        return conn;
    }
    const verify = truthy(inputs.env.DOCKER_TLS_VERIFY);
    const tlsOn = verify || truthy(inputs.env.DOCKER_TLS) || conn.tls !== undefined;
    if (!tlsOn) {
        return conn;
    }
    const certDir = inputs.env.DOCKER_CERT_PATH || dockerConfigDir(inputs);
    const tls = tlsFiles(certDir, inputs, verify || (conn.tls?.verify ?? false));
    if (verify && !tls.caPath) {
        throw new EngineError(
            'tlsFailure',
            `DOCKER_TLS_VERIFY is set but ${path.join(certDir, 'ca.pem')} does not exist.`,
            'Set `DOCKER_CERT_PATH` to the folder holding ca.pem, cert.pem and key.pem.',
        );
    }
    return { ...conn, tls, description: `${conn.description} (TLS${tls.verify ? '' : ', unverified'})` };
}

interface ContextMeta {
    Name?: string;
    Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

/** The current context's name: DOCKER_CONTEXT, else currentContext in config.json; undefined for "default". */
export function currentContextName(inputs: ConnectionInputs): string | undefined {
    let name = inputs.env.DOCKER_CONTEXT;
    if (!name) {
        const text = inputs.readFile(path.join(dockerConfigDir(inputs), 'config.json'));
        if (text) {
            try {
                const cfg = JSON.parse(text) as { currentContext?: unknown };
                name = typeof cfg.currentContext === 'string' ? cfg.currentContext : undefined;
            } catch {
                // A broken config.json must not stop us: the docker CLI would fail too, the default still works.
                name = undefined;
            }
        }
    }
    return name && name !== 'default' ? name : undefined;
}

/** Reads a context's endpoint and TLS material. Throws 'invalidHost' when the context does not exist. */
export function readContext(name: string, inputs: ConnectionInputs): ResolvedConnection {
    const dir = contextDirName(name);
    const cfgDir = dockerConfigDir(inputs);
    const metaPath = path.join(cfgDir, 'contexts', 'meta', dir, 'meta.json');
    const text = inputs.readFile(metaPath);
    const origin = inputs.env.DOCKER_CONTEXT
        ? 'DOCKER_CONTEXT'
        : `currentContext in ${path.join(cfgDir, 'config.json')}`;
    if (text === undefined) {
        throw new EngineError(
            'invalidHost',
            `Docker context "${name}" (from ${origin}) does not exist (no ${metaPath}).`,
            'Pick an existing context with `docker context use <name>`, unset DOCKER_CONTEXT, or set `dockwise.docker.host`.',
        );
    }
    let meta: ContextMeta;
    try {
        meta = JSON.parse(text) as ContextMeta;
    } catch {
        throw new EngineError(
            'invalidHost',
            `Docker context "${name}" has an unreadable ${metaPath}.`,
            'Recreate the context with `docker context create`.',
        );
    }
    const endpoint = meta.Endpoints?.docker;
    if (!endpoint?.Host) {
        throw new EngineError(
            'invalidHost',
            `Docker context "${name}" has no Docker endpoint.`,
            'Recreate it with `docker context create <name> --docker host=…`.',
        );
    }
    const conn = { ...parseHost(endpoint.Host, 'context', inputs), contextName: name };
    conn.description = `context "${name}": ${conn.description}`;
    if (conn.scheme === 'tcp') {
        const tlsDir = path.join(cfgDir, 'contexts', 'tls', dir, 'docker');
        const tls = tlsFiles(tlsDir, inputs, !endpoint.SkipTLSVerify);
        if (tls.caPath || tls.certPath || conn.tls) {
            conn.tls = tls;
            conn.description += tls.verify ? ' (TLS)' : ' (TLS, unverified)';
        }
    }
    return conn;
}

/** The platform default: the first existing well-known socket (Docker, Docker Desktop, rootless, Podman). */
export function defaultConnection(inputs: ConnectionInputs): ResolvedConnection {
    if (inputs.platform === 'win32') {
        const host = 'npipe:////./pipe/docker_engine';
        return { source: 'default', host, scheme: 'npipe', socketPath: '//./pipe/docker_engine', description: host };
    }
    const xdg = inputs.env.XDG_RUNTIME_DIR;
    const candidates = [
        '/var/run/docker.sock',
        path.join(inputs.homedir, '.docker', 'run', 'docker.sock'),
        ...(xdg ? [path.join(xdg, 'docker.sock'), path.join(xdg, 'podman', 'podman.sock')] : []),
        '/run/podman/podman.sock',
    ];
    const socketPath = candidates.find((c) => inputs.exists(c)) ?? '/var/run/docker.sock';
    const host = `unix://${socketPath}`;
    return { source: 'default', host, scheme: 'unix', socketPath, description: host };
}

/** Setting, else DOCKER_HOST, else the current context, else the default. Throws EngineError for bad values. */
export function resolveConnection(inputs: ConnectionInputs): ResolvedConnection {
    const setting = inputs.hostSetting?.trim();
    if (setting) {
        const conn = withEnvTls(parseHost(setting, 'setting', inputs), inputs);
        return { ...conn, description: `dockwise.docker.host = ${conn.description}` };
    }
    const envHost = inputs.env.DOCKER_HOST?.trim();
    if (envHost) {
        const conn = withEnvTls(parseHost(envHost, 'env', inputs), inputs);
        return { ...conn, description: `DOCKER_HOST = ${conn.description}` };
    }
    const context = currentContextName(inputs);
    if (context) {
        return readContext(context, inputs);
    }
    return defaultConnection(inputs);
}
