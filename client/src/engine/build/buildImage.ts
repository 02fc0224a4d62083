// POST /build with a packed context: BuildKit (version 2) when the engine has it, the classic builder
// otherwise. Aborting the signal aborts the request; the engine cancels a build whose client went away.
import * as fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { toEngineError } from '../errors';
import { JsonLineParser } from '../events';
import { modemOptionsFor } from '../modemOptions';
import type { ResolvedConnection } from '../types';
import { BuildProgress } from './buildProgress';
import type { BuildOptions, BuildRequest, BuildResult } from './buildTypes';
import { packContext } from './contextPacker';
import { locateStep } from './instructions';

/** The two engine calls a build needs; a seam for tests and for other transports. */
export interface BuildDialer {
    version(signal?: AbortSignal): Promise<{ apiVersion: string; os: string; podman?: boolean }>;
    build(query: Record<string, unknown>, body: Readable, signal?: AbortSignal): Promise<IncomingMessage>;
}

interface Modem {
    dial(options: Record<string, unknown>, callback: (err: unknown, data: unknown) => void): void;
}

function apiAtLeast(version: string, min: string): boolean {
    const [a = 0, b = 0] = version.split('.').map(Number);
    const [x = 0, y = 0] = min.split('.').map(Number);
    return a > x || (a === x && b >= y);
}

/**
 * BuildKit unless asked otherwise, DOCKER_BUILDKIT=0, a Windows engine, API < 1.39, or Podman (it builds with
 * Buildah and answers either request with the classic JSON stream, so asking for BuildKit would only mislabel it).
 */
export function chooseBuilder(
    request: Pick<BuildRequest, 'builder'>,
    engine: { apiVersion: string; os: string; podman?: boolean },
    env: Record<string, string | undefined>,
): 'buildkit' | 'classic' {
    if (engine.podman) {
        return 'classic';
    }
    if (request.builder === 'classic' || request.builder === 'buildkit') {
        return request.builder;
    }
    const disabled = /^(0|false)$/i.test(env.DOCKER_BUILDKIT ?? '');
    return !disabled && engine.os !== 'windows' && apiAtLeast(engine.apiVersion, '1.39') ? 'buildkit' : 'classic';
}

/** The /build query string, as the docker CLI would send it. */
export function buildQuery(
    request: BuildRequest,
    dockerfileInTar: string,
    builder: 'buildkit' | 'classic',
): Record<string, unknown> {
    const q: Record<string, unknown> = {
        dockerfile: dockerfileInTar,
        t: request.tags?.length ? request.tags : undefined,
        target: request.target || undefined,
        buildargs: request.buildArgs && Object.keys(request.buildArgs).length ? request.buildArgs : undefined,
        labels: request.labels && Object.keys(request.labels).length ? request.labels : undefined,
        nocache: request.noCache ? 1 : undefined,
        pull: request.pull ? 1 : undefined,
        platform: request.platform || undefined,
        networkmode: request.networkMode || undefined,
        // Intermediate containers go even when a step fails or the build is cancelled.
        rm: 1,
        forcerm: 1,
        version: builder === 'buildkit' ? '2' : '1',
    };
    return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
}

/** A dialer over docker-modem for a resolved connection (dockerode loaded on first use). */
export function modemDialer(connection: ResolvedConnection, env: Record<string, string | undefined>): BuildDialer {
    let modem: Modem | undefined;
    const get = (): Modem => {
        if (!modem) {
            // docker-modem reads these at construction and they would override the resolved connection.
            const hidden = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT'];
            const saved = hidden.map((k) => [k, process.env[k]] as const);
            hidden.forEach((k) => delete process.env[k]);
            try {
                // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose
                const Dockerode = require('dockerode') as new (o: object) => { modem: Modem };
                modem = new Dockerode(modemOptionsFor(connection, env)).modem;
            } finally {
                saved.forEach(([k, v]) => v !== undefined && (process.env[k] = v));
            }
        }
        return modem;
    };
    const dial = <T>(options: Record<string, unknown>): Promise<T> =>
        new Promise<T>((resolve, reject) => {
            try {
                get().dial(options, (err, data) => (err ? reject(err) : resolve(data as T)));
            } catch (e) {
                reject(e);
            }
        });
    return {
        async version(signal) {
            const v = await dial<{ ApiVersion?: string; Os?: string; Components?: { Name?: unknown }[] }>({
                path: '/version',
                method: 'GET',
                options: {},
                statusCodes: { 200: true },
                abortSignal: signal,
            });
            const podman = (Array.isArray(v.Components) ? v.Components : []).some((c) =>
                /podman/i.test(String(c?.Name)),
            );
            return { apiVersion: v.ApiVersion ?? '1.24', os: v.Os ?? 'linux', podman };
        },
        build(query, body, signal) {
            return dial<IncomingMessage>({
                path: '/build?',
                method: 'POST',
                options: { _query: query },
                file: body,
                isStream: true,
                abortSignal: signal,
                statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
            });
        },
    };
}

