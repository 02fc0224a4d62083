// Image commands: inspect, remove (with in-use protection), copy tag, prune, dangling toggle (pull: pullImage.ts).
import * as vscode from 'vscode';
import { type ContainerInfo, type ImageInfo, isEngineError } from '../engine/types';
import { formatBytes, shortId } from '../views/format';
import { containersOfImage, imageRoots } from '../views/imageModel';
import { SHOW_DANGLING_SETTING } from '../views/imagesView';
import type { ImageNode } from '../views/nodes';
import { type Action, bulk, client, confirm, listNames, showError } from './context';
import { removeEach } from './removal';
import { type ResourceShape, resourceTargets } from './targets';

const VIEW = 'dockwise.images';

/** The image a node or argument stands for: its tag when it has one, else its id. */
export function imageRef(node: ImageNode): string {
    return node.tag ?? node.info.id;
}

function imageName(node: ImageNode): string {
    return node.tag ?? `<none> ${shortId(node.info.id)}`;
}

/** Image nodes, one per tag; an invoked node is replaced by its fresh version (usage may have changed). */
export const IMAGES: ResourceShape<ImageNode> = {
    noun: 'image',
    view: VIEW,
    async fresh(ctx) {
        const c = await client(ctx);
        const [images, containers] = await Promise.all([c.listImages(), ctx.connection.containers.get()]);
        return imageRoots(images, containers, { showDangling: true });
    },
    fromNode: (n) => (n.kind === 'image' ? [n] : []),
    invoked: 'freshOrDrawn',
    id: (n) => `${n.info.id} ${n.tag ?? ''}`,
    matches: (x, key) => x.tag === key || x.info.id === key || shortId(x.info.id) === shortId(key),
    name: imageName,
    pickItem: (n) => ({
        label: imageName(n),
        description: `${formatBytes(n.info.size)}${n.usedBy.length > 0 ? ` · used by ${n.usedBy.length}` : ''}`,
    }),
};

const tagged = (n: ImageNode): boolean => n.tag !== undefined;

export const inspect: Action = async (ctx, ...args) => {
    for (const n of (await resourceTargets(ctx, IMAGES, args, { verb: 'inspect' })) ?? []) {
        await ctx.inspect.open('image', n.info.id, n.tag ?? shortId(n.info.id));
    }
};

export const copyTag: Action = async (ctx, ...args) => {
    const nodes = await resourceTargets(ctx, IMAGES, args, { verb: 'copy the tag of', eligible: tagged });
    const tags = (nodes ?? []).map((n) => n.tag ?? n.info.id);
    if (tags.length > 0) {
        await vscode.env.clipboard.writeText(tags.join('\n'));
        vscode.window.setStatusBarMessage(`Copied ${tags.join(', ')}`, 3000);
    }
};

/** True when removing this reference deletes the image (last tag, or untagged), not just a tag. */
function deletesImage(node: ImageNode): boolean {
    return node.tag === undefined || node.info.repoTags.filter((t) => t !== '<none>:<none>').length <= 1;
}

/**
 * Remove. Untagging one of several tags is harmless; deleting an image some containers use is refused
 * unless the user chooses to remove those containers first (running ones stopped before).
 */
