// The shared part of the four views: item adapter, root loading with error handling, visibility plumbing.
// Each view supplies how to load its roots, its children and its item models.
import * as vscode from 'vscode';
import type { EngineConnection } from '../engineConnection';
import { errorText } from '../errorText';
import type { ExplorerNode, ItemModel } from './nodes';
import type { RefreshableView } from './refreshManager';
import type { ViewKind } from './refreshPolicy';

/** A vscode.TreeItem from a pure item model. */
export function toTreeItem(model: ItemModel): vscode.TreeItem {
    const item = new vscode.TreeItem(
        model.label,
        model.collapsible === 'none'
            ? vscode.TreeItemCollapsibleState.None
            : model.collapsible === 'expanded'
              ? vscode.TreeItemCollapsibleState.Expanded
              : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = model.id;
    item.description = model.description;
    item.iconPath = new vscode.ThemeIcon(
        model.iconId,
        model.colorId ? new vscode.ThemeColor(model.colorId) : undefined,
    );
    item.contextValue = model.contextValue;
    if (model.tooltip !== undefined) {
        item.tooltip = markdown(model.tooltip);
    }
    if (model.ariaLabel) {
        item.accessibilityInformation = { label: model.ariaLabel };
    }
    return item;
}

/** Untrusted Markdown: engine-controlled text must not run commands or HTML. */
export function markdown(text: string): vscode.MarkdownString {
    const md = new vscode.MarkdownString(text);
    md.isTrusted = false;
    md.supportHtml = false;
    return md;
}

export abstract class ExplorerView<TRoot extends ExplorerNode>
    implements vscode.TreeDataProvider<ExplorerNode>, RefreshableView, vscode.Disposable
{
    abstract readonly kind: ViewKind;
    protected readonly onDidChangeTreeDataEmitter = new vscode.EventEmitter<ExplorerNode | undefined | void>();
    readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
    private readonly onDidChangeVisibilityEmitter = new vscode.EventEmitter<boolean>();
    readonly onDidChangeVisibility = this.onDidChangeVisibilityEmitter.event;
    protected treeView: vscode.TreeView<ExplorerNode> | undefined;
    /** The roots last shown, for lookups (reveal, quick picks). */
    protected roots: TRoot[] = [];
    private readonly loading = new Set<AbortController>();
    private readonly disposables: vscode.Disposable[] = [];

    constructor(protected readonly connection: EngineConnection) {}

    /** Creates the vscode TreeView; call once. */
    createView(viewId: string): vscode.TreeView<ExplorerNode> {
        const view = vscode.window.createTreeView(viewId, {
            treeDataProvider: this,
            showCollapseAll: this.kind !== 'images',
            canSelectMany: true,
        });
        this.treeView = view;
        this.disposables.push(
            view,
            view.onDidChangeVisibility((e) => this.onDidChangeVisibilityEmitter.fire(e.visible)),
        );
        return view;
    }

    get visible(): boolean {
        return this.treeView?.visible ?? false;
    }

    refresh(): void {
        this.onDidChangeTreeDataEmitter.fire();
    }

    getTreeItem(node: ExplorerNode): vscode.TreeItem {
        return toTreeItem(this.itemFor(node));
    }

    async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
        if (node) {
            return this.childrenOf(node);
        }
        if (this.connection.state.state === 'unreachable') {
            // Empty, so the cause-specific welcome message shows (a `message` would hide it).
            this.setMessage(undefined);
            this.roots = [];
            this.setDescription(undefined);
            return [];
        }
        // Loads are not cancelled by newer ones: a reveal() and VS Code may both ask, and each must get an answer.
        const controller = new AbortController();
        this.loading.add(controller);
        try {
            const roots = await this.loadRoots(controller.signal);
            this.connection.markConnected();
            this.roots = roots;
            this.setMessage(undefined);
            this.setDescription(this.describe(roots));
            return roots;
        } catch (e) {
            if (controller.signal.aborted) {
                return this.roots; // disposed
            }
            if (this.connection.reportError(e)) {
                this.roots = [];
                return [];
            }
            this.setMessage(`Could not list ${this.kind}: ${errorText(e)}`);
            return this.roots;
        } finally {
            this.loading.delete(controller);
        }
    }

    getParent(node: ExplorerNode): ExplorerNode | undefined {
        return node.kind === 'container' ? node.parent : undefined;
    }

    /** Reveals the node with this id among the roots or their children, if shown. */
    async reveal(id: string): Promise<boolean> {
        if (!this.treeView) {
            return false;
        }
        const roots = await this.getChildren(); // fresh: the node may be newer than the last drawing
        for (const root of roots) {
            const candidates: ExplorerNode[] = [root, ...this.childrenOf(root)];
            const found = candidates.find((n) => this.itemFor(n).id === id);
            if (found) {
                await this.treeView.reveal(found, { select: true, focus: false, expand: false });
                return true;
            }
        }
        return false;
    }

    dispose(): void {
        for (const c of this.loading) {
            c.abort();
        }
        for (const d of this.disposables) {
            d.dispose();
        }
        this.onDidChangeTreeDataEmitter.dispose();
        this.onDidChangeVisibilityEmitter.dispose();
    }

    protected abstract loadRoots(signal: AbortSignal): Promise<TRoot[]>;
    protected abstract childrenOf(node: ExplorerNode): ExplorerNode[];
    protected abstract itemFor(node: ExplorerNode): ItemModel;
    /** Text beside the view title, e.g. "3 of 5 running". */
    protected abstract describe(roots: readonly TRoot[]): string | undefined;

    private setMessage(message: string | undefined): void {
        if (this.treeView && this.treeView.message !== message) {
            this.treeView.message = message;
        }
    }

    private setDescription(description: string | undefined): void {
        if (this.treeView && this.treeView.description !== description) {
            this.treeView.description = description;
        }
    }
}
