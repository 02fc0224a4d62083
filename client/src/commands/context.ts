// What every explorer command receives: explicit dependencies, no global service locator.
import * as vscode from 'vscode';
import type { BuildSupport } from '../build/buildSupport';
import { type EngineClient, isEngineError } from '../engine/types';
import type { LogDocuments } from '../logs/logDocuments';
import type { ContainersView } from '../views/containersView';
import type { EngineConnection } from '../engineConnection';
import { errorText } from '../errorText';
import type { ImagesView } from '../views/imagesView';
import type { NetworksView } from '../views/networksView';
import type { RefreshManager } from '../views/refreshManager';
import type { VolumesView } from '../views/volumesView';
import type { InspectDocuments } from './inspect';
import type { PullOutput } from './pullImage';

export interface ExplorerViews {
    readonly containers: ContainersView;
    readonly images: ImagesView;
    readonly volumes: VolumesView;
    readonly networks: NetworksView;
}

export interface ExplorerContext {
    readonly connection: EngineConnection;
    readonly refresh: RefreshManager;
    readonly views: ExplorerViews;
    readonly logs: LogDocuments;
    readonly inspect: InspectDocuments;
    readonly log: vscode.LogOutputChannel;
    /** Build Image state (output channel, diagnostics, remembered answers). */
    readonly build: BuildSupport;
    /** Pull Image's output channel and the pulls it shows. */
    readonly pulls: PullOutput;
    /** Workspace state: remembered answers (Run Image's last plans). */
    readonly state: vscode.Memento;
}

/** A command handler: the context, then what VS Code (node, selection) or the caller (ids, names) passed. */
export type Action = (ctx: ExplorerContext, ...args: unknown[]) => Promise<void>;

/** The engine client; a failure to build one is shown by the views' welcome message and rethrown. */
export function client(ctx: ExplorerContext): Promise<EngineClient> {
    return ctx.connection.client();
}

/** Shows a failed action; a cancellation is silent, an unreachable engine also updates the views. */
export function showError(ctx: ExplorerContext, what: string, e: unknown): void {
    if (isEngineError(e) && e.cause === 'cancelled') {
        return;
    }
    ctx.connection.reportError(e);
    ctx.log.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void vscode.window.showErrorMessage(`${what}: ${errorText(e)}`);
}

/** A modal confirmation (destructive actions always ask, trusted workspace or not). */
export async function confirm(message: string, detail: string, action: string): Promise<boolean> {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return answer === action;
}

/** "web, db and 3 more" for messages. */
export function listNames(names: readonly string[], max = 8): string {
    if (names.length <= max) {
        return names.join(', ');
    }
    return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export interface BulkResult<T> {
    readonly done: T[];
    readonly failed: { item: T; error: unknown }[];
}

/**
 * Runs one engine action over several items (a few at a time), with progress in the view. Failures are
 * collected and reported together, so one bad container does not stop the others.
 */
export async function bulk<T>(
    ctx: ExplorerContext,
    viewId: string,
    title: string,
    items: readonly T[],
    nameOf: (item: T) => string,
    action: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<BulkResult<T>> {
    const done: T[] = [];
    const failed: { item: T; error: unknown }[] = [];
    await vscode.window.withProgress({ location: { viewId }, title, cancellable: false }, () =>
        vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: `${title}…`, cancellable: false },
            async () => {
                const controller = new AbortController();
                const queue = [...items];
                const worker = async (): Promise<void> => {
                    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
                        try {
                            await action(item, controller.signal);
                            done.push(item);
                        } catch (error) {
                            failed.push({ item, error });
                        }
                    }
                };
                await Promise.all(Array.from({ length: Math.min(4, items.length) }, worker));
            },
        ),
    );
    if (failed.length > 0) {
        const first = failed[0]!;
        const more = failed.length > 1 ? ` (and ${failed.length - 1} more failed)` : '';
        showError(ctx, `${title} failed for ${nameOf(first.item)}${more}`, first.error);
        for (const f of failed.slice(1)) {
            ctx.log.error(`${title} failed for ${nameOf(f.item)}: ${errorText(f.error)}`);
        }
    }
    return { done, failed };
}
