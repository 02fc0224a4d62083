// Composition of the Docker explorer: engine connection (built lazily), the four views, the refresh manager,
// log and inspect documents, and the command table. extension.ts calls registerExplorer once.
import * as vscode from 'vscode';
import { BuildSupport } from './build/buildSupport';
import { registerExplorerCommands } from './commands';
import type { ExplorerContext } from './commands/context';
import { PullOutput } from './commands/pullImage';
import { InspectDocuments } from './commands/inspect';
import type { EngineClient, EngineClientOptions } from './engine/types';
import { loadEngine } from './engineLoader';
import { LogDocuments } from './logs/logDocuments';
import { ContainersView } from './views/containersView';
import { EngineConnection } from './engineConnection';
import { Engines } from './engines';
import { ImagesView, SHOW_DANGLING_SETTING } from './views/imagesView';
import { NetworksView } from './views/networksView';
import { RefreshManager } from './views/refreshManager';
import { VolumesView } from './views/volumesView';

export interface ExplorerDeps {
    /** Where the explorer logs connection changes and failures. */
    readonly log: vscode.LogOutputChannel;
    /** Builds the engine client; default: the dockerode-backed client, loaded on first use. */
    readonly createEngineClient?: (options: EngineClientOptions) => EngineClient | Promise<EngineClient>;
    /** Environment for DOCKER_HOST, DOCKER_CERT_PATH…; default process.env. */
    readonly env?: Record<string, string | undefined>;
}

/**
 * The `dockwise.docker.host` setting. In an untrusted workspace only the user's own (global) value counts: a
 * cloned repository must not point the explorer at an engine of its choosing.
 */
export function dockerHostSetting(): string | undefined {
    const config = vscode.workspace.getConfiguration('dockwise');
    const value = vscode.workspace.isTrusted
        ? config.get<string>('docker.host')
        : config.inspect<string>('docker.host')?.globalValue;
    return value?.trim() || undefined;
}

/** The explorer's tree data providers, exposed (read-only) to the extension-host tests. */
export interface ExplorerTreeData {
    readonly containers: vscode.TreeDataProvider<unknown>;
    readonly images: vscode.TreeDataProvider<unknown>;
    readonly volumes: vscode.TreeDataProvider<unknown>;
    readonly networks: vscode.TreeDataProvider<unknown>;
    /** The Engines view. */
    readonly engines?: vscode.TreeDataProvider<unknown>;
}

export function registerExplorer(
    context: vscode.ExtensionContext,
    deps: ExplorerDeps,
): vscode.Disposable & { readonly views: ExplorerTreeData } {
    const { log } = deps;
    const create =
        deps.createEngineClient ??
        (async (options: EngineClientOptions) => (await loadEngine()).createEngineClient(options));
    const env = deps.env ?? process.env;
    // "Use in this window" wins over the setting and the environment; automatic otherwise.
    const engines = new Engines({ state: context.workspaceState, env, log, hostSetting: dockerHostSetting });
    const connection = new EngineConnection(
        async () => create({ hostSetting: dockerHostSetting(), env, connection: await engines.chosenConnection() }),
        log,
    );
    const views = {
        containers: new ContainersView(connection),
        images: new ImagesView(connection),
        volumes: new VolumesView(connection),
        networks: new NetworksView(connection),
    };
    const treeViews = [
        views.containers.createView('dockwise.containers'),
        views.images.createView('dockwise.images'),
        views.volumes.createView('dockwise.volumes'),
        views.networks.createView('dockwise.networks'),
    ];
    const refresh = new RefreshManager(
        connection,
        Object.values(views),
        {
            debounceMs: 250,
            maxWaitMs: 2000,
            pollSeconds: () =>
                vscode.workspace.getConfiguration('dockwise').get<number>('explorer.pollIntervalSeconds', 0),
        },
        log,
    );
    const inspect = new InspectDocuments(connection);
    const logs = new LogDocuments(connection, log);
    const build = new BuildSupport(context.workspaceState);
    const pulls = new PullOutput();
    const ctx: ExplorerContext = {
        connection,
        refresh,
        views,
        logs,
        inspect,
        log,
        build,
        pulls,
        state: context.workspaceState,
    };

    const setDanglingKey = (): Thenable<unknown> =>
        vscode.commands.executeCommand('setContext', 'dockwise.images.showDangling', views.images.showDangling);
    void setDanglingKey();

    const disposables: vscode.Disposable[] = [
        registerExplorerCommands(ctx),
        vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('dockwise.docker.host')) {
                log.info('dockwise.docker.host changed: reconnecting');
                connection.reset();
            }
            if (e.affectsConfiguration('dockwise.explorer.groupByComposeProject')) {
                views.containers.refresh();
            }
            if (e.affectsConfiguration(`dockwise.${SHOW_DANGLING_SETTING}`)) {
                void setDanglingKey();
                views.images.refresh();
            }
            if (e.affectsConfiguration('dockwise.explorer.volumes.showSizes')) {
                views.volumes.refresh();
            }
        }),
        // Trust changes which settings count (see dockerHostSetting).
        vscode.workspace.onDidGrantWorkspaceTrust(() => connection.reset()),
        logs,
        inspect,
        build,
        pulls,
        refresh,
        ...Object.values(views),
        ...treeViews,
        connection,
        engines.attach(connection),
        engines,
    ];
    const treeData: ExplorerTreeData = { ...views, engines: engines.view };
    return Object.assign(vscode.Disposable.from(...disposables), { views: treeData });
}
