// The engine's blanket prune endpoints, one per kind, with deadlines long enough for a large engine; volumes
// also mean the same on every engine version.
import { apiNumber, enc, filters, only, type OpsDeps } from './guardedOps';
import { toPruneResult } from './resourceMappers';
import { EngineError, type CallOptions, type PruneResult } from './types';

type PruneOptions = CallOptions & { filters?: Record<string, string[]> };

export async function pruneContainers(d: OpsDeps, options?: PruneOptions): Promise<PruneResult> {
    const raw = await d.call(
        {
            method: 'POST',
            path: '/containers/prune',
            query: { filters: filters(options?.filters) },
            operation: 'prune containers',
        },
        { ...options, timeoutMs: options?.timeoutMs ?? 120_000 },
    );
    return toPruneResult('container', raw);
}

export async function pruneImages(d: OpsDeps, options?: PruneOptions & { all?: boolean }): Promise<PruneResult> {
    const f = { ...options?.filters, ...(options?.all ? { dangling: ['false'] } : {}) };
    const raw = await d.call(
        { method: 'POST', path: '/images/prune', query: { filters: filters(f) }, operation: 'prune images' },
        { ...options, timeoutMs: options?.timeoutMs ?? 300_000 },
    );
    return toPruneResult('image', raw);
}

export async function pruneNetworks(d: OpsDeps, options?: PruneOptions): Promise<PruneResult> {
    const raw = await d.call(
        {
            method: 'POST',
            path: '/networks/prune',
            query: { filters: filters(options?.filters) },
            operation: 'prune networks',
        },
        { ...options, timeoutMs: options?.timeoutMs ?? 60_000 },
    );
    return toPruneResult('network', raw);
}

/** `all: false` means anonymous volumes only, as on API ≥ 1.42, also on older engines that would take all. */
export async function pruneVolumesPortable(
    d: OpsDeps,
    options?: PruneOptions & { all?: boolean },
): Promise<PruneResult> {
    const timeoutMs = options?.timeoutMs ?? 300_000;
    const modern = apiNumber(await d.serverApi(only(options))) >= 1042;
    if (modern || options?.all) {
        const f = { ...options?.filters, ...(options?.all && modern ? { all: ['true'] } : {}) };
        const raw = await d.call(
            { method: 'POST', path: '/volumes/prune', query: { filters: filters(f) }, operation: 'prune volumes' },
            { ...options, timeoutMs },
        );
        return toPruneResult('volume', raw);
    }
    // Old engine, anonymous only: do what a modern engine does, volume by volume.
    const volumes = await d.listVolumes({
        ...only(options),
        filters: options?.filters,
        withUsage: true,
        withSizes: true,
        timeoutMs,
    });
    const removed: string[] = [];
    let spaceReclaimed = 0;
    for (const v of volumes.filter((x) => x.anonymous && (x.usedBy?.length ?? 0) === 0)) {
        try {
            await d.call(
                { method: 'DELETE', path: `/volumes/${enc(v.name)}`, operation: `remove volume ${v.name}` },
                options,
            );
            removed.push(v.name);
            spaceReclaimed += v.size ?? 0;
        } catch (e) {
            if (!(e instanceof EngineError) || (e.cause !== 'inUse' && e.cause !== 'notFound')) {
                throw e;
            }
        }
    }
    return { kind: 'volume', removed, spaceReclaimed };
}
