// The Networks view: networks expand to their attached containers.
import { ExplorerView } from './explorerView';
import { networkChildren, networkItem, networkMemberItem, networkRoots } from './networkModel';
import type { ContainerNode, ExplorerNode, ItemModel, NetworkNode } from './nodes';

export class NetworksView extends ExplorerView<NetworkNode> {
    readonly kind = 'networks';

    protected async loadRoots(signal: AbortSignal): Promise<NetworkNode[]> {
        const client = await this.connection.client();
        const [networks, containers] = await Promise.all([
            client.listNetworks({ signal }),
            this.connection.containers.get(),
        ]);
        return networkRoots(networks, containers);
    }

    protected childrenOf(node: ExplorerNode): ExplorerNode[] {
        return node.kind === 'network' ? networkChildren(node) : [];
    }

    protected itemFor(node: ExplorerNode): ItemModel {
        if (node.kind === 'network') {
            return networkItem(node);
        }
        if (node.kind === 'container' && node.parent?.kind === 'network') {
            return networkMemberItem(node as ContainerNode & { parent: NetworkNode });
        }
        throw new Error(`unexpected ${node.kind} node in the Networks view`);
    }

    protected describe(): string | undefined {
        return undefined;
    }
}
