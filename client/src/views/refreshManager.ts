// Keeps the views current from the engine's events stream — only while at least one view is visible.
// With every view hidden nothing talks to the engine: the stream is closed and views are marked stale,
// to be refreshed once when shown again.
import * as vscode from 'vscode';
import type { Disposable as EngineDisposable } from '../engine/types';
import type { EngineConnection } from '../engineConnection';
import { Debouncer, type ViewKind, viewsAffectedBy } from './refreshPolicy';

export interface RefreshableView {
    readonly kind: ViewKind;
    readonly visible: boolean;
    readonly onDidChangeVisibility: vscode.Event<boolean>;
    /** Re-reads the engine and redraws. */
    refresh(): void;
}

export interface RefreshOptions {
    /** Quiet time after the last event before a view refreshes. */
    readonly debounceMs: number;
    /** Longest a view waits under a continuous trickle of events. */
    readonly maxWaitMs: number;
    /** Fallback poll (status texts like "Up 5 minutes" age; events can be missed); 0 disables it. */
    readonly pollSeconds: () => number;
}

const RECHECK_MS = 5000;

interface Entry {
    readonly view: RefreshableView;
    readonly debouncer: Debouncer;
    stale: boolean;
}

export class RefreshManager implements vscode.Disposable {
    private readonly entries = new Map<ViewKind, Entry>();
    private readonly disposables: vscode.Disposable[] = [];
    private subscriptions: EngineDisposable[] = [];
    private poll: NodeJS.Timeout | undefined;
    private recheck: NodeJS.Timeout | undefined;
    private active = false;
    private starting = 0;
    private lastState: string;

    constructor(
        private readonly connection: EngineConnection,
        views: readonly RefreshableView[],
        private readonly options: RefreshOptions,
        private readonly log?: vscode.LogOutputChannel,
    ) {
        this.lastState = connection.state.state;
        for (const view of views) {
            const entry: Entry = {
                view,
                stale: false,
                debouncer: new Debouncer(() => this.refreshIfVisible(entry), options.debounceMs, options.maxWaitMs),
            };
            this.entries.set(view.kind, entry);
            this.disposables.push(view.onDidChangeVisibility((visible) => this.onVisibility(entry, visible)));
        }
        this.disposables.push(
            connection.onDidReset(() => {
                this.stop();
                this.refreshAll();
                this.update();
            }),
            connection.onDidChangeState((state) => {
                const before = this.lastState;
                this.lastState = state.state;
                // Recovered: everything shown is outdated. Lost: the views empty themselves so the welcome
                // message shows. (A first contact needs nothing: the views that asked are drawing already.)
                if ((state.state === 'connected' && before === 'unreachable') || state.state === 'unreachable') {
                    this.refreshAll();
                }
                this.scheduleRecheck();
            }),
        );
        this.update();
    }

    /** Manual refresh of one view (or all): immediate, and re-checks the engine if it was unreachable. */
    async refreshNow(kind?: ViewKind): Promise<void> {
        this.connection.containers.invalidate();
        if (this.connection.state.state === 'unreachable' || this.connection.state.state === 'idle') {
            await this.connection.check();
        }
        for (const entry of this.entries.values()) {
            if (kind === undefined || entry.view.kind === kind) {
                entry.debouncer.cancel();
                entry.stale = false;
                entry.view.refresh();
            }
        }
        this.update();
    }

    /** Something changed through our own command: refresh the affected views soon (the event will follow too). */
    nudge(kinds: readonly ViewKind[]): void {
        this.connection.containers.invalidate();
        for (const kind of kinds) {
            this.entries.get(kind)?.debouncer.trigger();
        }
    }

    dispose(): void {
        this.stop();
        for (const d of this.disposables) {
            d.dispose();
        }
    }

    private onVisibility(entry: Entry, visible: boolean): void {
        if (visible && entry.stale) {
            entry.stale = false;
            entry.view.refresh();
        }
        this.update();
    }

    private refreshAll(): void {
        this.connection.containers.invalidate();
        for (const entry of this.entries.values()) {
            entry.debouncer.cancel();
            this.refreshIfVisible(entry);
        }
    }

    private refreshIfVisible(entry: Entry): void {
        if (entry.view.visible) {
            entry.stale = false;
            entry.view.refresh();
        } else {
            entry.stale = true;
        }
    }

    /** Starts or stops the stream to match visibility. */
    private update(): void {
        const anyVisible = [...this.entries.values()].some((e) => e.view.visible);
        if (anyVisible && !this.active) {
            void this.start();
        } else if (!anyVisible && this.active) {
            this.stop();
        }
    }

    private async start(): Promise<void> {
        this.active = true;
        const attempt = ++this.starting;
        let client;
        try {
            client = await this.connection.client();
        } catch {
            this.active = false; // recorded as unreachable; Retry or a settings change starts again
            return;
        }
        if (attempt !== this.starting || !this.active) {
            return; // stopped (or restarted) while the client was being built
        }
        const events = client.events;
        this.subscriptions = [
            events.onEvent((event) => {
                const kinds = viewsAffectedBy(event);
                if (kinds.length > 0) {
                    this.connection.containers.invalidate();
                }
                for (const kind of kinds) {
                    this.entries.get(kind)?.debouncer.trigger();
                }
            }),
            events.onStatus((status) => this.connection.applyStatus(status)),
        ];
        this.connection.applyStatus(events.status);
        this.log?.debug('Explorer: listening to engine events');
        this.schedulePoll();
        this.scheduleRecheck();
    }

    /**
     * While unreachable and shown, ask the engine now and then. The events stream reconnects by itself, but
     * a failure seen by a call (the stream still up, or not yet noticing) would otherwise never be retried.
     */
    private scheduleRecheck(): void {
        if (this.recheck || !this.active || this.connection.state.state !== 'unreachable') {
            return;
        }
        this.recheck = setTimeout(() => {
            this.recheck = undefined;
            if (this.active && this.connection.state.state === 'unreachable') {
                void this.connection.check().then(() => this.scheduleRecheck());
            }
        }, RECHECK_MS);
    }

    private schedulePoll(): void {
        const seconds = this.options.pollSeconds();
        if (seconds > 0) {
            this.poll = setTimeout(() => {
                if (this.active) {
                    if (this.connection.state.state === 'connected') {
                        this.refreshAll();
                    }
                    this.schedulePoll();
                }
            }, seconds * 1000);
        }
    }

    private stop(): void {
        this.active = false;
        this.starting++;
        for (const s of this.subscriptions) {
            s.dispose();
        }
        if (this.subscriptions.length > 0) {
            this.log?.debug('Explorer: all views hidden, engine events closed');
        }
        this.subscriptions = [];
        if (this.poll) {
            clearTimeout(this.poll);
            this.poll = undefined;
        }
        if (this.recheck) {
            clearTimeout(this.recheck);
            this.recheck = undefined;
        }
        // Events are no longer heard: whatever a view shows may go stale while hidden.
        for (const entry of this.entries.values()) {
            entry.debouncer.cancel();
            entry.stale = true;
        }
    }
}
