// The Containers view: every container (any state), grouped by Compose project.
import * as vscode from 'vscode';
import type { ContainerInfo } from '../engine/types';
import { composeChildren, composeItem, containerItem, containerRoots } from './containerModel';
import { containerTooltip } from './containerTooltip';
import { ExplorerView, markdown } from './explorerView';
import type { ExplorerNode, ItemModel } from './nodes';

export class ContainersView extends ExplorerView<ExplorerNode> {
    readonly kind = 'containers';

    /** Containers of the last load (flattened), for pickers. */
    get containers(): ContainerInfo[] {
        return this.roots.flatMap((n) =>
            n.kind === 'compose' ? [...n.containers] : n.kind === 'container' ? [n.info] : [],
        );
    }

    async resolveTreeItem(
        item: vscode.TreeItem,
        node: ExplorerNode,
        token: vscode.CancellationToken,
    ): Promise<vscode.TreeItem> {
        if (node.kind !== 'container' || item.tooltip) {
            return item;
        }
        // The list lacks the log driver, health log, restart policy: inspect once, when the tooltip is wanted.
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
            const client = await this.connection.client();
            const details = await client.inspectContainer(node.info.id, { signal: controller.signal, timeoutMs: 5000 });
            item.tooltip = markdown(containerTooltip(details, { browserHost: this.connection.browserHost() }));
        } catch {
            item.tooltip = markdown(containerTooltip(node.info, { browserHost: this.connection.browserHost() }));
        } finally {
            sub.dispose();
        }
        return item;
    }

    protected async loadRoots(): Promise<ExplorerNode[]> {
        const containers = await this.connection.containers.get();
        const groupByCompose = vscode.workspace
            .getConfiguration('dockwise')
            .get<boolean>('explorer.groupByComposeProject', true);
        return containerRoots(containers, { groupByCompose });
    }

    protected childrenOf(node: ExplorerNode): ExplorerNode[] {
        return node.kind === 'compose' ? composeChildren(node) : [];
    }

    protected itemFor(node: ExplorerNode): ItemModel {
        switch (node.kind) {
            case 'compose':
                return composeItem(node);
            case 'container':
                return containerItem(node);
            default:
                throw new Error(`unexpected ${node.kind} node in the Containers view`);
        }
    }

    protected describe(): string | undefined {
        const all = this.containers;
        if (all.length === 0) {
            return undefined;
        }
        const running = all.filter((c) => c.state === 'running').length;
        return `${running} of ${all.length} running`;
    }
}
