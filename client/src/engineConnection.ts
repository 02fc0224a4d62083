// Owns the (lazily built) engine client and the explorer's view of its health: the context keys the
// `viewsWelcome` entries react to, and the shared container list every view needs.
import * as vscode from 'vscode';
import {
    type ContainerInfo,
    type EngineClient,
    EngineError,
    type EngineErrorCause,
    type EngineStatus,
    type ResolvedConnection,
    isEngineError,
} from './engine/types';
import { errorText } from './errorText';
import { SharedQuery } from './sharedQuery';

export type ClientFactory = () => Promise<EngineClient>;

export type ConnectionState =
    | { readonly state: 'idle' }
    | { readonly state: 'connecting'; readonly connection?: ResolvedConnection }
    | { readonly state: 'connected'; readonly connection: ResolvedConnection }
    | { readonly state: 'unreachable'; readonly error: EngineError; readonly connection?: ResolvedConnection };

/** Causes meaning "the engine as a whole cannot be used", as opposed to one call failing. */
const CONNECTIVITY_CAUSES = new Set<EngineErrorCause>([
    'notRunning',
    'permissionDenied',
    'tlsFailure',
    'apiTooOld',
    'timeout',
    'invalidHost',
]);

/** Causes with their own welcome text in package.json; anything else shows the generic one. */
const WELCOME_CAUSES = new Set<string>([...CONNECTIVITY_CAUSES]);

export function isConnectivityError(e: unknown): e is EngineError {
    return isEngineError(e) && CONNECTIVITY_CAUSES.has(e.cause);
}

export class EngineConnection implements vscode.Disposable {
    private clientPromise: Promise<EngineClient> | undefined;
    private clientValue: EngineClient | undefined;
    private stateValue: ConnectionState = { state: 'idle' };
    private readonly onDidChangeStateEmitter = new vscode.EventEmitter<ConnectionState>();
    private readonly onDidResetEmitter = new vscode.EventEmitter<void>();
    /** Fires when the state changes (connected ⇄ unreachable …). */
    readonly onDidChangeState = this.onDidChangeStateEmitter.event;
    /** Fires when the client was replaced (settings changed): subscriptions must be renewed. */
    readonly onDidReset = this.onDidResetEmitter.event;
    /** The container list, shared by all views within one refresh wave. */
    readonly containers = new SharedQuery<ContainerInfo[]>(
        async () => (await this.client()).listContainers({ all: true }),
        300,
    );

    constructor(
        private readonly factory: ClientFactory,
        private readonly log?: vscode.LogOutputChannel,
    ) {
        void this.setContextKeys();
    }

    get state(): ConnectionState {
        return this.stateValue;
    }

    /** The client, created on first use (dockerode loads only then). */
    client(): Promise<EngineClient> {
        if (!this.clientPromise) {
            const p = this.factory().then(
                (c) => {
                    this.clientValue = c;
                    return c;
                },
                (e: unknown) => {
                    // A bad host setting fails here: report it like any unreachable engine, and retry next time.
                    this.clientPromise = undefined;
                    const error = isEngineError(e)
                        ? e
                        : new EngineError('invalidHost', `Cannot use the Docker host: ${errorText(e)}`);
                    this.setUnreachable(error);
                    throw error;
                },
            );
            this.clientPromise = p;
        }
        return this.clientPromise;
    }

    /** The client if one was already built (never builds one). */
    get current(): EngineClient | undefined {
        return this.clientValue;
    }

    /** Host name for links to published ports: the engine's host when it is remote, else localhost. */
    browserHost(): string {
        const c = this.clientValue?.connection;
        if (c && (c.scheme === 'tcp' || c.scheme === 'ssh') && c.hostname) {
            return c.hostname.includes(':') ? `[${c.hostname}]` : c.hostname;
        }
        return 'localhost';
    }

    /** Drops the client (settings changed); the next use builds a new one. */
    reset(): void {
        const old = this.clientValue;
        this.clientPromise = undefined;
        this.clientValue = undefined;
        this.containers.invalidate();
        old?.dispose();
        this.setState({ state: 'idle' });
        this.onDidResetEmitter.fire();
    }

    /** Applies a status from the engine's events stream or a status check. */
    applyStatus(status: EngineStatus): void {
        switch (status.state) {
            case 'connecting':
                // Keep showing "unreachable" while the layer retries; only a first connection shows "connecting".
                if (this.stateValue.state === 'idle') {
                    this.setState({ state: 'connecting', connection: status.connection });
                }
                break;
            case 'connected':
                this.setState({ state: 'connected', connection: status.connection });
                break;
            case 'unreachable':
                this.setState({ state: 'unreachable', error: status.error, connection: status.connection });
                break;
        }
    }

    /** A call succeeded: the engine is reachable. */
    markConnected(): void {
        const connection = this.clientValue?.connection;
        if (this.stateValue.state !== 'connected' && connection) {
            this.setState({ state: 'connected', connection });
        }
    }

    /**
     * Records a failed call. Returns true when it means the engine is unreachable (the views then show the
     * welcome message instead of an error), false for a failure of that one call.
     */
    reportError(e: unknown): boolean {
        if (isEngineError(e) && e.cause === 'timeout' && this.stateValue.state === 'connected') {
            // One slow call (a huge volume walk) is not a dead engine: let a quick ping decide.
            void this.check();
            return false;
        }
        if (isConnectivityError(e)) {
            this.setUnreachable(e);
            return true;
        }
        return false;
    }

    /** Asks the engine now (Retry button); never rejects. */
    async check(): Promise<ConnectionState> {
        try {
            const client = await this.client();
            this.applyStatus(await client.checkStatus({ timeoutMs: 5000 }));
        } catch {
            // client() already recorded the failure
        }
        return this.stateValue;
    }

    dispose(): void {
        this.clientValue?.dispose();
        this.clientValue = undefined;
        this.clientPromise = undefined;
        this.onDidChangeStateEmitter.dispose();
        this.onDidResetEmitter.dispose();
    }

    private setUnreachable(error: EngineError): void {
        this.setState({ state: 'unreachable', error, connection: this.clientValue?.connection });
    }

    private setState(state: ConnectionState): void {
        const before = this.stateValue;
        this.stateValue = state;
        const causeChanged =
            before.state === 'unreachable' && state.state === 'unreachable' && before.error.cause !== state.error.cause;
        if (before.state !== state.state || causeChanged) {
            if (state.state === 'unreachable') {
                this.log?.warn(`Docker engine unreachable (${state.error.cause}): ${state.error.message}`);
            } else if (state.state === 'connected') {
                this.log?.info(`Docker engine connected: ${state.connection.description}`);
            }
            void this.setContextKeys();
            this.onDidChangeStateEmitter.fire(state);
        }
    }

    private async setContextKeys(): Promise<void> {
        const s = this.stateValue;
        const cause = s.state === 'unreachable' ? (WELCOME_CAUSES.has(s.error.cause) ? s.error.cause : 'other') : '';
        await vscode.commands.executeCommand('setContext', 'dockwise.engine.cause', cause);
        await vscode.commands.executeCommand('setContext', 'dockwise.engine.state', s.state);
    }
}
