// Container logs as line records: demultiplexed (non-TTY) or raw (TTY), tail/since/timestamps, follow,
// optionally across restarts, closed by close() or the caller's AbortSignal.
import type { IncomingMessage } from 'node:http';
import { AsyncQueue } from './asyncQueue';
import { FrameDemuxer, LineSplitter, nanosToSince, splitTimestamp, timestampToNanos, type StreamName } from './demux';
import type { Transport } from './transport';
import {
    EngineError,
    type ContainerDetails,
    type EngineEvent,
    type EngineEvents,
    type LogLine,
    type LogOptions,
    type LogStream,
} from './types';

const toSince = (v: Date | number | undefined): string | number | undefined =>
    v === undefined ? undefined : v instanceof Date ? (v.getTime() / 1000).toFixed(3) : v;

/** The notice for a container whose log driver keeps nothing readable. */
export function logsUnavailable(driver: string, engineMessage?: string): EngineError {
    const message =
        driver === 'none'
            ? "This container's log driver 'none' keeps no logs; `docker logs` cannot read them."
            : `This container's log driver '${driver}' sends logs elsewhere and the engine cannot read them back; \`docker logs\` cannot show them.`;
    return new EngineError(
        'logsUnavailable',
        message,
        driver === 'none'
            ? 'Recreate the container with a log driver that keeps logs (json-file or local, e.g. `--log-driver local`).'
            : `Read them where '${driver}' delivers them, or enable the engine's dual logging (Docker ≥ 20.10: remove \`cache-disabled\` from the log options).`,
        { engineMessage },
    );
}

export interface LogDeps {
    transport: Transport;
    inspect(id: string, options?: { signal?: AbortSignal }): Promise<ContainerDetails>;
    /** Needed only for followAcrossRestarts. */
    events?: EngineEvents;
}

class ContainerLogStream implements LogStream {
    readonly containerId: string;
    readonly tty: boolean;
    readonly logDriver: string;
    private readonly queue: AsyncQueue<LogLine>;
    private current: { response: IncomingMessage; close(): void } | undefined;
    private closed = false;
    private lastNanos: bigint | undefined;
    private startedAt: number | undefined;
    private readonly onAbort = (): void => this.close();
    private readonly onClose: (() => void)[] = [];

    constructor(
        private readonly deps: LogDeps,
        details: ContainerDetails,
        private readonly options: LogOptions,
    ) {
        this.containerId = details.id;
        this.tty = details.tty;
        this.logDriver = details.logConfig.type || details.logDriver || '';
        this.startedAt = details.startedAt;
        this.queue = new AsyncQueue<LogLine>(1000, () => this.current?.response.resume());
        options.signal?.addEventListener('abort', this.onAbort, { once: true });
    }

    private get acrossRestarts(): boolean {
        return !!(this.options.follow && this.options.followAcrossRestarts && this.deps.events);
    }

    /**
     * Opens one engine log stream. 'resume' continues after the last line seen (nanosecond precise) with
     * follow; 'catchUp' reads once (no follow) what a follow stream missed when it ended.
     */
    async open(mode: 'initial' | 'resume' | 'catchUp'): Promise<void> {
        const o = this.options;
        // Following, we need timestamps ourselves: to catch up or resume exactly where we stopped.
        const wantTs = !!o.timestamps || !!o.follow;
        const after = mode !== 'initial' && this.lastNanos !== undefined;
        const follow = !!o.follow && mode !== 'catchUp';
        let opened: { response: IncomingMessage; close(): void };
        try {
            opened = await this.deps.transport.stream(
                {
                    method: 'GET',
                    path: `/containers/${encodeURIComponent(this.containerId)}/logs`,
                    query: {
                        follow: follow ? 1 : 0,
                        stdout: o.stdout === false ? 0 : 1,
                        stderr: o.stderr === false ? 0 : 1,
                        timestamps: wantTs ? 1 : 0,
                        tail: after || o.tail === undefined ? 'all' : String(o.tail),
                        since: after ? nanosToSince(this.lastNanos as bigint) : toSince(o.since),
                        until: toSince(o.until),
                    },
                    operation: 'read the logs',
                },
                { signal: o.signal, timeoutMs: o.timeoutMs },
            );
        } catch (e) {
            if (e instanceof EngineError && e.cause === 'logsUnavailable') {
                throw logsUnavailable(this.logDriver, e.details.engineMessage);
            }
            throw e;
        }
        if (this.closed) {
            opened.close();
            return;
        }
        this.current = opened;
        this.pump(opened.response, wantTs, after ? this.lastNanos : undefined, follow);
    }

