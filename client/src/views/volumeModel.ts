// Pure view model of the Volumes view: volumes expand to the containers that mount them.
import type { ContainerInfo, VolumeInfo } from '../engine/types';
import { containerItem } from './containerModel';
import { code, escapeMarkdown, formatBytes, isoDate } from './format';
import { type ContainerNode, type ItemModel, type VolumeNode, nodeId } from './nodes';

/** Containers (any state) with a volume mount of this volume. */
export function containersUsingVolume(
    volume: Pick<VolumeInfo, 'name'>,
    containers: readonly ContainerInfo[],
): ContainerInfo[] {
    return containers.filter((c) => c.mounts.some((m) => m.type === 'volume' && (m.name ?? m.source) === volume.name));
}

/** Root nodes: named volumes by name, then anonymous ones (64-hex names) by creation, newest first. */
export function volumeRoots(volumes: readonly VolumeInfo[], containers: readonly ContainerInfo[]): VolumeNode[] {
    const nodes = volumes.map((info): VolumeNode => ({
        kind: 'volume',
        info,
        usedBy: containersUsingVolume(info, containers),
    }));
    return nodes.sort((a, b) => {
        if (a.info.anonymous !== b.info.anonymous) {
            return a.info.anonymous ? 1 : -1;
        }
        if (a.info.anonymous) {
            return (b.info.createdAt ?? 0) - (a.info.createdAt ?? 0) || a.info.name.localeCompare(b.info.name);
        }
        return a.info.name.localeCompare(b.info.name, undefined, { numeric: true });
    });
}

export function volumeChildren(node: VolumeNode): ContainerNode[] {
    return [...node.usedBy]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((info) => ({ kind: 'container', info, parent: node }));
}

/** A container under a volume: its usual item, plus where and how it mounts the volume. */
export function volumeUserItem(node: ContainerNode & { parent: VolumeNode }): ItemModel {
    const base = containerItem(node);
    const mount = node.info.mounts.find((m) => m.type === 'volume' && (m.name ?? m.source) === node.parent.info.name);
    const where = mount ? `${mount.destination}${mount.rw ? '' : ' (read-only)'}` : '';
    return { ...base, description: [where, node.info.status || node.info.state].filter(Boolean).join(' · ') };
}

export function volumeItem(node: VolumeNode): ItemModel {
    const { info } = node;
    const label = info.anonymous ? `${info.name.slice(0, 12)}…` : info.name;
    const parts: string[] = [info.driver];
    if (info.size !== undefined) {
        parts.push(formatBytes(info.size));
    }
    const users = node.usedBy.length > 0 ? node.usedBy.length : (info.refCount ?? 0);
    parts.push(users > 0 ? `in use by ${users}` : 'unused');
    if (info.anonymous) {
        parts.push('anonymous');
    }
    return {
        id: nodeId(node),
        label,
        description: parts.join(' · '),
        iconId: 'database',
        colorId: users > 0 ? 'charts.blue' : undefined,
        contextValue: `volume.${users > 0 ? 'inuse' : 'unused'}${info.anonymous ? '.anonymous' : ''}`,
        collapsible: node.usedBy.length > 0 ? 'collapsed' : 'none',
        tooltip: volumeTooltip(node),
        ariaLabel: `Volume ${label}, ${parts.join(', ')}`,
    };
}

export function volumeTooltip(node: VolumeNode): string {
    const { info } = node;
    const lines = [`**${escapeMarkdown(info.name)}**`, ''];
    lines.push(`Driver: ${code(info.driver)}  `, `Mountpoint: ${code(info.mountpoint)}  `, `Scope: ${info.scope}  `);
    if (info.size !== undefined) {
        lines.push(`Size: ${formatBytes(info.size)}  `);
    }
    if (info.createdAt !== undefined) {
        lines.push(`Created: ${isoDate(info.createdAt)}  `);
    }
    if (info.composeProject) {
        lines.push(`Compose project: ${code(info.composeProject)}  `);
    }
    const options = Object.entries(info.options);
    if (options.length > 0) {
        lines.push(`Options: ${options.map(([k, v]) => code(`${k}=${v}`)).join(', ')}  `);
    }
    if (node.usedBy.length > 0) {
        lines.push('', `**Used by ${node.usedBy.length} container(s)**`, '');
        for (const c of node.usedBy) {
            const mount = c.mounts.find((m) => m.type === 'volume' && (m.name ?? m.source) === info.name);
            lines.push(`- ${code(c.name)} (${c.state})${mount ? ` at ${code(mount.destination)}` : ''}`);
        }
    } else {
        lines.push('', 'Not mounted by any container.');
    }
    return lines.join('\n');
}
