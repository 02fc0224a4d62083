import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

/**
 * How long hover and the light bulb wait for a document's findings. Linting runs in a worker, one
 * file at a time: behind a huge file a small one waits seconds, and an answer without the findings
 * (the instruction's hover, the quick fixes carried by the diagnostics) beats a late one.
 */
export const FINDINGS_WAIT_MS = 300;

function cancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function isCancellation(e: unknown): boolean {
    return e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled;
}

/**
 * `work`, unless the client cancels the request first ($/cancelRequest): then a RequestCancelled
 * error at once, which the connection sends back. The work itself (a lint in the worker) goes on
 * and is cached for the next request.
 */
export function unlessCancelled<T>(work: Promise<T>, token: CancellationToken | undefined): Promise<T> {
    if (!token) {
        return work;
    }
    if (token.isCancellationRequested) {
        return Promise.reject(cancelled());
    }
    return new Promise((resolve, reject) => {
        const subscription = token.onCancellationRequested(() => reject(cancelled()));
        work.then(resolve, reject).finally(() => subscription.dispose());
    });
}

/** `work`'s value if it comes within `ms`, else undefined (and sooner if the request is cancelled). */
export function within<T>(work: Promise<T>, ms: number, token?: CancellationToken): Promise<T | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    return unlessCancelled(Promise.race([work, late]), token).finally(() => clearTimeout(timer));
}
