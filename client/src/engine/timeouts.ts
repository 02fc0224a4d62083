// One AbortSignal per call that fires on the caller's signal or on our deadline, remembering which.
import type { CallOptions } from './types';

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface Deadline {
    readonly signal: AbortSignal;
    readonly timeoutMs: number | undefined;
    /** Why the signal fired, if it did. */
    readonly reason: 'cancelled' | 'timeout' | undefined;
    /** Stops the timer (keeps following the caller's signal). Call when the request settled or a stream opened. */
    clearTimer(): void;
    /** Detaches from the caller's signal and stops the timer. */
    dispose(): void;
}

/** `timeoutMs: 0` or a stream call (`noTimeout`) means no deadline, only the caller's signal. */
export function deadline(
    options: CallOptions | undefined,
    defaultMs = DEFAULT_TIMEOUT_MS,
    noTimeout = false,
): Deadline {
    const controller = new AbortController();
    let reason: 'cancelled' | 'timeout' | undefined;
    const timeoutMs = noTimeout ? undefined : (options?.timeoutMs ?? defaultMs) || undefined;
    const outer = options?.signal;
    const onAbort = (): void => {
        if (!reason) {
            reason = 'cancelled';
            controller.abort(outer?.reason);
        }
    };
    let timer: NodeJS.Timeout | undefined;
    if (outer?.aborted) {
        onAbort();
    } else {
        outer?.addEventListener('abort', onAbort, { once: true });
        if (timeoutMs !== undefined) {
            timer = setTimeout(() => {
                if (!reason) {
                    reason = 'timeout';
                    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
                }
            }, timeoutMs);
            timer.unref?.();
        }
    }
    return {
        signal: controller.signal,
        timeoutMs,
        get reason() {
            return reason;
        },
        clearTimer() {
            clearTimeout(timer);
        },
        dispose() {
            clearTimeout(timer);
            outer?.removeEventListener('abort', onAbort);
        },
    };
}

/** Resolves after `ms`, or rejects early when `signal` aborts; for backoff waits that must stop on dispose. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(new Error('aborted'));
            return;
        }
        const t = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = (): void => {
            clearTimeout(t);
            reject(new Error('aborted'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
