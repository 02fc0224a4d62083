// The one removal path: remove a few at a time with progress in the view, an item someone else removed
// meanwhile counting as removed. Volumes and networks also share the refusal while containers hold them.
import * as vscode from 'vscode';
import { type ContainerInfo, type EngineClient, isAlreadyRemoved } from '../engine/types';
import type { ViewKind } from '../views/refreshPolicy';
import { type BulkResult, type ExplorerContext, bulk, client, confirm, listNames } from './context';
import type { ResourceShape } from './targets';

/** Removes every target; failures are reported together (see bulk), an item already gone is not one. */
export async function removeEach<N>(
    ctx: ExplorerContext,
    shape: ResourceShape<N>,
    targets: readonly N[],
    remove: (n: N, signal: AbortSignal) => Promise<void>,
    title = `Removing ${shape.noun}s`,
): Promise<BulkResult<N>> {
    return bulk(ctx, shape.view, title, targets, shape.name, async (n, signal) => {
        try {
            await remove(n, signal);
        } catch (e) {
            // Removed meanwhile by another window or the CLI: what the user asked for, not an error.
            if (!isAlreadyRemoved(e)) {
                throw e;
            }
            ctx.log.info(`Remove ${shape.name(n)}: it was already removed by someone else.`);
        }
    });
}

/** A resource that containers hold (volumes, networks): removal is refused while they do. */
export interface HeldShape<N> extends ResourceShape<N> {
    readonly refreshKind: ViewKind;
    /** Containers holding it (removal is refused while there are any). */
    users(n: N): readonly ContainerInfo[];
    remove(c: EngineClient, n: N, signal: AbortSignal): Promise<void>;
}

export interface RemoveWords<N> {
    /** The refusal's title for one held item, e.g. "Volume data is in use." */
    inUse(n: N): string;
    /** What to do instead, e.g. "Remove those containers first; then remove the volume." */
    readonly inUseFix: string;
    /** Said before "This cannot be undone." in the confirmation, e.g. "All data in it is deleted." */
    readonly consequence?: (count: number) => string;
}

/** Refuses while containers hold any target (naming them), else confirms and removes every target. */
export async function removeHeld<N>(
    ctx: ExplorerContext,
    shape: HeldShape<N>,
    targets: readonly N[],
    words: RemoveWords<N>,
): Promise<void> {
    const held = targets.filter((n) => shape.users(n).length > 0);
    if (held.length > 0) {
        // Refused, not offered: the containers may need it back when they restart.
        const lines = held.map(
            (n) => `${shape.name(n)}: ${listNames(shape.users(n).map((c) => `${c.name} (${c.state})`))}`,
        );
        await vscode.window.showWarningMessage(
            held.length === 1 ? words.inUse(held[0]!) : `${held.length} ${shape.noun}s are in use.`,
            { modal: true, detail: `${lines.join('\n')}\n\n${words.inUseFix}` },
        );
        return;
    }
    if (targets.length === 0) {
        return;
    }
    const names = targets.map((n) => shape.name(n));
    const consequence = words.consequence?.(targets.length);
    const ok = await confirm(
        targets.length === 1 ? `Remove ${shape.noun} ${names[0]}?` : `Remove ${targets.length} ${shape.noun}s?`,
        [targets.length > 1 ? listNames(names) : '', `${consequence ? `${consequence} ` : ''}This cannot be undone.`]
            .filter(Boolean)
            .join('\n\n'),
        'Remove',
    );
    if (!ok) {
        return;
    }
    const c = await client(ctx);
    await removeEach(ctx, shape, targets, (n, signal) => shape.remove(c, n, signal));
    ctx.refresh.nudge([shape.refreshKind]);
}
