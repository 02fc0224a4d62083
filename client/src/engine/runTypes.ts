// Domain types of running a container interactively (`docker run -it`): attach and wait. Part of the contract
// re-exported by types.ts: import them from './types'.
import type { CallOptions, Disposable, EventSubscribe } from './types';

export interface AttachOptions extends CallOptions {
    /** Initial terminal size, applied once the container runs (see AttachSession.resize). */
    cols?: number;
    rows?: number;
}

/**
 * The container's stdin/stdout/stderr on one hijacked connection, shaped for a vscode Pseudoterminal (like
 * ExecSession). Attach before starting the container so no output is lost.
 */
export interface AttachSession extends Disposable {
    readonly containerId: string;
    write(data: string | Uint8Array): void;
    /** Output that arrived before the first listener is replayed to it. */
    readonly onData: EventSubscribe<string>;
    /** The container's exit code once its main process ended (undefined if it could not be read). */
    readonly onExit: EventSubscribe<number | undefined>;
    /** Resizes the container's TTY; harmless before the container runs. */
    resize(cols: number, rows: number): Promise<void>;
    /** Detaches (the process gets EOF on stdin when the container was created with stdinOnce). Idempotent. */
    close(): void;
}

export type WaitCondition = 'not-running' | 'next-exit' | 'removed';

export interface WaitResult {
    /** The exit code; undefined when waiting for 'removed' found the container already gone. */
    statusCode?: number;
    /** The engine's error text when waiting failed inside the engine. */
    error?: string;
}
