import type { Logger } from './logger';
import { errorText } from './logger';
import { isCancellation } from './waiting';

/**
 * Wraps a request or notification handler so that whatever it throws (synchronously or through a
 * rejected promise) is logged and answered with `fallback`: one bad document or one bug in a
 * library never reaches the connection as a crash, and the editor gets an empty answer. A
 * cancellation goes through: the client gets RequestCancelled.
 */
export function guarded<A extends unknown[], R>(
    logger: Logger,
    name: string,
    fallback: R,
    handler: (...args: A) => R | Promise<R>,
): (...args: A) => R | Promise<R> {
    const fail = (e: unknown): R => {
        if (isCancellation(e)) {
            throw e; // The connection answers RequestCancelled: what the client asked for.
        }
        logger.error(`${name} failed: ${errorText(e)}`);
        return fallback;
    };
    return (...args: A) => {
        try {
            const result = handler(...args);
            return isPromise(result) ? result.then(undefined, fail) : result;
        } catch (e) {
            return fail(e);
        }
    };
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
    return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}
