// Folds the engine's pull messages into one line per layer (for the Dockwise Pull output) and an overall
// percent with the current activity (for the progress notification). Pure: unit-tested with recorded streams.
import { formatBytes } from '../views/format';
import type { PullProgress } from '../engine/types';

export type LayerPhase =
    'waiting' | 'downloading' | 'verifying' | 'downloaded' | 'extracting' | 'done' | 'exists' | 'retrying';

export interface LayerState {
    readonly id: string;
    readonly phase: LayerPhase;
    /** Bytes of the current phase (download or extraction) and its total, when the engine said. */
    readonly current: number;
    readonly total: number;
    /** The layer's compressed size, kept from the download for the final lines. */
    readonly size: number;
    /** The engine's words for phases we do not model ("Retrying in 5 seconds"). */
    readonly note?: string;
}

export interface PullSummary {
    /** e.g. "42% · 3/7 layers · downloading 12.3 MB of 45.6 MB". */
    readonly message: string;
    /** 0…1: finished layers count fully, others by bytes downloaded (80 %) and extracted (20 %). */
    readonly fraction: number;
    /** True when this update moved a layer to another phase or added a pull-level line: worth redrawing. */
    readonly changed: boolean;
}

const PHASE_OF: Readonly<Record<string, LayerPhase>> = {
    'Pulling fs layer': 'waiting',
    Waiting: 'waiting',
    Downloading: 'downloading',
    'Verifying Checksum': 'verifying',
    'Download complete': 'downloaded',
    Extracting: 'extracting',
    'Pull complete': 'done',
    'Already exists': 'exists',
};

/** Statuses about the whole pull even when they carry an id (the tag: "latest: Pulling from library/nginx"). */
const PULL_LEVEL = /^(Pulling from|Digest:|Status:|Pulling repository|Downloaded newer image|Image is up to date)/;

const finished = (l: LayerState): boolean => l.phase === 'done' || l.phase === 'exists';

/** 0…1 for one layer. */
function layerFraction(l: LayerState): number {
    const part = (x: number, t: number): number => (t > 0 ? Math.min(1, x / t) : 0);
    switch (l.phase) {
        case 'done':
        case 'exists':
            return 1;
        case 'downloading':
            return 0.8 * part(l.current, l.total);
        case 'verifying':
        case 'downloaded':
            return 0.8;
        case 'extracting':
            return 0.8 + 0.2 * part(l.current, l.total);
        default:
            return 0;
    }
}

/** "a307d6ecc620  Downloading 1.2 MB / 2.15 MB": one layer's line as the output shows it. */
export function layerLine(l: LayerState): string {
    const bytes = l.total > 0 ? ` ${formatBytes(l.current)} / ${formatBytes(l.total)}` : '';
    const words: Record<LayerPhase, string> = {
        waiting: 'Waiting',
        downloading: `Downloading${bytes}`,
        verifying: 'Verifying checksum',
        downloaded: `Downloaded${l.size > 0 ? ` ${formatBytes(l.size)}` : ''}`,
        extracting: `Extracting${bytes}`,
        done: `Done${l.size > 0 ? ` (${formatBytes(l.size)})` : ''}`,
        exists: 'Already exists',
        retrying: l.note ?? 'Retrying',
    };
    return `${l.id.slice(0, 12)}  ${words[l.phase]}`;
}

export class PullTracker {
    private readonly layers = new Map<string, LayerState>();
    /** Pull-level lines, and whether they came after the first layer (so "Digest:" renders below the layers). */
    private readonly statuses: { text: string; afterLayers: boolean }[] = [];
    /**
     * The engine announces every layer ("Already exists", "Pulling fs layer") before any work starts: until
     * then the fraction stays 0, or the first cached layer alone would read as 100 %.
     */
    private settled = false;

    update(p: PullProgress): PullSummary {
        if (!p.id || PULL_LEVEL.test(p.status)) {
            const changed = p.status !== '' && this.statuses[this.statuses.length - 1]?.text !== p.status;
            if (changed) {
                this.statuses.push({ text: p.status, afterLayers: this.layers.size > 0 });
            }
            this.settled ||= this.layers.size > 0;
            return { ...this.summary(), changed };
        }
        const old = this.layers.get(p.id);
        const phase: LayerPhase | undefined =
            PHASE_OF[p.status] ?? (/^Retrying/.test(p.status) ? 'retrying' : undefined);
        if (!phase) {
            // Unknown words for a layer (future engines): show them, keep its progress.
            const l = old ?? { id: p.id, phase: 'waiting', current: 0, total: 0, size: 0 };
            this.layers.set(p.id, { ...l, phase: 'retrying', note: p.status });
            return { ...this.summary(), changed: true };
        }
        const base = old ?? { id: p.id, phase, current: 0, total: 0, size: 0 };
        const sized = phase === 'downloading' || phase === 'extracting';
        const total =
            sized && p.total !== undefined && p.total > 0 ? p.total : sized && old?.phase === phase ? base.total : 0;
        const next: LayerState = {
            id: p.id,
            phase,
            current: sized ? Math.min(p.current ?? 0, total || Infinity) : 0,
            total,
            size: phase === 'downloading' && total > 0 ? total : base.size,
            note: phase === 'retrying' ? p.status : undefined,
        };
        // A late "Waiting" or "Downloading" never takes a finished layer back.
        if (old && finished(old) && !finished(next)) {
            return { ...this.summary(), changed: false };
        }
        this.layers.set(p.id, next);
        this.settled ||= phase !== 'waiting' && phase !== 'exists';
        return { ...this.summary(), changed: old?.phase !== phase || phase === 'retrying' };
    }

    /** The layers in the order the engine announced them. */
    layerStates(): readonly LayerState[] {
        return [...this.layers.values()];
    }

    summary(): Omit<PullSummary, 'changed'> {
        const layers = [...this.layers.values()];
        if (layers.length === 0) {
            const last = this.statuses[this.statuses.length - 1]?.text;
            return { message: last ?? 'Waiting for the registry…', fraction: 0 };
        }
        const fraction = this.settled
            ? Math.min(1, layers.reduce((s, l) => s + layerFraction(l), 0) / layers.length)
            : 0;
        const done = layers.filter(finished).length;
        const downloading = layers.filter((l) => l.phase === 'downloading');
        const current = downloading.reduce((s, l) => s + l.current, 0);
        const total = downloading.reduce((s, l) => s + l.total, 0);
        const activity =
            total > 0
                ? `downloading ${formatBytes(current)} of ${formatBytes(total)}`
                : layers.some((l) => l.phase === 'extracting')
                  ? 'extracting'
                  : layers.some((l) => l.phase === 'retrying')
                    ? 'retrying'
                    : '';
        return {
            message: `${Math.floor(fraction * 100)}% · ${done}/${layers.length} layers${activity ? ` · ${activity}` : ''}`,
            fraction,
        };
    }

    /** The whole pull as text: the pull-level lines, then one line per layer. */
    render(title: string): string {
        const status = (after: boolean): string[] =>
            this.statuses.filter((s) => s.afterLayers === after).map((s) => `  ${s.text}`);
        const lines = [title, ...status(false), ...this.layerStates().map((l) => `  ${layerLine(l)}`), ...status(true)];
        return `${lines.join('\n')}\n`;
    }
}
