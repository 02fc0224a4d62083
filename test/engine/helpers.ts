// Shared by the engine tests: the engine from DOCKER_HOST, labelled test objects, cleanup, waiting with deadlines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Dockerode from 'dockerode';
import { contextDirName } from '../../client/src/engine/connection';
import { createEngineClient } from '../../client/src/engine/index';
import type { EngineClient, EngineClientOptions } from '../../client/src/engine/types';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TEST_IMAGE = 'dockwise-test/busybox:latest';
export const RUN_ID = `${process.pid}-${Date.now().toString(36)}`;
/** Every object a test creates carries these; cleanup removes only what carries RUN_LABEL. */
export const LABELS = { 'dockwise.test': '1', 'dockwise.test.run': RUN_ID };
export const RUN_FILTER = { label: [`dockwise.test.run=${RUN_ID}`] };

/**
 * Skip only outside CI when no engine is configured; under CI=true an unreachable engine fails the tests.
 * test/run.mjs provides DOCKER_HOST (finding or starting an engine).
 */
export const ENGINE_SKIP: string | false =
    process.env.DOCKER_HOST || process.env.CI === 'true'
        ? false
        : 'no Docker engine: set DOCKER_HOST, or run `node test/run.mjs --only engine`';

/** Root (or CI) may start private daemons for the reconnect/TLS/ssh tests. */
export const DAEMON_SKIP: string | false =
    ENGINE_SKIP ||
    (process.getuid?.() === 0 || process.env.CI === 'true' ? false : 'needs root to start a private dockerd');

export function client(options: EngineClientOptions = {}): EngineClient {
    return createEngineClient({ env: process.env, ...options });
}

/** A raw dockerode handle for test setup (creating containers is not part of EngineClient). */
export function docker(host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'): Dockerode {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const D = require('dockerode') as typeof Dockerode;
    // tcp/ssh: dockerode reads DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH itself.
    return host.startsWith('unix://') ? new D({ socketPath: host.slice('unix://'.length) }) : new D();
}

export async function assertEngineReachable(c: EngineClient): Promise<void> {
    const status = await c.checkStatus({ timeoutMs: 10_000 });
    assert.equal(
        status.state,
        'connected',
        status.state === 'unreachable' ? `engine unreachable: ${status.error.message} ${status.error.fix ?? ''}` : '',
    );
}

let seq = 0;
/** A labelled busybox container without network; started unless `start: false`. */
export async function container(
    cmd: string[],
    opts: {
        start?: boolean;
        tty?: boolean;
        logDriver?: string;
        binds?: string[];
        mounts?: Dockerode.MountConfig;
        name?: string;
        networkMode?: string;
        image?: string;
    } = {},
): Promise<Dockerode.Container> {
    const c = await docker().createContainer({
        name: opts.name ?? `dockwise-test-${RUN_ID}-${++seq}`,
        Image: opts.image ?? TEST_IMAGE,
        Cmd: cmd,
        Tty: opts.tty ?? false,
        Labels: LABELS,
        StopTimeout: 1,
        HostConfig: {
            NetworkMode: opts.networkMode ?? 'none',
            LogConfig: opts.logDriver ? { Type: opts.logDriver, Config: {} } : undefined,
            Mounts: opts.mounts,
        },
    });
    if (opts.start !== false) {
        await c.start();
    }
    return c;
}

/** Removes this run's containers, volumes and networks (and only those). */
export async function cleanup(): Promise<void> {
    const d = docker();
    for (const c of await d.listContainers({ all: true, filters: RUN_FILTER })) {
        await d
            .getContainer(c.Id)
            .remove({ force: true, v: true })
            .catch(() => undefined);
    }
    for (const v of (await d.listVolumes({ filters: RUN_FILTER })).Volumes ?? []) {
        await d
            .getVolume(v.Name)
            .remove()
            .catch(() => undefined);
    }
    for (const n of await d.listNetworks({ filters: RUN_FILTER })) {
        await d
            .getNetwork(n.Id)
            .remove()
            .catch(() => undefined);
    }
}

/** Polls `check` (short pauses, growing) until it returns a value or the deadline passes. */
export async function waitFor<T>(
    what: string,
    check: () => Promise<T | undefined> | T | undefined,
    deadlineMs = 20_000,
): Promise<T> {
    const end = Date.now() + deadlineMs;
    for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
        const v = await check();
        if (v !== undefined && v !== false) {
            return v;
        }
        if (Date.now() > end) {
            assert.fail(`timed out after ${deadlineMs} ms waiting for ${what}`);
        }
        await new Promise((r) => setTimeout(r, pause));
    }
}

/** Resolves with the first value `subscribe` delivers that matches, or fails at the deadline. */
export function nextMatching<T>(
    subscribe: (l: (v: T) => void) => { dispose(): void },
    match: (v: T) => boolean,
    what: string,
    deadlineMs = 20_000,
): Promise<T> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            sub.dispose();
            reject(new Error(`timed out after ${deadlineMs} ms waiting for ${what}`));
        }, deadlineMs);
        const sub = subscribe((v) => {
            if (match(v)) {
                clearTimeout(timer);
                sub.dispose();
                resolve(v);
            }
        });
    });
}

/** The test support module (private daemons), loaded from the sources. */
export interface EngineSupport {
    startPrivateDaemon(opts?: {
        dir?: string;
        tcp?: { port: number; ca: string; cert: string; key: string };
    }): Promise<{
        host: string;
        tcpHost?: string;
        pid: number;
        dir: string;
        startMs: number;
        stop(o?: { keepDir?: boolean }): Promise<void>;
    }>;
    ensureTestImage(host: string): Promise<{ built: boolean; buildMs: number }>;
}
export async function engineSupport(): Promise<EngineSupport> {
    const url = `file://${path.join(ROOT, 'test', 'support', 'engine.mjs')}`;
    return (await import(url)) as EngineSupport;
}

/** Creates a Docker context the way the docker CLI does (with the CLI when present, else the same files). */
export function createContext(
    configDir: string,
    name: string,
    host: string,
    tls?: { ca: string; cert: string; key: string; skipVerify?: boolean },
): void {
    const hasCli = spawnSync('docker', ['--version'], { stdio: 'ignore' }).status === 0;
    if (hasCli && !tls?.skipVerify) {
        const docker = [`host=${host}`, ...(tls ? [`ca=${tls.ca}`, `cert=${tls.cert}`, `key=${tls.key}`] : [])].join(
            ',',
        );
        const r = spawnSync('docker', ['context', 'create', name, '--docker', docker], {
            env: { ...process.env, DOCKER_CONFIG: configDir, DOCKER_HOST: '', DOCKER_CONTEXT: '' },
            encoding: 'utf8',
        });
        assert.equal(r.status, 0, r.stderr);
        return;
    }
    const id = contextDirName(name);
    const meta = path.join(configDir, 'contexts', 'meta', id);
    fs.mkdirSync(meta, { recursive: true });
    fs.writeFileSync(
        path.join(meta, 'meta.json'),
        JSON.stringify({
            Name: name,
            Metadata: {},
            Endpoints: { docker: { Host: host, SkipTLSVerify: !!tls?.skipVerify } },
        }),
    );
    if (tls) {
        const dir = path.join(configDir, 'contexts', 'tls', id, 'docker');
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(tls.ca, path.join(dir, 'ca.pem'));
        fs.copyFileSync(tls.cert, path.join(dir, 'cert.pem'));
        fs.copyFileSync(tls.key, path.join(dir, 'key.pem'));
    }
}
