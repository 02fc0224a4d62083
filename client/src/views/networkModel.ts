// Pure view model of the Networks view: networks expand to the containers attached to them.
import type { ContainerInfo, NetworkInfo } from '../engine/types';
import { containerItem } from './containerModel';
import { code, escapeMarkdown, isoDate, shortId } from './format';
import { type ContainerNode, type ItemModel, type NetworkNode, nodeId } from './nodes';

/** The networks every engine creates; they cannot be removed. */
const PREDEFINED = new Set(['bridge', 'host', 'none']);

/** Built in (cannot be removed): the engine's own flag, or one of the predefined names with its own driver. */
export function isBuiltInNetwork(info: Pick<NetworkInfo, 'name' | 'driver' | 'builtIn'>): boolean {
    if (info.builtIn) {
        return true;
    }
    // The engine refuses to create a network under a predefined name, so the name alone is proof.
    return PREDEFINED.has(info.name);
}

/**
 * Containers on a network: the engine's own member list (running containers) merged with the containers
 * whose configuration names the network (stopped ones too, so a network in use is visible before removal).
 */
export function networkMembers(info: NetworkInfo, containers: readonly ContainerInfo[]): ContainerInfo[] {
    const ids = new Set(info.containers.map((m) => m.id));
    return containers.filter(
        (c) =>
            ids.has(c.id) ||
            c.networks.includes(info.name) ||
            c.networkDetails.some((n) => n.networkId === info.id) ||
            (c.networks.length === 0 && c.networkMode === info.name),
    );
}

/** Root nodes: custom networks by name, then the built-in ones. */
export function networkRoots(networks: readonly NetworkInfo[], containers: readonly ContainerInfo[]): NetworkNode[] {
    const nodes = networks.map((info): NetworkNode => ({
        kind: 'network',
        info,
        members: networkMembers(info, containers),
    }));
    return nodes.sort((a, b) => {
        const ba = isBuiltInNetwork(a.info);
        const bb = isBuiltInNetwork(b.info);
        return ba !== bb ? (ba ? 1 : -1) : a.info.name.localeCompare(b.info.name, undefined, { numeric: true });
    });
}

export function networkChildren(node: NetworkNode): ContainerNode[] {
    return [...node.members]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((info) => ({ kind: 'container', info, parent: node }));
}

/** A container under a network: its usual item, with its address on that network. */
export function networkMemberItem(node: ContainerNode & { parent: NetworkNode }): ItemModel {
    const base = containerItem(node);
    const net = node.parent.info;
    const member = net.containers.find((m) => m.id === node.info.id);
    const detail = node.info.networkDetails.find((n) => n.name === net.name || n.networkId === net.id);
    const ip = member?.ipv4Address?.replace(/\/\d+$/, '') || detail?.ipAddress || '';
    return { ...base, description: [ip, node.info.status || node.info.state].filter(Boolean).join(' · ') };
}

export function networkItem(node: NetworkNode): ItemModel {
    const { info } = node;
    const builtIn = isBuiltInNetwork(info);
    const parts = [info.driver, info.scope];
    if (info.internal) {
        parts.push('internal');
    }
    parts.push(node.members.length === 1 ? '1 container' : `${node.members.length} containers`);
    if (builtIn) {
        parts.push('built-in');
    }
    return {
        id: nodeId(node),
        label: info.name,
        description: parts.join(' · '),
        iconId: builtIn ? 'lock' : 'type-hierarchy-sub',
        colorId: node.members.length > 0 && !builtIn ? 'charts.blue' : undefined,
        contextValue: `network.${builtIn ? 'builtin' : 'custom'}${node.members.length > 0 ? '.inuse' : ''}`,
        collapsible: node.members.length > 0 ? 'collapsed' : 'none',
        tooltip: networkTooltip(node),
        ariaLabel: `Network ${info.name}, ${parts.join(', ')}`,
    };
}

export function networkTooltip(node: NetworkNode): string {
    const { info } = node;
    const lines = [`**${escapeMarkdown(info.name)}** ${code(shortId(info.id))}`, ''];
    lines.push(`Driver: ${code(info.driver)}  `, `Scope: ${info.scope}  `);
    const flags = [info.internal && 'internal', info.attachable && 'attachable', info.ipv6 && 'IPv6'].filter(Boolean);
    if (flags.length > 0) {
        lines.push(`Flags: ${flags.join(', ')}  `);
    }
    for (const s of info.subnets) {
        if (s.subnet) {
            lines.push(`Subnet: ${code(s.subnet)}${s.gateway ? ` (gateway ${code(s.gateway)})` : ''}  `);
        }
    }
    if (info.created !== undefined) {
        lines.push(`Created: ${isoDate(info.created)}  `);
    }
    if (info.composeProject) {
        lines.push(`Compose project: ${code(info.composeProject)}  `);
    }
    if (isBuiltInNetwork(info)) {
        lines.push('', 'Built in: the engine creates it and it cannot be removed.');
    }
    if (node.members.length > 0) {
        lines.push('', `**${node.members.length} container(s)**`, '');
        for (const c of node.members) {
            lines.push(`- ${code(c.name)} (${c.state})`);
        }
    }
    return lines.join('\n');
}
