// Composition of the engine choice: the catalog, the Engines view, the status bar item and the commands, and how a
// choice (or `docker context use` outside VS Code) reaches the one EngineConnection every view and command uses.
import * as vscode from 'vscode';
import type { EngineConnection } from '../engineConnection';
import { EngineError, type ResolvedConnection } from '../engine/types';
import { loadEngine } from '../engineLoader';
import { EngineCatalog, type EngineEntry } from './engineCatalog';
import { EngineChoice } from './engineChoice';
import { registerEngineCommands } from './engineCommands';
import { EnginesView } from './enginesView';
import { engineStatusBar } from './engineStatusBar';

export interface EnginesDeps {
    readonly state: vscode.Memento;
    readonly env: Record<string, string | undefined>;
    readonly log: vscode.LogOutputChannel;
    /** The `dockwise.docker.host` value that counts (trust-aware). */
    readonly hostSetting: () => string | undefined;
}

export class Engines implements vscode.Disposable {
    readonly choice: EngineChoice;
    readonly catalog: EngineCatalog;
    private readonly disposables: vscode.Disposable[] = [];
    /** The Engines view's tree data (created by attach), for the extension-host tests. */
    view: vscode.TreeDataProvider<unknown> | undefined;

    constructor(private readonly deps: EnginesDeps) {
        this.choice = new EngineChoice(deps.state);
        this.catalog = new EngineCatalog(deps);
        this.disposables.push(this.choice, this.catalog);
    }

    /** The connection chosen for this window, undefined for automatic; an EngineError when it is gone. */
    async chosenConnection(): Promise<ResolvedConnection | undefined> {
        const chosen = this.choice.chosen;
        if (!chosen) {
            return undefined;
        }
        const entry = await this.catalog.find(chosen.id);
        if (!entry) {
            throw new EngineError(
                'invalidHost',
                `The engine "${chosen.name}" chosen for this window is no longer configured.`,
                'Choose another engine from the status bar (or the Engines view), or go back to Automatic.',
            );
        }
        return entry.connection;
    }

    /** Wires the view, status bar and commands to the explorer's connection. */
    attach(connection: EngineConnection): vscode.Disposable {
        const { log } = this.deps;
        const inUse = (entry: EngineEntry): boolean => {
            const chosen = this.choice.chosen;
            if (chosen) {
                return chosen.id === entry.id;
            }
            const current = connection.current?.connection;
            return !!current && current.source !== 'setting' && sameEngine(current, entry);
        };
        const view = new EnginesView(this.catalog, inUse);
        this.view = view as vscode.TreeDataProvider<unknown>;
        const setChosenKey = (): Thenable<unknown> =>
            vscode.commands.executeCommand('setContext', 'dockwise.engines.chosen', !!this.choice.chosen);
        void setChosenKey();
        return vscode.Disposable.from(
            view,
            view.createView('dockwise.engines'),
            engineStatusBar(connection, this.choice),
            registerEngineCommands({ catalog: this.catalog, choice: this.choice, view, env: this.deps.env, log }),
            this.choice.onDidChange(() => {
                void setChosenKey();
                connection.reset();
                view.refresh();
            }),
            connection.onDidChangeState(() => view.refresh()),
            this.catalog.onDidChangeCli(() => void this.followCli(connection)),
        );
    }

    /** `docker context use` outside VS Code: an automatic window follows it (a chosen engine stays). */
    private async followCli(connection: EngineConnection): Promise<void> {
        const current = connection.current?.connection;
        if (this.choice.chosen || !current) {
            return;
        }
        const engine = await loadEngine();
        let next: ResolvedConnection;
        try {
            next = engine.resolveConnection(engine.nodeConnectionInputs(this.deps.hostSetting(), this.deps.env));
        } catch {
            connection.reset(); // now invalid: the views show why
            return;
        }
        if (next.host !== current.host || next.contextName !== current.contextName) {
            this.deps.log.info(`The Docker CLI now points at ${next.description}: reconnecting`);
            connection.reset();
        }
    }

    dispose(): void {
        for (const d of this.disposables) {
            d.dispose();
        }
    }
}

function sameEngine(current: ResolvedConnection, entry: EngineEntry): boolean {
    switch (current.source) {
        case 'context':
            return entry.origin === 'context' && entry.name === current.contextName;
        case 'env':
            return entry.origin === 'env';
        default:
            return current.host === entry.connection.host;
    }
}
