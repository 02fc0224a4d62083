// Every Engine API request goes through here: docker-modem's dial with one deadline/abort policy and one
// error mapping. dockerode is required lazily (first request), so activation never pays for it.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { toEngineError } from './errors';
import { modemOptionsFor } from './modemOptions';
import { deadline, DEFAULT_TIMEOUT_MS } from './timeouts';
import { EngineError, type CallOptions, type ResolvedConnection } from './types';

export interface RequestSpec {
    method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'HEAD';
    /** API path without version prefix, e.g. '/containers/json'. */
    path: string;
    query?: Record<string, unknown>;
    body?: unknown;
    /** Success codes; default 200, 201, 204. */
    ok?: number[];
    /** For error messages: "stop container web". */
    operation: string;
    headers?: Record<string, string>;
}

interface ModemDialOptions {
    path: string;
    method: string;
    options: Record<string, unknown>;
    statusCodes: Record<number, boolean | string>;
    abortSignal?: AbortSignal;
    isStream?: boolean;
    hijack?: boolean;
    openStdin?: boolean;
    headers?: Record<string, string>;
}
interface Modem {
    dial(options: ModemDialOptions, callback: (err: unknown, data: unknown) => void): void;
}

/** Drops undefined values (querystring would send "key=") and keeps objects for modem's JSON encoding. */
function cleanQuery(query: Record<string, unknown> | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(query ?? {})) {
        if (v !== undefined) {
            out[k] = v;
        }
    }
    return out;
}

export class Transport {
    private modemInstance: Modem | undefined;
    private agent: { destroy(): void } | undefined;

    constructor(
        readonly connection: ResolvedConnection,
        private readonly env: Record<string, string | undefined> = process.env,
        readonly defaultTimeoutMs = DEFAULT_TIMEOUT_MS,
    ) {}

    /** The docker-modem instance of a lazily created dockerode client. */
    private modem(): Modem {
        if (!this.modemInstance) {
            const options = modemOptionsFor(this.connection, this.env);
            // docker-modem reads DOCKER_HOST, DOCKER_CERT_PATH, DOCKER_CLIENT_TIMEOUT… at construction, and they
            // override or break explicit options (a bad DOCKER_HOST throws; a client timeout kills log streams).
            // Hide them for this synchronous moment: our resolution already took them into account.
            const hidden = [
                'DOCKER_HOST',
                'DOCKER_TLS_VERIFY',
                'DOCKER_CERT_PATH',
                'DOCKER_CLIENT_TIMEOUT',
                'DOCKER_PATH_PREFIX',
            ];
            const saved = hidden.map((k) => [k, process.env[k]] as const);
            for (const k of hidden) {
                delete process.env[k];
            }
            try {
                // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose
                const Dockerode = require('dockerode') as new (o: object) => { modem: Modem };
                this.modemInstance = new Dockerode(options).modem;
                this.agent = options.agent as { destroy(): void } | undefined;
            } catch (e) {
                throw toEngineError(e, { operation: 'set up the Docker connection', connection: this.connection });
            } finally {
                for (const [k, v] of saved) {
                    if (v !== undefined) {
                        process.env[k] = v;
                    }
                }
            }
        }
        return this.modemInstance;
    }

    private dialOptions(spec: RequestSpec, signal: AbortSignal): ModemDialOptions {
        const query = cleanQuery(spec.query);
        const hasQuery = Object.keys(query).length > 0;
        const statusCodes: Record<number, boolean> = {};
        for (const c of spec.ok ?? [200, 201, 204]) {
            statusCodes[c] = true;
        }
        return {
            // modem appends `_query` only when the path has a '?'; POST bodies come from `_body` (never {_query…}).
            path: hasQuery ? `${spec.path}?` : spec.path,
            method: spec.method,
            options: { _query: query, _body: spec.body ?? {} },
            statusCodes,
            abortSignal: signal,
            headers: spec.headers,
        };
    }

    private dial<T>(options: ModemDialOptions): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            try {
                this.modem().dial(options, (err, data) => (err ? reject(err) : resolve(data as T)));
            } catch (e) {
                reject(e);
            }
        });
    }

    /** A JSON (or empty) request with the call's deadline. */
    async request<T>(spec: RequestSpec, options?: CallOptions): Promise<T> {
        const d = deadline(options, this.defaultTimeoutMs);
        try {
            const data = await this.dial<unknown>(this.dialOptions(spec, d.signal));
            if (d.reason) {
                throw new Error('aborted');
            }
            // modem hands back a Buffer for non-JSON bodies (e.g. "OK" from /_ping).
            return (Buffer.isBuffer(data) ? data.toString('utf8') : data) as T;
        } catch (e) {
            throw this.mapError(e, spec, d.reason, d.timeoutMs);
        } finally {
            d.dispose();
        }
    }

    /**
     * A streaming response (logs, events). The deadline covers getting the response headers only;
     * afterwards only the caller's signal (or `close`) ends it.
     */
    async stream(spec: RequestSpec, options?: CallOptions): Promise<{ response: IncomingMessage; close(): void }> {
        const d = deadline(options, this.defaultTimeoutMs);
        let response: IncomingMessage;
        try {
            response = await this.dial<IncomingMessage>({ ...this.dialOptions(spec, d.signal), isStream: true });
        } catch (e) {
            d.dispose();
            throw this.mapError(e, spec, d.reason, d.timeoutMs);
        }
        d.clearTimer();
        const close = (): void => {
            d.dispose();
            response.destroy();
        };
        if (d.signal.aborted) {
            close();
        } else {
            d.signal.addEventListener('abort', () => response.destroy(), { once: true });
            response.once('close', () => d.dispose());
        }
        return { response, close };
    }

    /** An upgraded (hijacked) duplex connection, e.g. exec start with stdin. */
    async hijack(spec: RequestSpec, options?: CallOptions): Promise<Duplex> {
        const d = deadline(options, this.defaultTimeoutMs);
        try {
            const socket = await this.dial<Duplex>({
                ...this.dialOptions(spec, d.signal),
                isStream: true,
                hijack: true,
                openStdin: true,
                headers: { 'Content-Type': 'application/json', ...spec.headers },
            });
            if (d.reason) {
                socket.destroy();
                throw new Error('aborted');
            }
            return socket;
        } catch (e) {
            throw this.mapError(e, spec, d.reason, d.timeoutMs);
        } finally {
            d.dispose();
        }
    }

    /** Closes pooled TLS connections. */
    dispose(): void {
        this.agent?.destroy();
    }

    mapError(
        e: unknown,
        spec: Pick<RequestSpec, 'operation'>,
        reason?: 'cancelled' | 'timeout',
        timeoutMs?: number,
    ): EngineError {
        return toEngineError(
            e,
            { operation: spec.operation, connection: this.connection },
            reason ? { reason, timeoutMs } : undefined,
        );
    }
}
