// Which engines could this machine use? Every Docker context, DOCKER_HOST, Podman's sockets and the user's own
// `dockwise.engines` entries — each as a ResolvedConnection with a stable id. Pure over injected inputs (no
// vscode); probing them is engine/probe.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    contextDirName,
    currentContextName,
    defaultConnection,
    dockerConfigDir,
    nodeConnectionInputs,
    parseHost,
    readContext,
    type ConnectionInputs,
} from './connection';
import { isEngineError, type ResolvedConnection } from './types';

export type EngineOrigin = 'context' | 'env' | 'podman' | 'user';

/** One engine Dockwise can offer. `id` is stable across discoveries (what workspace state remembers). */
export interface EngineEntry {
    readonly id: string;
    /** Context name, "DOCKER_HOST", "Podman (rootless)", or the user's name for it. */
    readonly name: string;
    readonly origin: EngineOrigin;
    readonly connection: ResolvedConnection;
    /** The Docker CLI's current context (DOCKER_CONTEXT, else currentContext in config.json). */
    readonly cliCurrent: boolean;
}

/** A `dockwise.engines` entry as the user wrote it (validated here). */
export interface UserEngineSetting {
    name?: unknown;
    host?: unknown;
    /** Verify the server certificate (tcp); default true when a certPath is given. */
    tlsVerify?: unknown;
    /** Folder holding ca.pem, cert.pem and key.pem (like DOCKER_CERT_PATH). */
    tlsCertPath?: unknown;
    /** ssh: a private key file to use instead of the agent and ~/.ssh defaults. */
    sshIdentityFile?: unknown;
}

export interface DiscoveryInputs extends ConnectionInputs {
    /** Names in a folder; [] when it does not exist. */
    listDir(dir: string): string[];
    /** The user-scope `dockwise.engines` value (never a workspace value). */
    userEngines?: readonly UserEngineSetting[];
}

export interface Discovery {
    readonly engines: EngineEntry[];
    /** Entries that could not be used, in words (a broken meta.json, a bad host in the setting). */
    readonly problems: string[];
}

export function nodeDiscoveryInputs(
    userEngines: readonly UserEngineSetting[] | undefined,
    env: Record<string, string | undefined> = process.env,
): DiscoveryInputs {
    return {
        ...nodeConnectionInputs(undefined, env),
        userEngines,
        listDir: (dir) => {
            try {
                return fs.readdirSync(dir);
            } catch {
                return [];
            }
        },
    };
}

const message = (e: unknown): string => (isEngineError(e) ? e.message : e instanceof Error ? e.message : String(e));

/** Context names from contexts/meta/<sha256>/meta.json (the folder name must match the name's hash). */
function contextNames(inputs: DiscoveryInputs, problems: string[]): string[] {
    const metaDir = path.join(dockerConfigDir(inputs), 'contexts', 'meta');
    const names: string[] = [];
    for (const dir of inputs.listDir(metaDir).sort()) {
        const file = path.join(metaDir, dir, 'meta.json');
        const text = inputs.readFile(file);
        if (text === undefined) {
            continue;
        }
        try {
            const name = (JSON.parse(text) as { Name?: unknown }).Name;
            if (typeof name === 'string' && name && contextDirName(name) === dir) {
                names.push(name);
            } else {
                problems.push(`${file}: no context name matching its folder`);
            }
        } catch {
            problems.push(`${file}: not valid JSON`);
        }
    }
    return names;
}

/** Podman's sockets where Podman puts them: rootless under XDG_RUNTIME_DIR, rootful under /run/podman. */
export function podmanSockets(inputs: Pick<ConnectionInputs, 'env' | 'exists'>): { path: string; rootless: boolean }[] {
    const xdg = inputs.env.XDG_RUNTIME_DIR;
    const candidates = [
        ...(xdg ? [{ path: path.join(xdg, 'podman', 'podman.sock'), rootless: true }] : []),
        { path: '/run/podman/podman.sock', rootless: false },
    ];
    return candidates.filter((c) => inputs.exists(c.path));
}

