// ONE /events stream per client: typed change events plus connected/unreachable status, reconnecting with
// exponential backoff (reset after a successful connection). No polling: the stream itself is the liveness signal.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { toEngineEvent } from './resourceMappers';
import { delay } from './timeouts';
import type { Transport } from './transport';
import {
    EngineError,
    type Disposable,
    type EngineEvent,
    type EngineEvents,
    type EngineStatus,
    type EngineVersion,
    type Listener,
} from './types';

export interface BackoffOptions {
    initialMs?: number;
    maxMs?: number;
}

/** 0.5 s, 1 s, 2 s … capped. Pure, for the unit tests. */
export function backoffDelay(attempt: number, { initialMs = 500, maxMs = 30_000 }: BackoffOptions = {}): number {
    return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt));
}

/** Newline-delimited JSON, chunks cut anywhere. */
export class JsonLineParser {
    private buffer = '';

    push(chunk: string): unknown[] {
        this.buffer += chunk;
        const out: unknown[] = [];
        let nl: number;
        while ((nl = this.buffer.indexOf('\n')) >= 0) {
            const line = this.buffer.slice(0, nl).trim();
            this.buffer = this.buffer.slice(nl + 1);
            if (line) {
                try {
                    out.push(JSON.parse(line));
                } catch {
                    // A corrupt line must not end the stream.
                }
            }
        }
        return out;
    }
}

export const EVENT_TYPES = ['container', 'image', 'volume', 'network', 'daemon'];

export class EngineEventStream implements EngineEvents {
    private readonly eventListeners = new Set<Listener<EngineEvent>>();
    private readonly statusListeners = new Set<Listener<EngineStatus>>();
    private current: EngineStatus;
    private running: AbortController | undefined;
    private disposed = false;
    /** Ends the current backoff wait, when there is one. */
    private wakeUp: (() => void) | undefined;

    constructor(
        private readonly transport: Transport,
        private readonly version: (signal: AbortSignal) => Promise<EngineVersion>,
        private readonly backoff: BackoffOptions = {},
    ) {
        this.current = { state: 'connecting', connection: transport.connection };
    }

    get status(): EngineStatus {
        return this.current;
    }

    readonly onEvent = (listener: Listener<EngineEvent>): Disposable => this.subscribe(this.eventListeners, listener);
    readonly onStatus = (listener: Listener<EngineStatus>): Disposable =>
        this.subscribe(this.statusListeners, listener);

    private subscribe<T>(set: Set<Listener<T>>, listener: Listener<T>): Disposable {
        set.add(listener);
        this.ensureRunning();
        return {
            dispose: () => {
                set.delete(listener);
                if (this.eventListeners.size + this.statusListeners.size === 0) {
                    this.stop();
                }
            },
        };
    }

    private ensureRunning(): void {
        if (this.running || this.disposed) {
            return;
        }
        const controller = new AbortController();
        this.running = controller;
        void this.loop(controller.signal);
    }

    private stop(): void {
        this.running?.abort();
        this.running = undefined;
    }

    private setStatus(next: EngineStatus): void {
        const prev = this.current;
        this.current = next;
        const changed =
            prev.state !== next.state ||
            (prev.state === 'unreachable' &&
                next.state === 'unreachable' &&
                (prev.error.cause !== next.error.cause || prev.error.message !== next.error.message));
        if (changed) {
            for (const l of [...this.statusListeners]) {
                safeCall(l, next);
            }
        }
    }

    private async loop(signal: AbortSignal): Promise<void> {
        let attempt = 0;
        while (!signal.aborted) {
            let error: EngineError;
            try {
                const response = await this.open(signal);
                attempt = 0;
                const version = await this.version(signal).catch(() => undefined);
                if (signal.aborted) {
                    response.destroy();
                    return;
                }
                this.setStatus({ state: 'connected', connection: this.transport.connection, version });
                error = await this.consume(response, signal);
            } catch (e) {
                error = e instanceof EngineError ? e : this.transport.mapError(e, { operation: 'watch engine events' });
            }
            if (signal.aborted) {
                return;
            }
            const retryInMs = backoffDelay(attempt++, this.backoff);
            this.setStatus({ state: 'unreachable', connection: this.transport.connection, error, retryInMs });
            const wait = new AbortController();
            const stop = (): void => wait.abort();
            signal.addEventListener('abort', stop, { once: true });
            this.wakeUp = stop;
            try {
                await delay(retryInMs, wait.signal);
            } catch {
                // stopped, or woken because another call just reached the engine
            } finally {
                signal.removeEventListener('abort', stop);
                this.wakeUp = undefined;
            }
        }
    }

    /**
     * Another call just reached the engine: reconnect now instead of at the end of the backoff (which grows to
     * its cap during a long outage), so the stream resumes as soon as the engine is back. Never opens a second
     * stream: it only shortens the one loop's wait.
     */
    wake(): void {
        this.wakeUp?.();
    }

    private async open(signal: AbortSignal): Promise<IncomingMessage> {
        const { response } = await this.transport.stream(
            {
                method: 'GET',
                path: '/events',
                query: { filters: { type: EVENT_TYPES } },
                operation: 'watch engine events',
            },
            { signal },
        );
        // A vanished remote host sends no FIN: TCP keep-alive turns that into an error instead of silence.
        (response.socket as Socket | null)?.setKeepAlive?.(true, 30_000);
        return response;
    }

    /** Resolves with the reason the stream ended (never rejects). */
    private consume(response: IncomingMessage, signal: AbortSignal): Promise<EngineError> {
        return new Promise((resolve) => {
            const parser = new JsonLineParser();
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
                for (const raw of parser.push(chunk)) {
                    const event = toEngineEvent(raw);
                    if (event) {
                        for (const l of [...this.eventListeners]) {
                            safeCall(l, event);
                        }
                    }
                }
            });
            let settled = false;
            const done = (e?: unknown): void => {
                if (settled) {
                    return;
                }
                settled = true;
                resolve(
                    e === undefined || signal.aborted
                        ? new EngineError(
                              'notRunning',
                              `The engine at ${this.transport.connection.host} closed the events stream.`,
                              'The engine may have stopped or restarted; Dockwise reconnects on its own.',
                          )
                        : this.transport.mapError(e, { operation: 'watch engine events' }),
                );
            };
            response.on('end', () => done());
            response.on('error', (e) => done(e));
            response.on('close', () => done());
        });
    }

    dispose(): void {
        this.disposed = true;
        this.stop();
        this.eventListeners.clear();
        this.statusListeners.clear();
    }
}

function safeCall<T>(listener: Listener<T>, value: T): void {
    try {
        listener(value);
    } catch {
        // One failing listener must not starve the others or kill the stream.
    }
}
