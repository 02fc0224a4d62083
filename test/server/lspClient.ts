// A test client for the bundled language server: forks dist/server.js with --node-ipc and speaks
// LSP with vscode-languageserver-protocol, as an editor would. Every wait has a deadline and
// resolves on the awaited message itself, never on a fixed sleep.
import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import {
    type ClientCapabilities,
    createProtocolConnection,
    type InitializeResult,
    IPCMessageReader,
    IPCMessageWriter,
    type ProtocolConnection,
    type PublishDiagnosticsParams,
    type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER_JS = path.resolve(__dirname, '../../../dist/server.js');

/** What VS Code announces, reduced to what the server looks at. */
export const FULL_CAPABILITIES: ClientCapabilities = {
    workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        applyEdit: true,
    },
    textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: {
            completionItem: {
                snippetSupport: true,
                documentationFormat: ['markdown', 'plaintext'],
                deprecatedSupport: true,
            },
        },
        codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
        },
        formatting: {},
        rangeFormatting: {},
        onTypeFormatting: {},
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
        semanticTokens: {
            requests: { full: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ['relative'],
        },
        signatureHelp: {},
        documentLink: {},
        rename: { prepareSupport: true },
        definition: {},
        documentHighlight: {},
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    },
};

export interface StartOptions {
    capabilities?: ClientCapabilities;
    /** The `dockwise` section answered to workspace/configuration (per scopeUri when a function). */
    settings?: unknown;
    initializationOptions?: unknown;
    /** Environment of the server process (HOME, XDG_CONFIG_HOME for user-level config files). */
    env?: NodeJS.ProcessEnv;
    /** `rootUri` and one workspace folder. */
    rootUri?: string;
}

type Waiter = {
    uri: string;
    accept: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
};

export class TestServer {
    readonly published: PublishDiagnosticsParams[] = [];
    readonly logs: { type: number; message: string }[] = [];
    readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
    readonly registrations: { method: string; registerOptions?: unknown }[] = [];
    readonly connection: ProtocolConnection;
    initializeResult: InitializeResult | undefined;
    /** Answered to workspace/configuration; a function gets the item's scopeUri. */
    settings: unknown;
    stderr = '';
    private waiters: Waiter[] = [];
    private versions = new Map<string, number>();

    private constructor(
        readonly child: ChildProcess,
        options: StartOptions,
    ) {
        this.settings = options.settings ?? {};
        child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
        const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) =>
            this.onPublish(p),
        );
        connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
            this.logs.push(p);
        });
        connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
            this.configurationRequests.push(...p.items);
            const settings = this.settings;
            return p.items.map((item) =>
                typeof settings === 'function' ? (settings as (uri?: string) => unknown)(item.scopeUri) : settings,
            );
        });
        connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
            this.registrations.push(...p.registrations);
            return null;
        });
        connection.listen();
        this.connection = connection;
    }

    static async start(options: StartOptions = {}): Promise<TestServer> {
        const child = fork(SERVER_JS, ['--node-ipc'], {
            stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
            ...(options.env ? { env: options.env } : {}),
        });
        const server = new TestServer(child, options);
        server.initializeResult = await server.request<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri: options.rootUri ?? null,
            ...(options.rootUri ? { workspaceFolders: [{ uri: options.rootUri, name: 'root' }] } : {}),
            capabilities: options.capabilities ?? FULL_CAPABILITIES,
            initializationOptions: options.initializationOptions,
        });
        await server.notify('initialized', {});
        return server;
    }

    private onPublish(p: PublishDiagnosticsParams): void {
        this.published.push(p);
        for (const w of [...this.waiters]) {
            if (w.uri === p.uri && w.accept(p)) {
                this.waiters.splice(this.waiters.indexOf(w), 1);
                w.resolve(p);
            }
        }
    }

    /** The next publish for `uri` that `accept` takes (only publishes after this call count). */
    nextDiagnostics(
        uri: string,
        accept: (p: PublishDiagnosticsParams) => boolean = () => true,
        timeoutMs = 30_000,
    ): Promise<PublishDiagnosticsParams> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiters = this.waiters.filter((w) => w !== waiter);
                reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms matched`));
            }, timeoutMs);
            const waiter: Waiter = {
                uri,
                accept,
                resolve: (p) => {
                    clearTimeout(timer);
                    resolve(p);
                },
            };
            this.waiters.push(waiter);
        });
    }

    /** Opens a document and waits for its first diagnostics. */
    async open(uri: string, text: string, languageId = 'dockerfile'): Promise<PublishDiagnosticsParams> {
        const published = this.nextDiagnostics(uri);
        await this.didOpen(uri, text, languageId);
        return published;
    }

    /** Opens a document without waiting for anything. */
    async didOpen(uri: string, text: string, languageId = 'dockerfile'): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId, version: 1, text },
        });
    }

    /** Sends one change (full text, or ranged edits) and returns the new version. */
    async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: changes,
        });
        return version;
    }

    /** Changes the document and waits for the diagnostics of that version. */
    async changeAndWait(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        const published = this.nextDiagnostics(uri, (p) => p.version === version);
        await this.change(uri, changes);
        return published;
    }

    async close(uri: string): Promise<void> {
        await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }

    version(uri: string): number {
        return this.versions.get(uri) ?? 0;
    }

    request<R = unknown>(method: string, params?: unknown): Promise<R> {
        return this.connection.sendRequest(method, params) as Promise<R>;
    }

    async notify(method: string, params?: unknown): Promise<void> {
        await this.connection.sendNotification(method, params);
    }

    get alive(): boolean {
        return this.child.exitCode === null && this.child.signalCode === null;
    }

    /** shutdown + exit, as an editor closes a server; kills it if it does not leave. */
    async stop(): Promise<void> {
        if (!this.alive) {
            this.connection.dispose();
            return;
        }
        const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
        try {
            await this.request('shutdown');
            await this.notify('exit');
        } catch {
            // Already gone.
        }
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
        this.connection.dispose();
    }
}

/** Positions of the first occurrence of `needle` in `text` (start and end). */
export function find(text: string, needle: string, from = 0): { start: Pos; end: Pos } {
    const offset = text.indexOf(needle, from);
    if (offset < 0) {
        throw new Error(`${needle} not in text`);
    }
    return { start: pos(text, offset), end: pos(text, offset + needle.length) };
}

interface Pos {
    line: number;
    character: number;
}

function pos(text: string, offset: number): Pos {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
}
