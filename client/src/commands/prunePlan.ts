// What "Dockwise: Prune…" would remove, decided from one listing of the engine, and the words that show it.
// The plan is the contract: only the items listed here are removed, by id. Pure (no vscode): unit-tested.
import type { ContainerInfo, ImageInfo, NetworkInfo, VolumeInfo } from '../engine/types';
import { formatBytes, shortId } from '../views/format';
import { isBuiltInNetwork, networkMembers } from '../views/networkModel';
import { containersUsingVolume } from '../views/volumeModel';

export type PruneKind = 'containers' | 'images' | 'anonymousVolumes' | 'namedVolumes' | 'networks';

export const PRUNE_KINDS: readonly PruneKind[] = [
    'containers',
    'images',
    'anonymousVolumes',
    'namedVolumes',
    'networks',
];

export const KIND_LABELS: Readonly<Record<PruneKind, string>> = {
    containers: 'Stopped containers',
    images: 'Dangling images',
    anonymousVolumes: 'Unused anonymous volumes',
    namedVolumes: 'Unused named volumes',
    networks: 'Unused networks',
};

/** One item's noun, for problem lines ("volume data: in use by web"). */
const NOUN: Readonly<Record<PruneKind, string>> = {
    containers: 'container',
    images: 'image',
    anonymousVolumes: 'volume',
    namedVolumes: 'volume',
    networks: 'network',
};

export interface PruneItem {
    readonly kind: PruneKind;
    /** What the removal is called with: container/image/network id, volume name. */
    readonly id: string;
    /** What the user reads. */
    readonly name: string;
    /** Bytes freed at most, when known (containers: SizeRw; images: Size; volumes: /system/df UsageData). */
    readonly size?: number;
}

export interface PruneInputs {
    /** All containers, any state, listed with sizes. */
    readonly containers: readonly ContainerInfo[];
    readonly images: readonly ImageInfo[];
    /** Listed with sizes (/system/df). */
    readonly volumes: readonly VolumeInfo[];
    readonly networks: readonly NetworkInfo[];
}

export interface PlanOptions {
    /** The kinds to list (default: all). Stopped containers only stop counting as users when listed too. */
    readonly kinds?: readonly PruneKind[];
    /** Only items carrying this label ("key" or "key=value"): tests use it to never touch the user's items. */
    readonly label?: string;
}

/** Not running, paused or restarting: what `docker container prune` calls stopped. */
const STOPPED = new Set(['created', 'exited', 'dead']);

function hasLabel(labels: Readonly<Record<string, string>> | undefined, label: string | undefined): boolean {
    if (!label) {
        return true;
    }
    const eq = label.indexOf('=');
    const key = eq < 0 ? label : label.slice(0, eq);
    return labels?.[key] !== undefined && (eq < 0 || labels[key] === label.slice(eq + 1));
}

const bare = (id: string): string => id.replace(/^sha256:/, '');

/**
 * Every kind's candidates. Containers this plan removes do not count as users, as with `docker system prune`
 * (containers go first): a dangling image or a volume only a stopped container held is listed too.
 */
export function planPrune(inputs: PruneInputs, options: PlanOptions = {}): PruneItem[] {
    const kinds = new Set(options.kinds ?? PRUNE_KINDS);
    const items: PruneItem[] = [];
    const stopped = kinds.has('containers')
        ? inputs.containers.filter((c) => STOPPED.has(c.state) && hasLabel(c.labels, options.label))
        : [];
    const going = new Set(stopped.map((c) => c.id));
    const staying = inputs.containers.filter((c) => !going.has(c.id));
    for (const c of stopped) {
        items.push({ kind: 'containers', id: c.id, name: `${c.name} (${c.state})`, size: c.sizeRw });
    }
    const usedImages = new Set(staying.map((c) => bare(c.imageId)));
    for (const i of kinds.has('images') ? inputs.images : []) {
        if (i.dangling && !usedImages.has(bare(i.id)) && hasLabel(i.labels, options.label)) {
            items.push({ kind: 'images', id: i.id, name: `<none> ${shortId(i.id)}`, size: i.size });
        }
    }
    for (const v of inputs.volumes) {
        const kind = v.anonymous ? 'anonymousVolumes' : 'namedVolumes';
        if (kinds.has(kind) && containersUsingVolume(v, staying).length === 0 && hasLabel(v.labels, options.label)) {
            items.push({ kind, id: v.name, name: v.anonymous ? shortId(v.name) : v.name, size: v.size });
        }
    }
    for (const n of kinds.has('networks') ? inputs.networks : []) {
        // The engine's member list names running containers only; stopped ones count through their settings.
        const running = n.containers.some((m) => !going.has(m.id));
        const unused = !running && networkMembers({ ...n, containers: [] }, staying).length === 0;
        if (unused && !isBuiltInNetwork(n) && hasLabel(n.labels, options.label)) {
            items.push({ kind: 'networks', id: n.id, name: n.name });
        }
    }
    return items;
}

