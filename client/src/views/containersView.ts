// The Containers view: every container (any state), grouped by Compose project.
import * as vscode from 'vscode';
import type { ContainerInfo } from '../engine/types';
import { composeChildren, composeItem, containerItem, containerRoots } from './containerModel';
import { ExplorerView } from './explorerView';
import type { ExplorerNode, ItemModel } from './nodes';

export class ContainersView extends ExplorerView<ExplorerNode> {
    readonly kind = 'containers';

    /** Containers of the last load (flattened), for pickers. */
    get containers(): ContainerInfo[] {
        return this.roots.flatMap((n) =>
            n.kind === 'compose' ? [...n.containers] : n.kind === 'container' ? [n.info] : [],
        );
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
