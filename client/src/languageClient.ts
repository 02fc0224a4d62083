import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
    CloseAction,
    type CloseHandlerResult,
    type DocumentSelector,
    ErrorAction,
    type ErrorHandler,
    type ErrorHandlerResult,
    LanguageClient,
    type LanguageClientOptions,
    RevealOutputChannelOn,
    type ServerOptions,
    State,
    TransportKind,
} from 'vscode-languageclient/node';
import { userHadolintConfigs } from '../../server/src/shared/configFiles';
import { ExitCalledNotification } from '../../server/src/shared/protocol';
import { withUserShellCheckPath } from '../../server/src/shared/settings';
import { RestartBudget } from './restartBudget';
import { TraceChannel } from './traceChannel';

/** Dockerfiles on disk, unsaved, and in virtual workspaces; not old revisions in diff views (git:). */
export const DOCUMENT_SELECTOR: DocumentSelector = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'].map(
    (scheme) => ({
        language: 'dockerfile',
        scheme,
    }),
);

/** dist/server.js over Node IPC; the debug variant can be attached to on port 6009. */
export function serverOptions(serverModule: string): ServerOptions {
    return {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { execArgv: ['--nolazy', '--inspect=6009'] },
        },
    };
}

/**
 * Owns the language client and everything that lives as long as one client (the client scope,
 * disposed on every restart; the rust-analyzer idiom). Commands and providers that must outlive
 * restarts belong to the extension scope in extension.ts.
 */
export class LanguageClientController implements vscode.Disposable {
    private client: LanguageClient | undefined;
    private starting: Promise<LanguageClient> | undefined;
    private clientScope: vscode.Disposable[] = [];
    private readonly budget = new RestartBudget();
    private readonly trace = new TraceChannel();

    constructor(
        private readonly serverModule: string,
        private readonly log: vscode.LogOutputChannel,
    ) {}

    /** A running client: the current one, or a new one if it stopped (after too many crashes). */
    ready(): Promise<LanguageClient> {
        if (this.starting) {
            return this.starting;
        }
        if (this.client?.state === State.Running) {
            return Promise.resolve(this.client);
        }
        return this.start();
    }

    start(): Promise<LanguageClient> {
        const starting = this.startClient().finally(() => {
            if (this.starting === starting) {
                this.starting = undefined;
            }
        });
        this.starting = starting;
        return starting;
    }

    /** A fresh server, with a fresh crash budget (the user asked for it). */
    async restart(): Promise<void> {
        this.budget.reset();
        await this.start();
    }

    async stop(): Promise<void> {
        for (const d of this.clientScope.splice(0)) {
            d.dispose();
        }
        const client = this.client;
        this.client = undefined;
        if (client && client.state !== State.Stopped) {
            try {
                await client.stop(2000);
            } catch (e) {
                this.log.warn(`Stopping the language server: ${e instanceof Error ? e.message : String(e)}`);
            }
        }
    }

    dispose(): void {
        void this.stop();
        this.trace.dispose();
    }

    private async startClient(): Promise<LanguageClient> {
        await this.stop();
        const client = new LanguageClient(
            'dockwise',
            'Dockwise',
            serverOptions(this.serverModule),
            this.clientOptions(),
        );
        this.client = client;
        this.clientScope.push(
            client.onNotification(ExitCalledNotification.type, (p) => {
                this.log.error(
                    `The language server is exiting (${p.reason}, code ${p.code}): ${p.message}\n${p.stack}`,
                );
            }),
        );
        await client.start();
        this.log.info('Dockwise language server started.');
        return client;
    }

    private clientOptions(): LanguageClientOptions {
        return {
            documentSelector: DOCUMENT_SELECTOR,
            diagnosticCollectionName: 'dockwise',
            outputChannel: this.log,
            traceOutputChannel: this.trace,
            revealOutputChannelOn: RevealOutputChannelOn.Never,
            errorHandler: this.errorHandler(),
            initializationFailedHandler: (error) => {
                this.log.error(`The language server failed to initialize: ${String(error)}`);
                return false;
            },
            markdown: { isTrusted: false, supportHtml: false },
            synchronize: { fileEvents: this.configWatchers() },
            middleware: {
                workspace: {
                    // `dockwise.shellcheck.path` names a program the server runs: only the user's own value counts.
                    configuration: async (params, token, next) => {
                        const values = await next(params, token);
                        const user = vscode.workspace.getConfiguration('dockwise').inspect<string>('shellcheck.path');
                        return Array.isArray(values)
                            ? withUserShellCheckPath(params.items, values, user?.globalValue)
                            : values;
                    },
                },
            },
        };
    }

    /**
     * The files that change findings without being open: hadolint configs and .dockerignore files
     * in the workspace, and the user-level hadolint configs (one non-recursive watcher each).
     */
    private configWatchers(): vscode.FileSystemWatcher[] {
        const env = process.env;
        const user = userHadolintConfigs({
            home: homedir(),
            xdgConfigHome: env.XDG_CONFIG_HOME,
            localAppData: env.LOCALAPPDATA,
        });
        const watchers = [
            vscode.workspace.createFileSystemWatcher('**/{.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}'),
            ...user.map((file) =>
                vscode.workspace.createFileSystemWatcher(
                    new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)),
                ),
            ),
        ];
        this.clientScope.push(...watchers);
        return watchers;
    }

    private errorHandler(): ErrorHandler {
        return {
            error: (_error, _message, count): ErrorHandlerResult => ({
                // A few broken messages are survivable; a stream of them means the connection is gone.
                action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
            }),
            closed: (): CloseHandlerResult => {
                if (this.budget.tryRestart()) {
                    this.log.warn(
                        `The language server stopped unexpectedly; restarting it (${this.budget.used} of ${this.budget.max} restarts allowed in 3 minutes).`,
                    );
                    return { action: CloseAction.Restart, handled: true };
                }
                void this.reportGaveUp();
                return { action: CloseAction.DoNotRestart, handled: true };
            },
        };
    }

    private async reportGaveUp(): Promise<void> {
        const max = this.budget.max;
        this.log.error(`The language server crashed ${max + 1} times in 3 minutes; it is not restarted again.`);
        const choice = await vscode.window.showErrorMessage(
            `The Dockwise language server crashed ${max + 1} times in 3 minutes and was not restarted: Dockerfile linting and editing features are off. The output has the details.`,
            'Show Output',
            'Restart',
        );
        if (choice === 'Show Output') {
            this.log.show();
        } else if (choice === 'Restart') {
            await this.restart();
        }
    }
}
