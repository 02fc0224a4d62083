// Carries out a prune plan item by item, by id: containers first (so what only they used can go next),
// then images, volumes, networks. Never the engine's blanket /prune endpoints, which would also take what
// appeared after the user confirmed the list. No vscode: the engine tests drive it directly.
import { type EngineClient, isEngineError } from '../engine/types';
import { PRUNE_KINDS, type PruneItem, type PruneOutcome } from './prunePlan';

export type PruneEngine = Pick<
    EngineClient,
    'removeContainer' | 'inspectImage' | 'removeImage' | 'removeVolume' | 'removeNetwork'
>;

async function removeOne(engine: PruneEngine, item: PruneItem, signal?: AbortSignal): Promise<PruneOutcome> {
    const o = { signal };
    try {
        switch (item.kind) {
            case 'containers':
                // Not forced: a container started since the listing makes the engine refuse, which is right.
                await engine.removeContainer(item.id, o);
                break;
            case 'images': {
                // A dangling image tagged since the listing is someone's image now: removing by id would delete it.
                const now = await engine.inspectImage(item.id, o);
                if (now.repoTags.some((t) => t !== '<none>:<none>')) {
                    return { item, status: 'skipped', reason: `tagged ${now.repoTags.join(', ')} since the listing` };
                }
                await engine.removeImage(item.id, o);
                break;
            }
            case 'anonymousVolumes':
            case 'namedVolumes':
                await engine.removeVolume(item.id, o);
                break;
            case 'networks':
                await engine.removeNetwork(item.id, o);
                break;
        }
        return { item, status: 'removed' };
    } catch (e) {
        if (isEngineError(e) && e.cause === 'cancelled') {
            return { item, status: 'skipped', reason: 'cancelled' };
        }
        if (isEngineError(e) && e.cause === 'notFound') {
            return { item, status: 'gone' };
        }
        if (isEngineError(e) && e.cause === 'conflict' && item.kind === 'containers') {
            return { item, status: 'skipped', reason: 'running since the listing' };
        }
        if (isEngineError(e) && e.cause === 'inUse' && e.details.usedBy?.length) {
            return { item, status: 'failed', reason: `in use by ${e.details.usedBy.join(', ')}` };
        }
        return { item, status: 'failed', reason: e instanceof Error ? e.message : String(e) };
    }
}

/** Removes exactly `items`; a cancellation leaves the rest as 'skipped'. */
export async function executePrune(
    engine: PruneEngine,
    items: readonly PruneItem[],
    options: { signal?: AbortSignal; onOutcome?: (o: PruneOutcome, done: number) => void } = {},
): Promise<PruneOutcome[]> {
    const ordered = PRUNE_KINDS.flatMap((k) => items.filter((i) => i.kind === k));
    const outcomes: PruneOutcome[] = [];
    for (const item of ordered) {
        const o: PruneOutcome = options.signal?.aborted
            ? { item, status: 'skipped', reason: 'cancelled' }
            : await removeOne(engine, item, options.signal);
        outcomes.push(o);
        options.onOutcome?.(o, outcomes.length);
    }
    return outcomes;
}