    private pump(response: IncomingMessage, wantTs: boolean, skipUpTo: bigint | undefined, follow: boolean): void {
        const demux = this.tty ? undefined : new FrameDemuxer();
        const lines = new LineSplitter();
        const emit = (stream: StreamName, line: string): void => {
            let record: LogLine = { stream, text: line };
            if (wantTs) {
                const { timestamp, text } = splitTimestamp(line);
                const nanos = timestamp ? timestampToNanos(timestamp) : undefined;
                if (nanos !== undefined) {
                    if (skipUpTo !== undefined && nanos <= skipUpTo) {
                        return; // already delivered before the restart
                    }
                    this.lastNanos = nanos;
                }
                record = this.options.timestamps ? { stream, text, timestamp } : { stream, text };
            }
            if (!this.queue.push(record)) {
                response.pause();
            }
        };
        response.on('data', (chunk: Buffer) => {
            const frames = demux ? demux.push(chunk) : [{ stream: 'stdout' as const, data: chunk }];
            for (const f of frames) {
                for (const line of lines.push(f.stream, f.data)) {
                    emit(f.stream, line);
                }
            }
        });
        let done = false;
        const finish = (error?: unknown): void => {
            if (done) {
                return;
            }
            done = true;
            for (const rest of lines.flush()) {
                emit(rest.stream, rest.text);
            }
            if (this.closed) {
                this.queue.end();
            } else if (error !== undefined) {
                this.queue.end(this.deps.transport.mapError(error, { operation: 'read the logs' }));
                this.close();
            } else if (follow) {
                // The engine ends a follow when the container stops, sometimes before its last (partial) line
                // is readable: one plain read after the last timestamp picks it up.
                this.open('catchUp').catch((e: unknown) => {
                    this.queue.end(e);
                    this.close();
                });
            } else if (this.acrossRestarts) {
                void this.waitForRestart();
            } else {
                this.close();
            }
        };
        response.on('end', () => finish());
        response.on('error', (e) => finish(e));
        response.on('close', () =>
            finish(response.complete ? undefined : this.closed ? undefined : new Error('socket hang up')),
        );
    }

    /** The container stopped: wait for its next start (then resume) or its removal (then end). */
    private async waitForRestart(): Promise<void> {
        const events = this.deps.events as EngineEvents;
        let sub: { dispose(): void } | undefined;
        let statusSub: { dispose(): void } | undefined;
        // Waiting on events is waiting on the engine: when it goes away, end with its cause instead of silence.
        const lost = new Promise<EngineError>((resolve) => {
            statusSub = events.onStatus((status) => status.state === 'unreachable' && resolve(status.error));
        });
        const next = new Promise<'start' | 'gone'>((resolve) => {
            sub = events.onEvent((e: EngineEvent) => {
                if (e.kind === 'container' && e.id === this.containerId) {
                    if (e.action === 'start') {
                        resolve('start');
                    } else if (e.action === 'destroy') {
                        resolve('gone');
                    } else if (e.action === 'die') {
                        this.queue.push({
                            stream: 'system',
                            text: `Container stopped (exit code ${e.attributes.exitCode ?? '?'}); waiting for it to start again…`,
                        });
                    }
                }
            });
        });
        const closedPromise = new Promise<'closed'>((resolve) => this.onClose.push(() => resolve('closed')));
        try {
            // It may have restarted between the end of the stream and our subscription.
            const now = await this.deps.inspect(this.containerId).catch(() => undefined);
            let outcome: 'start' | 'gone' | 'closed';
            if (!now) {
                outcome = 'gone';
            } else if (now.state === 'running' && now.startedAt !== this.startedAt) {
                outcome = 'start';
            } else {
                const raced = await Promise.race([next, closedPromise, lost]);
                if (raced instanceof EngineError) {
                    throw raced;
                }
                outcome = raced;
            }
            if (outcome === 'start' && !this.closed) {
                const details = await this.deps.inspect(this.containerId).catch(() => undefined);
                this.startedAt = details?.startedAt;
                this.queue.push({ stream: 'system', text: `Container started again at ${new Date().toISOString()}.` });
                await this.open('resume');
                return;
            }
            this.close();
        } catch (e) {
            this.queue.end(e);
            this.close();
        } finally {
            sub?.dispose();
            statusSub?.dispose();
        }
    }

    close(): void {
        if (this.closed) {
            return;
        }
        this.closed = true;
        this.options.signal?.removeEventListener('abort', this.onAbort);
        this.current?.close();
        this.queue.end();
        for (const f of this.onClose.splice(0)) {
            f();
        }
    }

    [Symbol.asyncIterator](): AsyncIterator<LogLine> {
        const it = this.queue[Symbol.asyncIterator]();
        return {
            next: () => it.next(),
            return: () => {
                this.close();
                return it.return ? it.return() : Promise.resolve({ value: undefined, done: true });
            },
        };
    }
}

/** Inspects (TTY? log driver?) then opens the stream. Rejects with 'logsUnavailable' for driver 'none'. */
export async function openLogStream(deps: LogDeps, id: string, options: LogOptions = {}): Promise<LogStream> {
    const details = await deps.inspect(id, { signal: options.signal });
    const driver = details.logConfig.type;
    if (driver === 'none') {
        throw logsUnavailable(driver);
    }
    const stream = new ContainerLogStream(deps, details, options);
    try {
        await stream.open('initial');
    } catch (e) {
        stream.close();
        throw e;
    }
    return stream;
}