export const remove: Action = async (ctx, ...args) => {
    const nodes = await resourceTargets(ctx, IMAGES, args, { verb: 'remove' });
    if (!nodes) {
        return;
    }
    const users = new Map<string, ContainerInfo>();
    for (const n of nodes.filter(deletesImage)) {
        for (const c of n.usedBy) {
            users.set(c.id, c);
        }
    }
    const names = nodes.map(imageName);
    const untagOnly = nodes.filter((n) => !deletesImage(n)).map(imageName);
    const detail = [
        nodes.length > 1 ? listNames(names) : '',
        untagOnly.length > 0 ? `Only the tag goes (the image keeps its other tags): ${listNames(untagOnly)}.` : '',
        'This cannot be undone.',
    ]
        .filter(Boolean)
        .join('\n\n');
    let removeUsers = false;
    if (users.size > 0) {
        const list = [...users.values()];
        const described = list.map((c) => `${c.name} (${c.state})`);
        const choice = await vscode.window.showWarningMessage(
            `${nodes.length === 1 ? names[0] : 'These images are'} in use by ${list.length} container(s).`,
            {
                modal: true,
                detail: `${listNames(described)}\n\nThe image cannot be removed while containers use it. Remove ${list.length === 1 ? 'that container' : 'those containers'} first? Running ones are stopped, then removed.`,
            },
            'Stop and Remove Containers, Then Image',
        );
        if (!choice) {
            return;
        }
        removeUsers = true;
    } else if (
        !(await confirm(
            nodes.length === 1 ? `Remove image ${names[0]}?` : `Remove ${nodes.length} images?`,
            detail,
            'Remove',
        ))
    ) {
        return;
    }
    const c = await client(ctx);
    if (removeUsers) {
        const { failed } = await bulk(
            ctx,
            VIEW,
            'Removing containers',
            [...users.values()],
            (x) => x.name,
            async (x, signal) => {
                if (x.state === 'running' || x.state === 'paused' || x.state === 'restarting') {
                    await c.stopContainer(x.id, { signal, timeoutMs: 120_000 });
                }
                await c.removeContainer(x.id, { signal, force: true });
            },
        );
        if (failed.length > 0) {
            ctx.refresh.nudge(['containers', 'images']);
            return;
        }
    }
    await removeEach(ctx, IMAGES, nodes, async (n, signal) => {
        try {
            await c.removeImage(imageRef(n), { signal });
        } catch (e) {
            if (isEngineError(e) && e.cause === 'inUse' && e.details.usedBy?.length) {
                // A container appeared since we looked: say which.
                throw new Error(`in use by ${listNames(e.details.usedBy)}`);
            }
            throw e;
        }
    });
    ctx.refresh.nudge(['images', 'containers', 'volumes', 'networks']);
};

/** Prune: choose dangling only or all unused, see what goes and how much space, confirm. */
export const prune: Action = async (ctx) => {
    const c = await client(ctx);
    const [images, containers] = await Promise.all([c.listImages(), ctx.connection.containers.get()]);
    const unused = images.filter((i) => containersOfImage(i, containers).length === 0);
    const dangling = unused.filter((i) => i.dangling);
    const label = (i: ImageInfo): string => i.repoTags.find((t) => t !== '<none>:<none>') ?? `<none> ${shortId(i.id)}`;
    const size = (list: ImageInfo[]): string => formatBytes(list.reduce((s, i) => s + i.size, 0));
    if (unused.length === 0) {
        void vscode.window.showInformationMessage('No unused images: nothing to prune.');
        return;
    }
    const picked = await vscode.window.showQuickPick(
        [
            { label: 'Dangling images only', description: `${dangling.length} · up to ${size(dangling)}`, all: false },
            {
                label: 'All images no container uses',
                description: `${unused.length} · up to ${size(unused)}`,
                all: true,
            },
        ],
        { placeHolder: 'Which images should go?' },
    );
    if (!picked) {
        return;
    }
    const going = picked.all ? unused : dangling;
    if (going.length === 0) {
        void vscode.window.showInformationMessage('No dangling images: nothing to prune.');
        return;
    }
    const ok = await confirm(
        `Remove ${going.length} image(s), up to ${size(going)}?`,
        `${listNames(going.map(label), 15)}\n\nLayers shared with other images are kept, so less space may be freed. This cannot be undone.`,
        'Prune',
    );
    if (!ok) {
        return;
    }
    try {
        const result = await vscode.window.withProgress({ location: { viewId: VIEW }, title: 'Pruning images' }, () =>
            c.pruneImages({ all: picked.all, timeoutMs: 10 * 60_000 }),
        );
        void vscode.window.showInformationMessage(
            `Removed ${result.removed.length} image reference(s), freed ${formatBytes(result.spaceReclaimed)}.`,
        );
    } catch (e) {
        showError(ctx, 'Could not prune images', e);
    }
    ctx.refresh.nudge(['images']);
};

async function setShowDangling(value: boolean): Promise<void> {
    const config = vscode.workspace.getConfiguration('dockwise');
    const inspected = config.inspect<boolean>(SHOW_DANGLING_SETTING);
    // Write where it is set, so a workspace value does not silently win over the toggle.
    const target =
        inspected?.workspaceValue !== undefined
            ? vscode.ConfigurationTarget.Workspace
            : vscode.ConfigurationTarget.Global;
    await config.update(SHOW_DANGLING_SETTING, value, target);
}

export const showDangling: Action = () => setShowDangling(true);
export const hideDangling: Action = () => setShowDangling(false);
