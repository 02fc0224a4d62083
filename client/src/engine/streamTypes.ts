// Domain types of the streams: events, logs, exec. Part of the contract re-exported by types.ts: import them
// from './types'.
import type { EngineVersion } from './resourceTypes';
import type { CallOptions, Disposable, EngineError, EventSubscribe, ResolvedConnection } from './types';

// ---------------------------------------------------------------- events

export type EngineEventKind = 'container' | 'image' | 'volume' | 'network' | 'daemon';

export interface EngineEvent {
    kind: EngineEventKind;
    /** The action without its detail: 'exec_start: sh -c …' → 'exec_start', 'health_status: healthy' → 'health_status'. */
    action: string;
    /** Text after the ':' in the engine's action, if any ('healthy', the exec command…). */
    actionDetail?: string;
    /** Container/image/network id, or volume name. */
    id: string;
    /** Name when known (container name, image reference, volume/network name). */
    name?: string;
    attributes: Record<string, string>;
    /** Epoch milliseconds (nanosecond precision truncated). */
    time: number;
    scope?: string;
}

export type EngineStatus =
    | { state: 'connecting'; connection: ResolvedConnection }
    | { state: 'connected'; connection: ResolvedConnection; version?: EngineVersion }
    | { state: 'unreachable'; connection: ResolvedConnection; error: EngineError; retryInMs?: number };

/** The one shared /events stream. Starts on the first subscriber, stops when none are left or on dispose. */
export interface EngineEvents extends Disposable {
    readonly onEvent: EventSubscribe<EngineEvent>;
    readonly onStatus: EventSubscribe<EngineStatus>;
    readonly status: EngineStatus;
}

// ---------------------------------------------------------------- logs

export interface LogOptions extends CallOptions {
    /** Keep the stream open for new output. */
    follow?: boolean;
    /** Last N lines; 'all' (default) for everything. */
    tail?: number | 'all';
    /** Only output after this time (Date, or epoch seconds, fractions allowed). */
    since?: Date | number;
    until?: Date | number;
    /** Ask the engine for per-line timestamps (filled into LogLine.timestamp). */
    timestamps?: boolean;
    stdout?: boolean;
    stderr?: boolean;
    /**
     * With `follow`: when the container stops, wait for it to start again and continue (a 'system'
     * line marks the gap) instead of ending. Ends on abort/close or when the container is removed.
     */
    followAcrossRestarts?: boolean;
}

export interface LogLine {
    /** 'system' lines are notices from Dockwise (restart markers), not container output. */
    stream: 'stdout' | 'stderr' | 'system';
    /** One line, without its line terminator. */
    text: string;
    /** RFC 3339 with nanoseconds as the engine sent it, when `timestamps` was asked. */
    timestamp?: string;
}

export interface LogStream extends AsyncIterable<LogLine> {
    readonly containerId: string;
    readonly tty: boolean;
    readonly logDriver: string;
    /** Ends the iteration and releases the connection. Idempotent. */
    close(): void;
}

// ---------------------------------------------------------------- exec

export interface ExecOptions extends CallOptions {
    /** Command to run; default: the first of `shells` found in the container. */
    cmd?: string[];
    /** Candidate shells, default ['/bin/bash', '/bin/sh']. */
    shells?: string[];
    /** Default true. */
    tty?: boolean;
    user?: string;
    workingDir?: string;
    env?: string[];
    /** Initial terminal size. */
    cols?: number;
    rows?: number;
}

/** An interactive exec session, shaped for a vscode Pseudoterminal (without importing vscode). */
export interface ExecSession extends Disposable {
    readonly execId: string;
    readonly command: string[];
    write(data: string | Uint8Array): void;
    readonly onData: EventSubscribe<string>;
    /** Exit code from exec inspect once the process ends (undefined if it could not be read). */
    readonly onExit: EventSubscribe<number | undefined>;
    resize(cols: number, rows: number): Promise<void>;
    /** Closes the stream (the process gets EOF/hang-up). Idempotent. */
    close(): void;
}

export interface ExecResult {
    exitCode: number | undefined;
    stdout: string;
    stderr: string;
}
