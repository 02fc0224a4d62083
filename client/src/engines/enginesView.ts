// The Engines view: every engine on offer, whether it answers, its kind, version and running count, which one
// this window uses. Probes run only while the view is visible (a hidden view contacts no engine).
import * as vscode from 'vscode';
import { markdown } from '../views/explorerView';
import type { EngineCatalog, EngineEntry } from './engineCatalog';
import { engineRow, type ProbeState } from './engineModel';

/** A probe younger than this is shown as is; older ones are redone when the view is drawn. */
const FRESH_MS = 10_000;

export class EnginesView implements vscode.TreeDataProvider<EngineEntry>, vscode.Disposable {
    private readonly emitter = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.emitter.event;
    private readonly probes = new Map<string, { at: number; probe: ProbeState }>();
    private readonly inflight = new Set<string>();
    private problems: string[] = [];
    private treeView: vscode.TreeView<EngineEntry> | undefined;
    private readonly controller = new AbortController();
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly catalog: EngineCatalog,
        /** Whether this window uses the engine. */
        private readonly inUse: (entry: EngineEntry) => boolean,
    ) {
        this.disposables.push(catalog.onDidChange(() => this.refresh()));
    }

    createView(viewId: string): vscode.TreeView<EngineEntry> {
        this.treeView = vscode.window.createTreeView(viewId, { treeDataProvider: this });
        this.disposables.push(
            this.treeView,
            this.treeView.onDidChangeVisibility((e) => e.visible && this.refresh()),
        );
        return this.treeView;
    }

    get visible(): boolean {
        return this.treeView?.visible ?? false;
    }

    /** Redraws; `reprobe` forgets what the engines said (the Refresh button). */
    refresh(reprobe = false): void {
        if (reprobe) {
            this.probes.clear();
        }
        this.emitter.fire();
    }

    /** The last probe of an engine (the quick pick shows it while probing again). */
    lastProbe(id: string): ProbeState {
        return this.probes.get(id)?.probe;
    }

    getTreeItem(entry: EngineEntry): vscode.TreeItem {
        const row = engineRow(entry, this.probes.get(entry.id)?.probe, this.inUse(entry));
        const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
        item.id = row.id;
        item.description = row.description;
        item.tooltip = markdown(row.tooltip);
        item.iconPath = new vscode.ThemeIcon(row.iconId, row.colorId ? new vscode.ThemeColor(row.colorId) : undefined);
        item.contextValue = row.contextValue;
        return item;
    }

    async getChildren(entry?: EngineEntry): Promise<EngineEntry[]> {
        if (entry) {
            return [];
        }
        const { engines, problems } = await this.catalog.list();
        this.problems = problems;
        if (this.treeView) {
            this.treeView.message =
                problems.length > 0 ? `Some engines could not be read: ${problems.join('; ')}` : undefined;
        }
        if (this.visible) {
            this.probeStale(engines);
        }
        return engines;
    }

    /** What discovery could not use, for the quick pick. */
    get lastProblems(): readonly string[] {
        return this.problems;
    }

    private probeStale(engines: readonly EngineEntry[]): void {
        const stale = engines.filter((e) => {
            const p = this.probes.get(e.id);
            return !this.inflight.has(e.id) && (!p || (p.probe?.state !== 'checking' && Date.now() - p.at > FRESH_MS));
        });
        if (stale.length === 0) {
            return;
        }
        for (const e of stale) {
            this.inflight.add(e.id);
            if (!this.probes.has(e.id)) {
                this.probes.set(e.id, { at: Date.now(), probe: { state: 'checking' } });
            }
        }
        void Promise.all(
            stale.map(async (e) => {
                const probe = await this.catalog.probe(e, this.controller.signal);
                this.probes.set(e.id, { at: Date.now(), probe });
                this.inflight.delete(e.id);
            }),
        ).then(() => {
            if (!this.controller.signal.aborted) {
                this.emitter.fire();
            }
        });
    }

    dispose(): void {
        this.controller.abort();
        for (const d of this.disposables) {
            d.dispose();
        }
        this.emitter.dispose();
    }
}