function userEntry(setting: UserEngineSetting, inputs: DiscoveryInputs): EngineEntry {
    const name = typeof setting.name === 'string' ? setting.name.trim() : '';
    const host = typeof setting.host === 'string' ? setting.host.trim() : '';
    if (!name || !host) {
        throw new Error('each entry needs a "name" and a "host"');
    }
    let conn: ResolvedConnection = parseHost(host, 'user', inputs);
    const certDir = typeof setting.tlsCertPath === 'string' && setting.tlsCertPath ? setting.tlsCertPath : undefined;
    if (conn.scheme === 'tcp' && (certDir || setting.tlsVerify !== undefined || conn.tls)) {
        const pick = (f: string): string | undefined =>
            certDir && inputs.exists(path.join(certDir, f)) ? path.join(certDir, f) : undefined;
        const verify = setting.tlsVerify !== false;
        if (verify && certDir && !pick('ca.pem')) {
            throw new Error(`tlsCertPath ${certDir} holds no ca.pem (set "tlsVerify": false to skip verification)`);
        }
        conn = {
            ...conn,
            tls: { verify, caPath: pick('ca.pem'), certPath: pick('cert.pem'), keyPath: pick('key.pem') },
            description: `${conn.description} (TLS${verify ? '' : ', unverified'})`,
        };
    }
    if (conn.scheme === 'ssh' && typeof setting.sshIdentityFile === 'string' && setting.sshIdentityFile) {
        conn = { ...conn, identityFile: setting.sshIdentityFile };
    }
    return { id: `user:${name}`, name, origin: 'user', connection: conn, cliCurrent: false };
}

/**
 * Every engine on offer, in a stable order: contexts ("default" first), DOCKER_HOST, Podman, the user's.
 * Problems never throw: one broken context costs that context only.
 */
export function discoverEngines(inputs: DiscoveryInputs): Discovery {
    const problems: string[] = [];
    const engines: EngineEntry[] = [];
    const current = currentContextName(inputs) ?? 'default';
    // The CLI's "default" context is DOCKER_HOST when set; we list DOCKER_HOST on its own, so "default" is Docker's
    // socket (resolution falls back to Podman's sockets; here they have entries of their own).
    const podman = podmanSockets(inputs);
    const isPodman = (f: string): boolean => podman.some((p) => p.path === f);
    const fallback = defaultConnection({ ...inputs, exists: (f) => !isPodman(f) && inputs.exists(f) });
    engines.push({
        id: 'context:default',
        name: 'default',
        origin: 'context',
        connection: { ...fallback, contextName: 'default' },
        cliCurrent: current === 'default',
    });
    for (const name of contextNames(inputs, problems)) {
        if (name === 'default') {
            continue;
        }
        try {
            const connection = readContext(name, inputs);
            engines.push({ id: `context:${name}`, name, origin: 'context', connection, cliCurrent: current === name });
        } catch (e) {
            problems.push(`Docker context "${name}": ${message(e)}`);
        }
    }
    const envHost = inputs.env.DOCKER_HOST?.trim();
    if (envHost) {
        try {
            const connection = parseHost(envHost, 'env', inputs);
            engines.push({ id: 'env', name: 'DOCKER_HOST', origin: 'env', connection, cliCurrent: false });
        } catch (e) {
            problems.push(message(e));
        }
    }
    const seenSockets = new Set(engines.map((e) => e.connection.socketPath).filter(Boolean));
    for (const sock of podman) {
        if (seenSockets.has(sock.path)) {
            continue; // a context already points there
        }
        const host = `unix://${sock.path}`;
        engines.push({
            id: `podman:${sock.path}`,
            name: sock.rootless ? 'Podman (rootless)' : 'Podman (rootful)',
            origin: 'podman',
            connection: { source: 'podman', host, scheme: 'unix', socketPath: sock.path, description: host },
            cliCurrent: false,
        });
    }
    const seenNames = new Set<string>();
    for (const [i, setting] of (Array.isArray(inputs.userEngines) ? inputs.userEngines : []).entries()) {
        try {
            const entry = userEntry(setting ?? {}, inputs);
            if (seenNames.has(entry.name)) {
                throw new Error(`the name "${entry.name}" is used twice`);
            }
            seenNames.add(entry.name);
            engines.push(entry);
        } catch (e) {
            problems.push(`dockwise.engines[${i}]: ${message(e)}`);
        }
    }
    return { engines, problems };
}
