// Volume listing (sizes from /system/df, users from the container list) and creation.
import { filters, only, type OpsDeps } from './guardedOps';
import { toVolumeInfo } from './resourceMappers';
import type { CallOptions, DiskUsage, ListVolumesOptions, VolumeInfo } from './types';
import { containersUsingVolume } from './usage';

export interface VolumeSpec {
    name?: string;
    driver?: string;
    labels?: Record<string, string>;
    driverOpts?: Record<string, string>;
}

export async function listVolumes(
    d: Pick<OpsDeps, 'call' | 'listContainers'> & { diskUsage(options?: CallOptions): Promise<DiskUsage> },
    options: ListVolumesOptions = {},
): Promise<VolumeInfo[]> {
    const [raw, df, containers] = await Promise.all([
        d.call<{ Volumes?: unknown[] }>(
            {
                method: 'GET',
                path: '/volumes',
                query: { filters: filters(options.filters) },
                operation: 'list volumes',
            },
            options,
        ),
        options.withSizes ? d.diskUsage(only(options)) : undefined,
        options.withUsage ? d.listContainers(only(options)) : undefined,
    ]);
    const sizes = new Map((df?.volumes ?? []).map((v) => [v.name, v]));
    // A malformed answer (no list, or not an array) is an empty list, never a TypeError.
    return (Array.isArray(raw?.Volumes) ? raw.Volumes : []).map((r) => {
        const v = toVolumeInfo(r);
        const fromDf = sizes.get(v.name);
        const users = containers ? containersUsingVolume(containers, v.name) : undefined;
        return {
            ...v,
            size: fromDf?.size ?? v.size,
            refCount: users?.length ?? fromDf?.refCount ?? v.refCount,
            usedBy: users?.map((c) => c.name),
        };
    });
}

export async function createVolume(
    d: Pick<OpsDeps, 'call'>,
    spec: VolumeSpec = {},
    options?: CallOptions,
): Promise<VolumeInfo> {
    const body = { Name: spec.name, Driver: spec.driver, Labels: spec.labels, DriverOpts: spec.driverOpts };
    return toVolumeInfo(
        await d.call(
            {
                method: 'POST',
                path: '/volumes/create',
                body,
                ok: [200, 201],
                operation: `create volume ${spec.name ?? ''}`.trim(),
            },
            options,
        ),
    );
}
