// `docker run -it` without the CLI: attach to the container's stdio on a hijacked connection, then start it;
// the exit code comes from a wait request registered before the start, so a fast exit is never missed.
import type { Duplex } from 'node:stream';
import { HijackedSession } from './hijackedSession';
import { bool, num, obj, str } from './mappers';
import type { Transport } from './transport';
import {
    EngineError,
    type AttachOptions,
    type AttachSession,
    type CallOptions,
    type WaitCondition,
    type WaitResult,
} from './types';

const enc = encodeURIComponent;

/** How long an ended stream waits for the engine's exit code before reporting "unknown". */
const EXIT_GRACE_MS = 5000;

/**
 * POST /containers/{id}/wait. `registered` resolves once the engine answered the headers, i.e. it watches the
 * container (API ≥ 1.30 flushes them at once): start the container only after that.
 */
export async function startWait(
    transport: Transport,
    id: string,
    condition: WaitCondition,
    options: CallOptions = {},
): Promise<{ result: Promise<WaitResult>; cancel(): void }> {
    const operation = `wait for container ${id.slice(0, 12)}`;
    let opened;
    try {
        opened = await transport.stream(
            { method: 'POST', path: `/containers/${enc(id)}/wait`, query: { condition }, operation },
            options,
        );
    } catch (e) {
        if (condition === 'removed' && e instanceof EngineError && e.cause === 'notFound') {
            return { result: Promise.resolve({}), cancel: () => undefined };
        }
        throw e;
    }
    const { response, close } = opened;
    const result = new Promise<WaitResult>((resolve, reject) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
        response.once('end', () => {
            close();
            try {
                const body = obj(JSON.parse(Buffer.concat(chunks).toString('utf8')));
                const error = str(obj(body.Error).Message);
                resolve({ statusCode: num(body.StatusCode, -1), error: error || undefined });
            } catch (e) {
                reject(transport.mapError(e, { operation }));
            }
        });
        response.once('error', (e) => reject(transport.mapError(e, { operation })));
        response.once('close', () => {
            if (!response.complete) {
                reject(transport.mapError(new Error('socket hang up'), { operation }, 'cancelled'));
            }
        });
    });
    result.catch(() => undefined); // a caller that only cancels must not leave an unhandled rejection
    return { result, cancel: close };
}

/** Waits until the container meets `condition`; the call's timeout covers the whole wait (0: none). */
export async function waitContainer(
    transport: Transport,
    id: string,
    options: CallOptions & { condition?: WaitCondition } = {},
): Promise<WaitResult> {
    const { condition = 'not-running', timeoutMs, signal } = options;
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const limit = timeoutMs ?? transport.defaultTimeoutMs;
    let timedOut = false;
    const timer = limit ? setTimeout(() => ((timedOut = true), controller.abort()), limit) : undefined;
    try {
        const { result } = await startWait(transport, id, condition, { signal: controller.signal, timeoutMs: 0 });
        return await result;
    } catch (e) {
        if (timedOut) {
            throw new EngineError('timeout', `Waiting for container ${id.slice(0, 12)} timed out after ${limit} ms.`);
        }
        throw e;
    } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
    }
}

class ContainerAttachSession extends HijackedSession implements AttachSession {
    constructor(
        transport: Transport,
        readonly containerId: string,
        socket: Duplex,
        tty: boolean,
        private readonly wait: { result: Promise<WaitResult>; cancel(): void },
    ) {
        super(transport, socket, tty, `/containers/${enc(containerId)}/resize`);
        // The stream normally ends with the process; should it linger (a child holding stdout), the exit ends it
        // after a moment for the last output to arrive.
        void wait.result.then(
            () => setTimeout(() => this.socket.destroy(), 1000).unref(),
            () => undefined,
        );
    }

    protected async exitAfterEnd(): Promise<{ code: number | undefined } | undefined> {
        if (this.closed) {
            this.wait.cancel(); // detached on purpose: the container may go on running
            return undefined;
        }
        const grace = new Promise<undefined>((r) => setTimeout(() => r(undefined), EXIT_GRACE_MS).unref());
        const code = await Promise.race([this.wait.result.then((r) => r.statusCode).catch(() => undefined), grace]);
        return { code };
    }

    override dispose(): void {
        super.dispose();
        this.wait.cancel();
    }
}

/** Attaches stdin/stdout/stderr (and registers the exit wait); start the container after this resolves. */
export async function attachContainer(
    transport: Transport,
    id: string,
    options: AttachOptions = {},
): Promise<AttachSession> {
    const info = obj(
        await transport.request<unknown>(
            { method: 'GET', path: `/containers/${enc(id)}/json`, operation: `inspect container ${id}` },
            options,
        ),
    );
    const config = obj(info.Config);
    const tty = bool(config.Tty);
    const wait = await startWait(transport, id, 'next-exit', { signal: options.signal });
    let socket: Duplex;
    try {
        socket = await transport.hijack(
            {
                method: 'POST',
                path: `/containers/${enc(id)}/attach`,
                query: { stream: 1, stdin: bool(config.OpenStdin) ? 1 : 0, stdout: 1, stderr: 1 },
                // The engine ignores the body, but without one docker-modem leaves the request open with its
                // headers unsent (Node flushes them with the first write), and the attach never happens.
                body: { stream: true },
                ok: [101, 200],
                operation: 'attach to the container',
            },
            options,
        );
    } catch (e) {
        wait.cancel();
        throw e;
    }
    return new ContainerAttachSession(transport, id, socket, tty, wait);
}
