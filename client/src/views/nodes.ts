// Tree elements (plain data, a discriminated union) and the pure item model every view maps them to.
// `toTreeItem` (explorerView.ts) makes the vscode.TreeItem; everything before that is testable in plain Node.
import type { ContainerInfo, ImageInfo, NetworkInfo, VolumeInfo } from '../engine/types';

export interface ContainerNode {
    readonly kind: 'container';
    readonly info: ContainerInfo;
    /** The compose group, volume or network this container is shown under (for getParent/reveal). */
    readonly parent?: ComposeNode | VolumeNode | NetworkNode;
}

export interface ComposeNode {
    readonly kind: 'compose';
    readonly project: string;
    readonly containers: readonly ContainerInfo[];
}

export interface ImageNode {
    readonly kind: 'image';
    readonly info: ImageInfo;
    /** The reference this node stands for (one node per tag, as `docker image ls`); undefined when dangling. */
    readonly tag?: string;
    /** Containers (any state) created from this image. */
    readonly usedBy: readonly ContainerInfo[];
}

export interface VolumeNode {
    readonly kind: 'volume';
    readonly info: VolumeInfo;
    /** Containers (any state) mounting the volume. */
    readonly usedBy: readonly ContainerInfo[];
}

export interface NetworkNode {
    readonly kind: 'network';
    readonly info: NetworkInfo;
    /** Containers attached to the network (running ones, plus stopped ones configured for it). */
    readonly members: readonly ContainerInfo[];
}

export type ExplorerNode = ContainerNode | ComposeNode | ImageNode | VolumeNode | NetworkNode;

export type Collapsible = 'none' | 'collapsed' | 'expanded';

/** Everything a tree item shows, as plain data. */
export interface ItemModel {
    /** Stable across refreshes, so selection and expansion survive them. */
    readonly id: string;
    readonly label: string;
    readonly description?: string;
    /** A codicon id, e.g. `vm-running`. */
    readonly iconId: string;
    /** A theme colour id for the icon, e.g. `charts.green`. */
    readonly colorId?: string;
    /** `kind.state[.flag…]`, matched by the menus' `viewItem =~ /…/` clauses. */
    readonly contextValue: string;
    readonly collapsible: Collapsible;
    /** Markdown; omitted when the view computes it lazily (resolveTreeItem). */
    readonly tooltip?: string;
    /** Accessible label for screen readers. */
    readonly ariaLabel?: string;
}

/**
 * Stable ids (unique per view). A container keeps `container:<id>` under a compose group, so grouping does not
 * change it; under a volume or network, where one container appears several times, the parent's id prefixes it.
 */
export function nodeId(node: ExplorerNode): string {
    switch (node.kind) {
        case 'container':
            return node.parent && node.parent.kind !== 'compose'
                ? `${nodeId(node.parent)}/container:${node.info.id}`
                : `container:${node.info.id}`;
        case 'compose':
            return `compose:${node.project}`;
        case 'image':
            return node.tag ? `image:${node.info.id}:${node.tag}` : `image:${node.info.id}`;
        case 'volume':
            return `volume:${node.info.name}`;
        case 'network':
            return `network:${node.info.id}`;
    }
}