/**
 * Packs the context, sends it and follows the build to its end. A build the engine reports as failed
 * resolves `{ ok: false, failure }` (with the failing instruction located in the Dockerfile when possible);
 * transport failures and cancellation reject with an EngineError; a bad context rejects with
 * BuildContextError before anything is sent.
 */
export async function runBuild(
    dialer: BuildDialer,
    request: BuildRequest,
    options: BuildOptions & { connection?: ResolvedConnection; env?: Record<string, string | undefined> } = {},
): Promise<BuildResult> {
    const started = Date.now();
    const operation = `build ${request.tags?.[0] ?? 'the image'}`;
    const ctx = { operation, connection: options.connection };
    const packed = packContext(request.contextDir, request.dockerfile);
    options.onContext?.({ files: packed.entries.length, bytes: packed.bytes });
    const signal = options.signal;
    let builder: 'buildkit' | 'classic';
    let response: IncomingMessage;
    let sent = 0;
    // Counting in a Transform keeps the tar paused until the request pipes it (a 'data' listener would not).
    const body = new Transform({
        transform(chunk: Buffer, _enc, callback) {
            sent += chunk.length;
            callback(null, chunk);
        },
    });
    try {
        builder = chooseBuilder(request, await dialer.version(signal), options.env ?? process.env);
        options.onLine?.({
            kind: 'info',
            text: `Using ${builder === 'buildkit' ? 'BuildKit' : 'the classic builder'}`,
        });
        const tar = packed.open();
        tar.once('error', (e) => body.destroy(e));
        response = await dialer.build(buildQuery(request, packed.dockerfileInTar, builder), tar.pipe(body), signal);
    } catch (e) {
        body.destroy();
        throw toEngineError(e, ctx, signal?.aborted ? { reason: 'cancelled' } : undefined);
    }
    const progress = new BuildProgress((line) => {
        try {
            options.onLine?.(line);
        } catch {
            // a failing listener must not end the build
        }
    });
    await new Promise<void>((resolve, reject) => {
        const parser = new JsonLineParser();
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => parser.push(chunk).forEach((m) => progress.push(m)));
        let settled = false;
        const done = (e?: unknown): void => {
            if (settled) {
                return;
            }
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            if (signal?.aborted) {
                reject(toEngineError(new Error('aborted'), ctx, { reason: 'cancelled' }));
            } else if (e !== undefined && !progress.failed) {
                reject(toEngineError(e, ctx));
            } else {
                resolve();
            }
        };
        const onAbort = (): void => {
            response.destroy();
            done();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        response.once('end', () => done());
        response.once('error', (e) => done(e));
        response.once('close', () => done(response.complete ? undefined : new Error('socket hang up')));
    });
    const durationMs = Date.now() - started;
    const failed = progress.failed;
    if (failed) {
        let instruction;
        if (failed.step) {
            try {
                const found = locateStep(fs.readFileSync(request.dockerfile, 'utf8'), failed.step);
                instruction = found && { line: found.line, endLine: found.endLine, text: found.text };
            } catch {
                // the Dockerfile went away meanwhile: report without a location
            }
        }
        // An engine started with --bridge=none runs BuildKit RUN steps on a network it does not have.
        const hint =
            builder === 'buildkit' && !request.networkMode && /network bridge not found/.test(failed.message)
                ? ' (the engine has no bridge network: build with network mode "host" or "none")'
                : '';
        return {
            ok: false,
            failure: { message: failed.message + hint, step: failed.step, instruction, output: failed.output },
            builder,
            contextBytes: sent,
            durationMs,
        };
    }
    return { ok: true, imageId: progress.imageId, tags: request.tags ?? [], builder, contextBytes: sent, durationMs };
}
