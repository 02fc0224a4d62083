// Removals that check usage first, so a refusal names the containers (the engine refuses late, with ids only,
// or not at all when untagging), and the small helpers the other operation modules share.
import type { RequestSpec } from './transport';
import {
    EngineError,
    type CallOptions,
    type ContainerInfo,
    type ImageDetails,
    type ImageRemoveResult,
    type ListVolumesOptions,
    type NetworkInfo,
    type VolumeInfo,
} from './types';
import { containersUsingImage, containersUsingVolume, inUseError, namesForIds, withNetworkMembers } from './usage';

export const enc = encodeURIComponent;
export type Filters = Record<string, string[]> | undefined;
/** Empty filters are left out of the query. */
export const filters = (f: Filters): Filters => (f && Object.keys(f).length ? f : undefined);
/** Only the signal and deadline: never leak one listing's filters into another. */
export const only = (o: CallOptions | undefined): CallOptions => ({ signal: o?.signal, timeoutMs: o?.timeoutMs });

/** API version "1.41" → comparable number 1041. */
export const apiNumber = (v: string): number => {
    const [major, minor] = v.split('.').map(Number);
    return (major ?? 0) * 1000 + (minor ?? 0);
};

/** What these operations need from the client. */
export interface OpsDeps {
    call<T>(spec: RequestSpec, options?: CallOptions): Promise<T>;
    serverApi(options?: CallOptions): Promise<string>;
    listContainers(options?: CallOptions): Promise<ContainerInfo[]>;
    inspectImage(id: string, options?: CallOptions): Promise<ImageDetails>;
    inspectNetwork(id: string, options?: CallOptions): Promise<NetworkInfo>;
    listVolumes(options?: ListVolumesOptions): Promise<VolumeInfo[]>;
}

export async function removeImageGuarded(
    d: OpsDeps,
    id: string,
    options?: CallOptions & { force?: boolean; noPrune?: boolean },
): Promise<ImageRemoveResult> {
    const [image, containers] = await Promise.all([d.inspectImage(id, only(options)), d.listContainers(only(options))]);
    const users = containersUsingImage(containers, image.id);
    // Untagging one of several tags leaves the image (and its containers) alone: only guard the last reference.
    const removesImage = image.repoTags.length <= 1 || !image.repoTags.includes(id);
    if (users.length > 0 && removesImage && !options?.force) {
        throw inUseError(
            `Image ${image.repoTags[0] ?? image.id.slice(7, 19)}`,
            users,
            'Remove those containers first, or force the removal (the containers keep running on the untagged image).',
        );
    }
    const raw = await d.call<unknown[]>(
        {
            method: 'DELETE',
            path: `/images/${enc(id)}`,
            query: { force: options?.force ? 1 : undefined, noprune: options?.noPrune ? 1 : undefined },
            operation: `remove image ${id}`,
        },
        options,
    );
    const result: ImageRemoveResult = { untagged: [], deleted: [] };
    for (const r of Array.isArray(raw) ? (raw as Record<string, unknown>[]) : []) {
        if (typeof r.Untagged === 'string') {
            result.untagged.push(r.Untagged);
        }
        if (typeof r.Deleted === 'string') {
            result.deleted.push(r.Deleted);
        }
    }
    return result;
}

export async function removeVolumeGuarded(
    d: OpsDeps,
    name: string,
    options?: CallOptions & { force?: boolean },
): Promise<void> {
    const containers = await d.listContainers(only(options));
    const users = containersUsingVolume(containers, name);
    if (users.length > 0) {
        throw inUseError(
            `Volume ${name}`,
            users,
            'Remove those containers first (stopping is not enough: a stopped container still holds its volumes).',
        );
    }
    try {
        await d.call(
            {
                method: 'DELETE',
                path: `/volumes/${enc(name)}`,
                query: { force: options?.force ? 1 : undefined },
                operation: `remove volume ${name}`,
            },
            options,
        );
    } catch (e) {
        // A container may have started using it meanwhile: name it, as above.
        if (e instanceof EngineError && e.cause === 'inUse' && e.details.usedBy?.length) {
            const fresh = await d.listContainers(only(options)).catch(() => containers);
            const named = namesForIds(e.details.usedBy, fresh);
            throw new EngineError('inUse', `Volume ${name} is used by ${named.join(', ')}.`, e.fix, {
                ...e.details,
                usedBy: named,
            });
        }
        throw e;
    }
}

export async function removeNetworkGuarded(d: OpsDeps, id: string, options?: CallOptions): Promise<void> {
    const [network] = withNetworkMembers(
        [await d.inspectNetwork(id, only(options))],
        await d.listContainers(only(options)),
    );
    if (!network) {
        return;
    }
    if (network.builtIn) {
        throw new EngineError(
            'conflict',
            `Network ${network.name} is built in and cannot be removed.`,
            'Only networks you created can be removed.',
        );
    }
    if (network.containers.length > 0) {
        const users = network.containers.map((c) => ({ name: c.name || c.id.slice(0, 12) }) as ContainerInfo);
        throw inUseError(`Network ${network.name}`, users, 'Disconnect or remove those containers first.');
    }
    await d.call(
        { method: 'DELETE', path: `/networks/${enc(network.id)}`, operation: `remove network ${network.name}` },
        options,
    );
}
