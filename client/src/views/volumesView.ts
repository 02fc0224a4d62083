// The Volumes view: volumes expand to the containers mounting them.
import * as vscode from 'vscode';
import { ExplorerView } from './explorerView';
import type { ContainerNode, ExplorerNode, ItemModel, VolumeNode } from './nodes';
import { volumeChildren, volumeItem, volumeRoots, volumeUserItem } from './volumeModel';

export class VolumesView extends ExplorerView<VolumeNode> {
    readonly kind = 'volumes';

    protected async loadRoots(signal: AbortSignal): Promise<VolumeNode[]> {
        const client = await this.connection.client();
        // Sizes make the engine walk every volume (/system/df): a setting, for engines with huge volumes.
        const withSizes = vscode.workspace
            .getConfiguration('dockwise')
            .get<boolean>('explorer.volumes.showSizes', true);
        const [volumes, containers] = await Promise.all([
            client.listVolumes({ signal, withSizes, timeoutMs: withSizes ? 60_000 : undefined }),
            this.connection.containers.get(),
        ]);
        return volumeRoots(volumes, containers);
    }

    protected childrenOf(node: ExplorerNode): ExplorerNode[] {
        return node.kind === 'volume' ? volumeChildren(node) : [];
    }

    protected itemFor(node: ExplorerNode): ItemModel {
        if (node.kind === 'volume') {
            return volumeItem(node);
        }
        if (node.kind === 'container' && node.parent?.kind === 'volume') {
            return volumeUserItem(node as ContainerNode & { parent: VolumeNode });
        }
        throw new Error(`unexpected ${node.kind} node in the Volumes view`);
    }

    protected describe(roots: readonly VolumeNode[]): string | undefined {
        const unused = roots.filter((r) => r.usedBy.length === 0).length;
        return unused > 0 ? `${unused} unused` : undefined;
    }
}
