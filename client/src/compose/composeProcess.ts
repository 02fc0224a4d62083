// Running Compose: finding it the way users have it, the engine environment it gets, and one cancellable run.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { ResolvedConnection } from '../engine/types';
import type { ComposeFlavor, ComposeTool } from './composeArgs';

export interface RunOptions {
    readonly cwd?: string;
    readonly env?: Record<string, string | undefined>;
    readonly signal?: AbortSignal;
    /** Output as it comes (stdout and stderr interleaved, as Compose writes progress to stderr). */
    readonly onOutput?: (text: string) => void;
    /** Kill the process after this long (probes); default none. */
    readonly timeoutMs?: number;
}

export interface RunResult {
    /** Exit code; undefined when the process could not start or was killed. */
    readonly code: number | undefined;
    readonly output: string;
    readonly durationMs: number;
    readonly cancelled: boolean;
    /** Set when the program could not be started (ENOENT…). */
    readonly spawnError?: string;
}

/** How long a cancelled Compose gets to stop its work (it removes half-created containers) before SIGKILL. */
const KILL_GRACE_MS = 5000;

/** Runs `program argv…` without a shell; resolves (never rejects) once it has exited. */
export function runProcess(program: string, argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const started = Date.now();
    return new Promise((resolve) => {
        const chunks: string[] = [];
        let cancelled = false;
        let settled = false;
        let child: ReturnType<typeof spawn>;
        try {
            child = spawn(program, [...argv], {
                cwd: options.cwd,
                env: options.env as NodeJS.ProcessEnv | undefined,
                shell: false,
                stdio: ['ignore', 'pipe', 'pipe'],
                windowsHide: true,
            });
        } catch (e) {
            resolve({ code: undefined, output: '', durationMs: 0, cancelled: false, spawnError: String(e) });
            return;
        }
        const onData = (b: Buffer): void => {
            const text = b.toString('utf8');
            chunks.push(text);
            options.onOutput?.(text);
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        let killTimer: NodeJS.Timeout | undefined;
        const kill = (): void => {
            child.kill('SIGTERM');
            killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        };
        const onAbort = (): void => {
            cancelled = true;
            kill();
        };
        const timeout = options.timeoutMs ? setTimeout(kill, options.timeoutMs) : undefined;
        if (options.signal?.aborted) {
            onAbort();
        } else {
            options.signal?.addEventListener('abort', onAbort, { once: true });
        }
        const finish = (code: number | undefined, spawnError?: string): void => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(killTimer);
            clearTimeout(timeout);
            options.signal?.removeEventListener('abort', onAbort);
            resolve({ code, output: chunks.join(''), durationMs: Date.now() - started, cancelled, spawnError });
        };
        child.on('error', (e) => finish(undefined, e.message));
        child.on('close', (code) => finish(code ?? undefined));
    });
}

/** The engine Dockwise talks to, as the variables the Docker CLI and both Compose versions read. */
export function engineEnv(
    connection: ResolvedConnection | undefined,
    base: Record<string, string | undefined>,
): Record<string, string | undefined> {
    const env = { ...base };
    if (!connection) {
        return env;
    }
    // The resolved host wins over whatever the environment or current context says, so tree and Compose agree.
    env.DOCKER_HOST = connection.host;
    delete env.DOCKER_CONTEXT;
    delete env.DOCKER_TLS_VERIFY;
    delete env.DOCKER_CERT_PATH;
    const tls = connection.tls;
    if (tls) {
        const dir = [tls.caPath, tls.certPath, tls.keyPath].find((p) => p !== undefined);
        if (dir) {
            env.DOCKER_CERT_PATH = path.dirname(dir);
        }
        if (tls.verify) {
            env.DOCKER_TLS_VERIFY = '1';
        }
    }
    return env;
}

export type Probe = (
    program: string,
    argv: readonly string[],
    env: Record<string, string | undefined>,
) => Promise<RunResult>;

const defaultProbe: Probe = (program, argv, env) => runProcess(program, argv, { timeoutMs: 10_000, env });

function flavorOf(output: string): { flavor: ComposeFlavor; version?: string } | undefined {
    const v2 = /Docker Compose version (v?2[\w.+-]*)/i.exec(output) ?? /\bv?(2\.\d+\.\d+[\w.+-]*)/.exec(output);
    if (v2) {
        return { flavor: 'v2', version: v2[1] };
    }
    const v1 = /docker-compose version (1\.[\w.]+)/i.exec(output);
    return v1 ? { flavor: 'v1', version: v1[1]!.replace(/,$/, '') } : undefined;
}

/**
 * Finds Compose: the `dockwise.compose.command` setting when given (words of an argv, e.g. "podman compose"),
 * else `docker compose` (the v2 plugin) when it answers `version`, else `docker-compose`. Undefined when none
 * answers. `env` must carry PATH.
 */
export async function findCompose(
    setting: string | undefined,
    env: Record<string, string | undefined>,
    probe: Probe = defaultProbe,
): Promise<ComposeTool | undefined> {
    const words = setting?.trim() ? setting.trim().split(/\s+/) : undefined;
    const candidates: { program: string; prefix: string[]; label: string }[] = words
        ? [{ program: words[0]!, prefix: words.slice(1), label: setting!.trim() }]
        : [
              { program: 'docker', prefix: ['compose'], label: 'docker compose' },
              { program: 'docker-compose', prefix: [], label: 'docker-compose' },
          ];
    for (const c of candidates) {
        const r = await probe(c.program, [...c.prefix, 'version'], env);
        if (r.code === 0) {
            const found = flavorOf(r.output);
            // A command from the setting that prints something else is trusted to speak v2's language.
            const flavor = found?.flavor ?? (c.prefix.length > 0 ? 'v2' : 'v1');
            return { program: c.program, prefix: c.prefix, flavor, version: found?.version, label: c.label };
        }
    }
    return undefined;
}
