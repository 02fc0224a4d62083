// The Images view: one node per tag; dangling images behind a toggle.
import * as vscode from 'vscode';
import type { ImageInfo } from '../engine/types';
import { ExplorerView } from './explorerView';
import { hiddenDanglingCount, imageItem, imageRoots } from './imageModel';
import type { ExplorerNode, ImageNode, ItemModel } from './nodes';

export const SHOW_DANGLING_SETTING = 'explorer.images.showDangling';

export class ImagesView extends ExplorerView<ImageNode> {
    readonly kind = 'images';
    private images: ImageInfo[] = [];

    get showDangling(): boolean {
        return vscode.workspace.getConfiguration('dockwise').get<boolean>(SHOW_DANGLING_SETTING, false);
    }

    protected async loadRoots(signal: AbortSignal): Promise<ImageNode[]> {
        const client = await this.connection.client();
        const [images, containers] = await Promise.all([
            client.listImages({ signal }),
            this.connection.containers.get(),
        ]);
        this.images = images;
        return imageRoots(images, containers, { showDangling: this.showDangling });
    }

    protected childrenOf(): ExplorerNode[] {
        return [];
    }

    protected itemFor(node: ExplorerNode): ItemModel {
        if (node.kind !== 'image') {
            throw new Error(`unexpected ${node.kind} node in the Images view`);
        }
        return imageItem(node, Date.now());
    }

    protected describe(): string | undefined {
        const hidden = this.showDangling ? 0 : hiddenDanglingCount(this.images);
        return hidden > 0 ? `${hidden} dangling hidden` : undefined;
    }
}
