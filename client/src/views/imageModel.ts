// Pure view model of the Images view: one node per tag (as `docker image ls`), dangling ones optional.
import type { ContainerInfo, ImageInfo } from '../engine/types';
import { code, escapeMarkdown, formatBytes, isoDate, relativeTime, shortId } from './format';
import { type ImageNode, type ItemModel, nodeId } from './nodes';

export interface ImageTreeOptions {
    readonly showDangling: boolean;
}

/** Containers created from an image (the list gives the image id of each container). */
export function containersOfImage(image: Pick<ImageInfo, 'id'>, containers: readonly ContainerInfo[]): ContainerInfo[] {
    return containers.filter((c) => c.imageId === image.id);
}

/** A repository:tag is "<none>:<none>" when the engine keeps a stale reference: treat as no tag. */
function realTags(info: ImageInfo): string[] {
    return info.repoTags.filter((t) => t && t !== '<none>:<none>');
}

/** Root nodes: one per tag, sorted by reference; dangling images (no tag) last, newest first, when shown. */
export function imageRoots(
    images: readonly ImageInfo[],
    containers: readonly ContainerInfo[],
    options: ImageTreeOptions,
): ImageNode[] {
    const tagged: ImageNode[] = [];
    const untagged: ImageNode[] = [];
    for (const info of images) {
        const usedBy = containersOfImage(info, containers);
        const tags = realTags(info);
        if (tags.length > 0) {
            for (const tag of tags) {
                tagged.push({ kind: 'image', info, tag, usedBy });
            }
        } else if (options.showDangling || !isHidden(info)) {
            untagged.push({ kind: 'image', info, usedBy });
        }
    }
    tagged.sort((a, b) => a.tag!.localeCompare(b.tag!, undefined, { numeric: true }));
    untagged.sort((a, b) => b.info.created - a.info.created);
    return [...tagged, ...untagged];
}

/** Hidden while the dangling toggle is off (the engine's notion of dangling; untagged digest-only images stay). */
function isHidden(info: ImageInfo): boolean {
    return info.dangling;
}

/** How many images the toggle hides (for the view's description). */
export function hiddenDanglingCount(images: readonly ImageInfo[]): number {
    return images.filter((i) => realTags(i).length === 0 && isHidden(i)).length;
}

/** Label for an untagged image: `repo@sha256:abc…` when pulled by digest, else `<none>` with its short id. */
function untaggedLabel(info: ImageInfo): string {
    const digest = info.repoDigests[0];
    if (digest && !info.dangling) {
        const [repo, hash] = digest.split('@');
        return `${repo}@${(hash ?? '').slice(0, 19)}`;
    }
    return `<none> ${shortId(info.id)}`;
}

export function imageItem(node: ImageNode, now: number): ItemModel {
    const { info } = node;
    const parts = [formatBytes(info.size), relativeTime(info.created, now)];
    const inUse = node.usedBy.length > 0;
    if (inUse) {
        const running = node.usedBy.filter((c) => c.state === 'running').length;
        parts.push(running > 0 ? `${running} running` : `used by ${node.usedBy.length}`);
    }
    const dangling = node.tag === undefined && info.dangling;
    const kind = node.tag !== undefined ? 'tagged' : dangling ? 'dangling' : 'untagged';
    const contextValue = `image.${kind}${inUse ? '.inuse' : ''}`;
    const label = node.tag ?? untaggedLabel(info);
    return {
        id: nodeId(node),
        label,
        description: parts.join(' · '),
        iconId: dangling ? 'circle-slash' : 'package',
        colorId: node.tag === undefined ? 'disabledForeground' : inUse ? 'charts.blue' : undefined,
        contextValue,
        collapsible: 'none',
        tooltip: imageTooltip(node),
        ariaLabel: `Image ${label}, ${parts.join(', ')}`,
    };
}

export function imageTooltip(node: ImageNode): string {
    const { info } = node;
    const lines = [`**${escapeMarkdown(node.tag ?? '<none>')}** ${code(shortId(info.id))}`, ''];
    lines.push(`Size: ${formatBytes(info.size)}  `, `Created: ${isoDate(info.created)}  `);
    const others = realTags(info).filter((t) => t !== node.tag);
    if (others.length > 0) {
        lines.push(`Also tagged: ${others.map(code).join(', ')}  `);
    }
    for (const digest of info.repoDigests) {
        lines.push(`Digest: ${code(digest)}  `);
    }
    if (node.tag === undefined && info.dangling) {
        lines.push('', 'Dangling: no tag refers to it (a newer build or pull took its tag).');
    }
    if (node.usedBy.length > 0) {
        lines.push('', `**Used by ${node.usedBy.length} container(s)**`, '');
        for (const c of node.usedBy.slice(0, 10)) {
            lines.push(`- ${code(c.name)} (${c.state})`);
        }
        if (node.usedBy.length > 10) {
            lines.push(`- … and ${node.usedBy.length - 10} more`);
        }
    }
    return lines.join('\n');
}
