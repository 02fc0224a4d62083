// Which engine events change which view (pure), and a per-view debouncer that coalesces bursts.
import type { EngineEvent } from '../engine/types';

export type ViewKind = 'containers' | 'images' | 'volumes' | 'networks';
export const VIEW_KINDS: readonly ViewKind[] = ['containers', 'images', 'volumes', 'networks'];

// Container actions that change what a list shows. Health checks fire exec_create/exec_start/exec_die every
// few seconds per container; attach/resize/top/archive… change nothing listed: those must not refresh.
const CONTAINER_ACTIONS = new Set([
    'create',
    'start',
    'die',
    'destroy',
    'pause',
    'unpause',
    'rename',
    'restart',
    'health_status',
    'update',
    'oom',
    'stop',
    'kill',
]);
// Actions that add or remove a container: they change image usage, volume users and network members.
const MEMBERSHIP_ACTIONS = new Set(['create', 'destroy', 'rename', 'start', 'die']);
const IMAGE_ACTIONS = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'prune', 'build']);
const VOLUME_ACTIONS = new Set(['create', 'destroy', 'prune']);
const NETWORK_ACTIONS = new Set(['create', 'destroy', 'remove', 'connect', 'disconnect', 'prune']);

/** The views an event makes stale. */
export function viewsAffectedBy(event: Pick<EngineEvent, 'kind' | 'action'>): ViewKind[] {
    switch (event.kind) {
        case 'container': {
            if (!CONTAINER_ACTIONS.has(event.action)) {
                return [];
            }
            const views: ViewKind[] = ['containers'];
            if (MEMBERSHIP_ACTIONS.has(event.action)) {
                views.push('images', 'volumes', 'networks');
            }
            return views;
        }
        case 'image':
            // Containers show their image reference, which a re-tag changes.
            return IMAGE_ACTIONS.has(event.action) ? ['images', 'containers'] : [];
        case 'volume':
            return VOLUME_ACTIONS.has(event.action) ? ['volumes'] : [];
        case 'network':
            return NETWORK_ACTIONS.has(event.action) ? ['networks', 'containers'] : [];
        case 'daemon':
            // reload: labels, default runtime… cheap enough to refresh everything.
            return [...VIEW_KINDS];
    }
}

export interface Timers {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
    now(): number;
}

export const realTimers: Timers = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    now: () => Date.now(),
};

/**
 * Trailing-edge debounce with a ceiling: a burst (compose up fires dozens of events) becomes one call `delayMs`
 * after the last event, but a never-ending trickle still gets a call every `maxWaitMs`.
 */
export class Debouncer {
    private handle: unknown;
    private firstAt: number | undefined;

    constructor(
        private readonly fn: () => void,
        private readonly delayMs: number,
        private readonly maxWaitMs: number,
        private readonly timers: Timers = realTimers,
    ) {}

    get pending(): boolean {
        return this.handle !== undefined;
    }

    trigger(): void {
        const now = this.timers.now();
        this.firstAt ??= now;
        if (this.handle !== undefined) {
            this.timers.clearTimeout(this.handle);
        }
        const wait = Math.max(0, Math.min(this.delayMs, this.firstAt + this.maxWaitMs - now));
        this.handle = this.timers.setTimeout(() => this.flush(), wait);
    }

    /** Runs now if something is pending. */
    flush(): void {
        if (this.handle !== undefined) {
            this.timers.clearTimeout(this.handle);
        }
        const wasPending = this.firstAt !== undefined;
        this.handle = undefined;
        this.firstAt = undefined;
        if (wasPending) {
            this.fn();
        }
    }

    cancel(): void {
        if (this.handle !== undefined) {
            this.timers.clearTimeout(this.handle);
        }
        this.handle = undefined;
        this.firstAt = undefined;
    }
}
