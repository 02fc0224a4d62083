// Pure view model of the Containers view: state icons, context values, compose grouping.
import type { ContainerInfo } from '../engine/types';
import { type ComposeNode, type ContainerNode, type ExplorerNode, type ItemModel, nodeId } from './nodes';

export interface StateIcon {
    readonly iconId: string;
    readonly colorId?: string;
    /** Words for the state, used in aria labels and tooltips. */
    readonly words: string;
}

/** Exit code from the engine's status text ("Exited (137) 2 minutes ago"), when there is one. */
export function exitCodeOf(info: Pick<ContainerInfo, 'status'>): number | undefined {
    const m = /^Exited \((-?\d+)\)/.exec(info.status);
    return m ? Number(m[1]) : undefined;
}

/** Icon and colour for a container's state and health. */
export function containerStateIcon(info: Pick<ContainerInfo, 'state' | 'health' | 'status'>): StateIcon {
    switch (info.state) {
        case 'running':
            if (info.health === 'unhealthy') {
                return { iconId: 'warning', colorId: 'problemsWarningIcon.foreground', words: 'running, unhealthy' };
            }
            if (info.health === 'starting') {
                return { iconId: 'pulse', colorId: 'charts.yellow', words: 'running, health check starting' };
            }
            return {
                iconId: 'vm-running',
                colorId: 'charts.green',
                words: info.health === 'healthy' ? 'running, healthy' : 'running',
            };
        case 'paused':
            return { iconId: 'debug-pause', colorId: 'charts.yellow', words: 'paused' };
        case 'restarting':
            return { iconId: 'debug-restart', colorId: 'charts.orange', words: 'restarting' };
        case 'created':
            return { iconId: 'vm-outline', words: 'created, never started' };
        case 'removing':
            return { iconId: 'trash', colorId: 'disabledForeground', words: 'being removed' };
        case 'dead':
            return { iconId: 'error', colorId: 'charts.red', words: 'dead' };
        case 'exited': {
            const code = exitCodeOf(info);
            // A non-zero exit is a crash worth spotting in a long list; a clean exit is not.
            return code !== undefined && code !== 0
                ? { iconId: 'debug-stop', colorId: 'charts.red', words: `exited with code ${code}` }
                : { iconId: 'debug-stop', words: code === undefined ? 'exited' : 'exited with code 0' };
        }
    }
}

/** True when the container publishes at least one port on the host. */
export function hasPublishedPorts(info: Pick<ContainerInfo, 'ports'>): boolean {
    return info.ports.some((p) => p.publicPort !== undefined && p.publicPort > 0);
}

/**
 * `container.<state>[.ports][.unhealthy]`: state first so menus match with `/^container\.(running|paused)/`;
 * flags add what an action needs (Open in Browser needs published ports).
 */
export function containerContextValue(info: Pick<ContainerInfo, 'state' | 'ports' | 'health'>): string {
    let value = `container.${info.state}`;
    if (info.state === 'running' && hasPublishedPorts(info)) {
        value += '.ports';
    }
    if (info.health === 'unhealthy') {
        value += '.unhealthy';
    }
    return value;
}

export function containerItem(node: ContainerNode): ItemModel {
    const { info } = node;
    const icon = containerStateIcon(info);
    return {
        id: nodeId(node),
        label: info.name,
        description: `${info.image} · ${info.status || info.state}`,
        iconId: icon.iconId,
        colorId: icon.colorId,
        contextValue: containerContextValue(info),
        collapsible: 'none',
        ariaLabel: `Container ${info.name}, ${icon.words}, image ${info.image}`,
    };
}

/** The group's aggregate state: all running, some running, or none. */
export function composeState(containers: readonly ContainerInfo[]): 'running' | 'partial' | 'stopped' {
    const running = containers.filter((c) => c.state === 'running').length;
    return running === 0 ? 'stopped' : running === containers.length ? 'running' : 'partial';
}

export function composeItem(node: ComposeNode): ItemModel {
    const state = composeState(node.containers);
    const running = node.containers.filter((c) => c.state === 'running').length;
    const unhealthy = node.containers.some((c) => c.health === 'unhealthy');
    const colorId = unhealthy
        ? 'problemsWarningIcon.foreground'
        : state === 'running'
          ? 'charts.green'
          : state === 'partial'
            ? 'charts.yellow'
            : undefined;
    return {
        id: nodeId(node),
        label: node.project,
        description: `${running}/${node.containers.length} running`,
        iconId: 'layers',
        colorId,
        contextValue: `compose.${state}`,
        collapsible: 'expanded',
        tooltip: `**Compose project** ${node.project}\n\n${running} of ${node.containers.length} container(s) running`,
        ariaLabel: `Compose project ${node.project}, ${running} of ${node.containers.length} running`,
    };
}

export interface ContainerTreeOptions {
    /** Group containers carrying `com.docker.compose.project` under one node per project. */
    readonly groupByCompose: boolean;
}

function byName(a: ContainerInfo, b: ContainerInfo): number {
    return a.name.localeCompare(b.name, undefined, { numeric: true }) || a.id.localeCompare(b.id);
}

/** Root nodes of the Containers view: compose groups first (by project), then the other containers (by name). */
export function containerRoots(containers: readonly ContainerInfo[], options: ContainerTreeOptions): ExplorerNode[] {
    if (!options.groupByCompose) {
        return [...containers].sort(byName).map((info) => ({ kind: 'container', info }));
    }
    const projects = new Map<string, ContainerInfo[]>();
    const loose: ContainerInfo[] = [];
    for (const c of containers) {
        const project = c.composeProject ?? c.labels['com.docker.compose.project'];
        if (project) {
            const list = projects.get(project) ?? [];
            list.push(c);
            projects.set(project, list);
        } else {
            loose.push(c);
        }
    }
    const groups: ExplorerNode[] = [...projects.keys()]
        .sort((a, b) => a.localeCompare(b))
        .map((project) => ({ kind: 'compose', project, containers: projects.get(project)!.sort(byName) }));
    return [...groups, ...loose.sort(byName).map((info): ExplorerNode => ({ kind: 'container', info }))];
}

/** Children of a compose group. */
export function composeChildren(node: ComposeNode): ContainerNode[] {
    return node.containers.map((info) => ({ kind: 'container', info, parent: node }));
}
