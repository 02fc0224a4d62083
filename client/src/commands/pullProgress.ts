// Folds the engine's per-layer pull messages into one line and a fraction for a progress notification. Pure.
import { formatBytes } from '../views/format';
import type { PullProgress } from './engineExtras';

interface Layer {
    status: string;
    current: number;
    total: number;
    done: boolean;
}

const FINISHED = new Set(['Pull complete', 'Already exists']);

export interface PullSummary {
    /** e.g. "3/7 layers · downloading 12.3 MB of 45.6 MB". */
    readonly message: string;
    /** 0…1: finished layers count fully, others by bytes downloaded. */
    readonly fraction: number;
}

export class PullTracker {
    private readonly layers = new Map<string, Layer>();
    private lastStatus = '';

    update(p: PullProgress): PullSummary {
        // Messages without an id, or with the tag as id ("latest: Pulling from library/nginx"), are about the pull.
        if (!p.id || /^(Pulling from|Digest:|Status:)/.test(p.status)) {
            this.lastStatus = p.status;
            return this.summary();
        }
        const layer = this.layers.get(p.id) ?? { status: '', current: 0, total: 0, done: false };
        layer.status = p.status;
        if (FINISHED.has(p.status)) {
            layer.done = true;
        }
        if (p.status === 'Downloading' && p.total !== undefined && p.total > 0) {
            layer.total = p.total;
            layer.current = Math.min(p.current ?? 0, p.total);
        }
        if (p.status === 'Download complete') {
            layer.current = layer.total;
        }
        this.layers.set(p.id, layer);
        return this.summary();
    }

    summary(): PullSummary {
        const layers = [...this.layers.values()];
        if (layers.length === 0) {
            return { message: this.lastStatus || 'Waiting for the registry…', fraction: 0 };
        }
        const done = layers.filter((l) => l.done).length;
        const total = layers.reduce((s, l) => s + l.total, 0);
        const current = layers.reduce((s, l) => s + (l.done ? l.total : l.current), 0);
        // Download counts for most of the work, extraction for the rest: weight a layer by bytes when known.
        const perLayer = layers.map((l) => (l.done ? 1 : l.total > 0 ? 0.8 * (l.current / l.total) : 0));
        const fraction = perLayer.reduce((s, f) => s + f, 0) / layers.length;
        const extracting = layers.some((l) => !l.done && l.status === 'Extracting');
        const activity =
            total > 0 && current < total
                ? `downloading ${formatBytes(current)} of ${formatBytes(total)}`
                : extracting
                  ? 'extracting'
                  : '';
        return {
            message: `${done}/${layers.length} layers${activity ? ` · ${activity}` : ''}`,
            fraction: Math.min(1, fraction),
        };
    }
}
