// docker pull through the Engine API: the reference split the way the CLI does, the JSON progress stream
// decoded line by line, and the engine's in-stream errors turned into words the user can act on.
import type { IncomingMessage } from 'node:http';
import { splitReference } from '../../../server/src/shared/imageReference';
import { JsonLineParser } from './events';
import { obj, str } from './mappers';
import type { Transport } from './transport';
import { EngineError, type CallOptions, type PullProgress } from './types';

export type PullOptions = CallOptions & { onProgress?: (progress: PullProgress) => void };

/** The create-image query for a reference: "busybox" → busybox:latest; digests and explicit tags are kept. */
export function pullParameters(reference: string): { fromImage: string; tag?: string } {
    const ref = reference.trim();
    if (ref.includes('@')) {
        return { fromImage: ref };
    }
    const { registry, repository, tag } = splitReference(ref);
    const fromImage = registry === undefined ? repository : `${registry}/${repository}`;
    // Without a tag the engine would pull every tag of the repository.
    return { fromImage, tag: tag ?? 'latest' };
}

/** An error the engine reports inside a 200 pull stream. */
export function pullError(reference: string, message: string): EngineError {
    const details = { engineMessage: message };
    if (/not found|manifest unknown|pull access denied|repository does not exist/i.test(message)) {
        return new EngineError(
            'notFound',
            `Could not pull ${reference}: ${message}`,
            'Check the image name and tag; private images need `docker login` first.',
            details,
        );
    }
    if (/unauthorized|authentication required|denied/i.test(message)) {
        return new EngineError(
            'permissionDenied',
            `Could not pull ${reference}: ${message}`,
            'Run `docker login <registry>` first.',
            details,
        );
    }
    if (
        /connection refused|no such host|i\/o timeout|tls handshake|dial tcp|network is unreachable|connection reset|timeout exceeded/i.test(
            message,
        )
    ) {
        return new EngineError(
            'unknown',
            `Could not pull ${reference}: the engine cannot reach the registry (${message}).`,
            "Check the engine's network, proxy and registry mirror settings.",
            details,
        );
    }
    return new EngineError('unknown', `Could not pull ${reference}: ${message}`, undefined, details);
}

/** One decoded line of the stream: progress, or the error the engine ends a failed pull with. */
export type PullMessage = { progress: PullProgress } | { error: string };

/** `{"status","id","progressDetail":{current,total}}` or `{"error","errorDetail":{message}}`. */
export function decodePullMessage(raw: unknown): PullMessage {
    const m = obj(raw);
    const error = str(m.error) || str(obj(m.errorDetail).message);
    if (error) {
        return { error };
    }
    const detail = obj(m.progressDetail);
    const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return {
        progress: {
            id: str(m.id) || undefined,
            status: str(m.status),
            current: num(detail.current),
            total: num(detail.total),
        },
    };
}

/** The stream side of a pull, apart from the request so it can be driven by a recorded stream in tests. */
export interface PullResponse {
    readonly complete: boolean;
    readonly destroyed?: boolean;
    setEncoding(encoding: 'utf8'): unknown;
    on(event: 'data', listener: (chunk: string) => void): unknown;
    once(event: 'end' | 'close', listener: () => void): unknown;
    once(event: 'error', listener: (e: unknown) => void): unknown;
}

/**
 * Reads a pull stream to its end: resolves when the engine finished, rejects with the first in-stream error,
 * with 'cancelled' when the signal aborted it, or with the transport error when the connection broke.
 */
export function consumePullStream(
    response: PullResponse,
    reference: string,
    options: PullOptions,
    close: () => void,
    mapError: (e: unknown, reason?: 'cancelled') => EngineError,
): Promise<void> {
    return new Promise<void>((resolve, reject) => {
        const parser = new JsonLineParser();
        let failed: EngineError | undefined;
        let settled = false;
        const done = (e?: unknown): void => {
            if (settled) {
                return;
            }
            settled = true;
            close();
            if (failed) {
                reject(failed);
            } else if (options.signal?.aborted) {
                // The abort destroyed the response: say "cancelled", not "socket hang up".
                reject(mapError(e ?? new Error('aborted'), 'cancelled'));
            } else if (e !== undefined || !response.complete) {
                reject(mapError(e ?? new Error('socket hang up')));
            } else {
                resolve();
            }
        };
        if (options.signal?.aborted || response.destroyed) {
            done(new Error('aborted'));
            return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
            for (const raw of parser.push(chunk)) {
                const m = decodePullMessage(raw);
                if ('error' in m) {
                    failed ??= pullError(reference, m.error);
                    continue;
                }
                try {
                    options.onProgress?.(m.progress);
                } catch {
                    // a failing progress listener must not abort the pull
                }
            }
        });
        response.once('end', () => done());
        response.once('error', (e) => done(e));
        response.once('close', () => done(response.complete ? undefined : new Error('socket hang up')));
    });
}

/** Streams the pull; resolves when the engine finished, rejects on an in-stream error or cancellation. */
export async function pullImage(transport: Transport, reference: string, options: PullOptions = {}): Promise<void> {
    const { fromImage, tag } = pullParameters(reference);
    const operation = `pull ${reference}`;
    let opened: { response: IncomingMessage; close(): void };
    try {
        opened = await transport.stream(
            { method: 'POST', path: '/images/create', query: { fromImage, tag }, operation },
            options,
        );
    } catch (e) {
        // Registry failures may also come as the HTTP status (404, 500) before any stream: same words.
        if (e instanceof EngineError && e.details.statusCode !== undefined && e.details.engineMessage) {
            throw pullError(reference, e.details.engineMessage);
        }
        throw e;
    }
    await consumePullStream(opened.response, reference, options, opened.close, (e, reason) =>
        transport.mapError(e, { operation }, reason),
    );
}
