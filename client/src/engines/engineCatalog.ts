// The engines on offer and how each is doing, for the Engines view, the status bar and the quick pick.
// Discovery is local (files, settings); probes contact engines, so they run only when someone looks
// (the view visible, the quick pick open) and each is bounded by a timeout.
import * as vscode from 'vscode';
import * as os from 'node:os';
import type { EngineEntry } from '../engine/discovery';
import type { ProbeResult } from '../engine/probe';
import { loadEngine } from '../engineLoader';
import { userEnginesSetting } from './engineChoice';

export type { EngineEntry };

export interface CatalogDeps {
    readonly env: Record<string, string | undefined>;
    readonly log: vscode.LogOutputChannel;
}

export class EngineCatalog implements vscode.Disposable {
    private readonly emitter = new vscode.EventEmitter<void>();
    /** Fires when the list may have changed (settings, the Docker CLI's files). */
    readonly onDidChange = this.emitter.event;
    private readonly cliEmitter = new vscode.EventEmitter<void>();
    /** Fires when the Docker CLI's config or contexts changed outside VS Code (`docker context use`). */
    readonly onDidChangeCli = this.cliEmitter.event;
    private watcher: { dispose(): void } | undefined;
    private disposed = false;
    private readonly settingsSub: vscode.Disposable;

    constructor(private readonly deps: CatalogDeps) {
        this.settingsSub = vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('dockwise.engines')) {
                this.emitter.fire();
            }
        });
    }

    /** Every engine, discovered now. Starts watching the Docker CLI's files on first use. */
    async list(): Promise<{ engines: EngineEntry[]; problems: string[] }> {
        const engine = await loadEngine();
        if (!this.watcher && !this.disposed) {
            const dir = engine.dockerConfigDir({ env: this.deps.env, homedir: os.homedir() });
            this.watcher = engine.watchDockerConfig(dir, () => {
                this.deps.log.info('Docker CLI config or contexts changed: rereading engines');
                this.cliEmitter.fire();
                this.emitter.fire();
            });
        }
        const found = engine.discoverEngines(engine.nodeDiscoveryInputs(userEnginesSetting(), this.deps.env));
        for (const p of found.problems) {
            this.deps.log.warn(`Engines: ${p}`);
        }
        return found;
    }

    async find(id: string): Promise<EngineEntry | undefined> {
        return (await this.list()).engines.find((e) => e.id === id);
    }

    /** One bounded probe (5 s); never rejects. */
    async probe(entry: EngineEntry, signal?: AbortSignal): Promise<ProbeResult> {
        const engine = await loadEngine();
        return engine.probeConnection(entry.connection, { env: this.deps.env, signal, timeoutMs: 5000 });
    }

    dispose(): void {
        this.disposed = true;
        this.watcher?.dispose();
        this.settingsSub.dispose();
        this.emitter.dispose();
        this.cliEmitter.dispose();
    }
}