/** Sum of the known sizes. */
export function totalSize(items: readonly PruneItem[]): number {
    return items.reduce((s, i) => s + (i.size ?? 0), 0);
}

const sizeText = (items: readonly PruneItem[]): string => {
    const known = items.some((i) => i.size !== undefined && i.size > 0);
    return known ? formatBytes(totalSize(items)) : '';
};

/** "3 · 12 MB" for a kind's checkbox in the quick pick. */
export function kindDescription(items: readonly PruneItem[], kind: PruneKind): string {
    const of = items.filter((i) => i.kind === kind);
    const size = sizeText(of);
    return `${of.length}${size ? ` · ${size}` : ''}`;
}

export interface PruneConfirmation {
    /** The modal's question, e.g. "Remove 5 items and free up to 12 MB?". */
    readonly message: string;
    /** Every kind with what goes, one line per item (up to `maxPerKind`). */
    readonly detail: string;
}

export function describePlan(items: readonly PruneItem[], maxPerKind = 10): PruneConfirmation {
    const size = sizeText(items);
    const sections: string[] = [];
    for (const kind of PRUNE_KINDS) {
        const of = items.filter((i) => i.kind === kind);
        if (of.length === 0) {
            continue;
        }
        const kindSize = sizeText(of);
        const lines = of
            .slice(0, maxPerKind)
            .map((i) => `  ${i.name}${i.size !== undefined && i.size > 0 ? ` · ${formatBytes(i.size)}` : ''}`);
        if (of.length > maxPerKind) {
            lines.push(`  … and ${of.length - maxPerKind} more`);
        }
        sections.push(`${KIND_LABELS[kind]} (${of.length}${kindSize ? `, ${kindSize}` : ''}):\n${lines.join('\n')}`);
    }
    const volumes = items.some((i) => i.kind === 'anonymousVolumes' || i.kind === 'namedVolumes');
    const notes = [
        items.some((i) => i.kind === 'images')
            ? 'Layers shared with other images stay, so less space may be freed.'
            : '',
        volumes ? 'The data in these volumes is deleted.' : '',
        'Only what is listed is removed. This cannot be undone.',
    ].filter(Boolean);
    const count = `${items.length} item${items.length === 1 ? '' : 's'}`;
    return {
        message: `Remove ${count}${size ? ` and free up to ${size}` : ''}?`,
        detail: `${sections.join('\n\n')}\n\n${notes.join(' ')}`,
    };
}

export type PruneOutcome =
    | { readonly item: PruneItem; readonly status: 'removed' }
    /** Removed by someone else meanwhile: what the user wanted. */
    | { readonly item: PruneItem; readonly status: 'gone' }
    /** Changed since the listing (started, tagged, now used): left alone on purpose. */
    | { readonly item: PruneItem; readonly status: 'skipped'; readonly reason: string }
    | { readonly item: PruneItem; readonly status: 'failed'; readonly reason: string };

/** The notification after pruning, and one line per item that was not removed (for the log). */
export function summarizeOutcomes(outcomes: readonly PruneOutcome[]): { message: string; problems: string[] } {
    const removed = outcomes.filter((o) => o.status === 'removed' || o.status === 'gone');
    const freed = totalSize(outcomes.filter((o) => o.status === 'removed').map((o) => o.item));
    const line = (o: PruneOutcome & { reason: string }): string => `${NOUN[o.item.kind]} ${o.item.name}: ${o.reason}`;
    const failed = outcomes.flatMap((o) => (o.status === 'failed' ? [line(o)] : []));
    const skipped = outcomes.flatMap((o) => (o.status === 'skipped' ? [line(o)] : []));
    const problems = [...failed, ...skipped];
    const parts = [
        `Removed ${removed.length} of ${outcomes.length} item${outcomes.length === 1 ? '' : 's'}`,
        freed > 0 ? `freed up to ${formatBytes(freed)}` : '',
        skipped.length > 0 ? `${skipped.length} left alone (changed since the listing)` : '',
        failed.length > 0
            ? `${failed.length} failed: ${failed.slice(0, 3).join('; ')}${failed.length > 3 ? '; …' : ''}`
            : '',
    ].filter(Boolean);
    return { message: `${parts.join(', ')}.`, problems };
}
