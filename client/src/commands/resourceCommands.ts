// The shape volumes and networks share: pick targets (invoked nodes, ids, or a quick pick of a fresh list),
// refuse removal while containers hold them (naming those), else confirm and remove a few at a time.
import * as vscode from 'vscode';
import { type ContainerInfo, type EngineClient, isAlreadyRemoved } from '../engine/types';
import type { ExplorerNode } from '../views/nodes';
import type { ViewKind } from '../views/refreshPolicy';
import { type ExplorerContext, bulk, client, confirm, listNames } from './context';
import { invokedNodes } from './targets';

export interface ResourceShape<N> {
    /** "volume", "network": used in prompts and messages. */
    readonly noun: string;
    readonly view: string;
    readonly refreshKind: ViewKind;
    /** A fresh list (containers invalidated first: usage must be current before a removal). */
    fresh(ctx: ExplorerContext): Promise<N[]>;
    /** The key of an invoked node of this kind, undefined for other kinds. */
    keyOf(node: ExplorerNode): string | undefined;
    matches(n: N, key: string): boolean;
    name(n: N): string;
    /** Quick pick description. */
    describe(n: N): string;
    /** Containers holding it (removal is refused while there are any). */
    users(n: N): readonly ContainerInfo[];
    remove(c: EngineClient, n: N, signal: AbortSignal): Promise<void>;
}

export async function resourceTargets<N>(
    ctx: ExplorerContext,
    shape: ResourceShape<N>,
    args: readonly unknown[],
    verb: string,
    eligible: (n: N) => boolean = () => true,
): Promise<N[] | undefined> {
    const all = await shape.fresh(ctx);
    const invoked = invokedNodes(args);
    if (invoked) {
        const out: N[] = [];
        for (const n of invoked) {
            const key = typeof n === 'string' ? n : shape.keyOf(n);
            if (key !== undefined) {
                const found = all.find((x) => shape.matches(x, key));
                if (!found) {
                    throw new Error(`No such ${shape.noun}: ${key}`);
                }
                out.push(found);
            }
        }
        return out.length > 0 ? out : undefined;
    }
    const candidates = all.filter(eligible);
    if (candidates.length === 0) {
        void vscode.window.showInformationMessage(`No ${shape.noun} to ${verb}.`);
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(
        candidates.map((n) => ({ label: shape.name(n), description: shape.describe(n), node: n })),
        { placeHolder: `${shape.noun[0]!.toUpperCase()}${shape.noun.slice(1)} to ${verb}`, canPickMany: true },
    );
    return picked && picked.length > 0 ? picked.map((p) => p.node) : undefined;
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
export async function removeResources<N>(
    ctx: ExplorerContext,
    shape: ResourceShape<N>,
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
    await bulk(ctx, shape.view, `Removing ${shape.noun}s`, targets, shape.name, async (n, signal) => {
        try {
            await shape.remove(c, n, signal);
        } catch (e) {
            // Removed meanwhile by another window or the CLI: what the user asked for, not an error.
            if (!isAlreadyRemoved(e)) {
                throw e;
            }
            ctx.log.info(`Remove ${shape.name(n)}: it was already removed by someone else.`);
        }
    });
    ctx.refresh.nudge([shape.refreshKind]);
}
