// Dockwise: Prune…: one listing of the engine, checkboxes per kind with counts and sizes, the exact list and
// the space in a modal, then exactly those items removed by id (pruneRun.ts), with what failed reported.
import * as vscode from 'vscode';
import { type ExplorerContext, client } from './context';
import {
    KIND_LABELS,
    PRUNE_KINDS,
    describePlan,
    kindDescription,
    planPrune,
    summarizeOutcomes,
    type PruneItem,
    type PruneInputs,
    type PruneKind,
} from './prunePlan';
import { executePrune } from './pruneRun';

/** Named volumes hold data someone chose to keep: never preselected. */
const PRESELECTED = new Set<PruneKind>(['containers', 'images', 'anonymousVolumes', 'networks']);

const KIND_DETAIL: Readonly<Record<PruneKind, string>> = {
    containers: 'created, exited or dead',
    images: 'untagged and used by no container',
    anonymousVolumes: 'created by VOLUME or -v without a name, mounted by no container',
    namedVolumes: 'their data is deleted',
    networks: 'custom networks no container is configured for',
};

async function listEngine(ctx: ExplorerContext): Promise<PruneInputs> {
    const c = await client(ctx);
    return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Looking for unused items…' },
        async () => {
            // Volume sizes come from /system/df, which walks every volume: allow it time.
            const [containers, images, volumes, networks] = await Promise.all([
                c.listContainers({ all: true, size: true, timeoutMs: 120_000 }),
                c.listImages(),
                c.listVolumes({ withSizes: true, timeoutMs: 120_000 }),
                c.listNetworks(),
            ]);
            return { containers, images, volumes, networks };
        },
    );
}

/** The kinds the user wants, among those with candidates; no question when only one kind is offered. */
async function pickKinds(
    candidates: readonly PruneItem[],
    offered: readonly PruneKind[],
): Promise<PruneKind[] | undefined> {
    const kinds = offered.filter((k) => candidates.some((i) => i.kind === k));
    if (kinds.length <= 1) {
        return kinds;
    }
    const picked = await vscode.window.showQuickPick(
        kinds.map((pruneKind) => ({
            label: KIND_LABELS[pruneKind],
            description: kindDescription(candidates, pruneKind),
            detail: KIND_DETAIL[pruneKind],
            picked: PRESELECTED.has(pruneKind),
            pruneKind,
        })),
        { title: 'Prune', placeHolder: 'What should go? The next step lists every item.', canPickMany: true },
    );
    return picked?.map((p) => p.pruneKind);
}

/** `only`: the per-view Prune commands (volumes, networks) offer their own kinds through the same steps. */
export async function systemPrune(ctx: ExplorerContext, options: { only?: readonly PruneKind[] } = {}): Promise<void> {
    const offered = options.only ?? PRUNE_KINDS;
    const inputs = await listEngine(ctx);
    const candidates = planPrune(inputs, { kinds: offered });
    if (candidates.length === 0) {
        const what = offered.map((k) => KIND_LABELS[k].toLowerCase()).join(', ');
        void vscode.window.showInformationMessage(`Nothing to prune: no ${what}.`);
        return;
    }
    const chosen = await pickKinds(candidates, offered);
    if (!chosen || chosen.length === 0) {
        return;
    }
    // Planned again for the chosen kinds: a stopped container that stays still holds its image and volumes.
    const items = planPrune(inputs, { kinds: chosen });
    if (items.length === 0) {
        void vscode.window.showInformationMessage('Nothing to prune: stopped containers that stay still use them.');
        return;
    }
    const plan = describePlan(items);
    ctx.log.info(`Prune: confirming ${items.length} item(s):\n${plan.detail}`);
    const answer = await vscode.window.showWarningMessage(plan.message, { modal: true, detail: plan.detail }, 'Remove');
    if (answer !== 'Remove') {
        return;
    }
    const c = await client(ctx);
    const outcomes = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Pruning', cancellable: true },
        async (progress, token) => {
            const controller = new AbortController();
            const sub = token.onCancellationRequested(() => controller.abort());
            try {
                return await executePrune(c, items, {
                    signal: controller.signal,
                    onOutcome: (o, done) =>
                        progress.report({
                            message: `${done}/${items.length} · ${o.item.name}`,
                            increment: 100 / items.length,
                        }),
                });
            } finally {
                sub.dispose();
            }
        },
    );
    ctx.refresh.nudge(['containers', 'images', 'volumes', 'networks']);
    const { message, problems } = summarizeOutcomes(outcomes);
    for (const p of problems) {
        ctx.log.warn(`Prune: ${p}`);
    }
    if (problems.length === 0) {
        void vscode.window.showInformationMessage(message);
        return;
    }
    const choice = await vscode.window.showWarningMessage(message, 'Show Log');
    if (choice === 'Show Log') {
        ctx.log.show();
    }
}
