// Who uses what, computed from the container list (any state): the engine's own answers are ids only, or
// missing (image/network lists), or it checks too late (after the user confirmed). Pure.
import { EngineError, type ContainerInfo, type ImageInfo, type NetworkInfo } from './types';

/** Containers (any state) mounting the volume. */
export function containersUsingVolume(containers: ContainerInfo[], volume: string): ContainerInfo[] {
    return containers.filter((c) => c.mounts.some((m) => m.type === 'volume' && (m.name ?? m.source) === volume));
}

const bareId = (id: string): string => id.replace(/^sha256:/, '');

/** Containers (any state) created from the image id. */
export function containersUsingImage(containers: ContainerInfo[], imageId: string): ContainerInfo[] {
    const id = bareId(imageId);
    return containers.filter((c) => bareId(c.imageId) === id);
}

/** Fills ImageInfo.containers where the engine left it unknown (-1 before /system/df). */
export function withImageUsage(images: ImageInfo[], containers: ContainerInfo[]): ImageInfo[] {
    const counts = new Map<string, number>();
    for (const c of containers) {
        counts.set(bareId(c.imageId), (counts.get(bareId(c.imageId)) ?? 0) + 1);
    }
    return images.map((i) => ({ ...i, containers: i.containers ?? counts.get(bareId(i.id)) ?? 0 }));
}

/** The network list carries no members: take them from the containers' network settings. */
export function withNetworkMembers(networks: NetworkInfo[], containers: ContainerInfo[]): NetworkInfo[] {
    return networks.map((n) => {
        if (n.containers.length > 0) {
            return n;
        }
        const members = containers.flatMap((c) =>
            c.networkDetails
                .filter((d) => (d.networkId ? d.networkId === n.id : d.name === n.name))
                .map((d) => ({
                    id: c.id,
                    name: c.name,
                    ipv4Address: d.ipAddress,
                    ipv6Address: d.ipv6Address,
                    macAddress: d.macAddress,
                })),
        );
        return { ...n, containers: members };
    });
}

const describe = (cs: { name: string; state?: string }[]): string =>
    cs.map((c) => (c.state ? `${c.name} (${c.state})` : c.name)).join(', ');

/** The 'inUse' refusal, naming the containers. */
export function inUseError(what: string, users: ContainerInfo[], fix: string, engineMessage?: string): EngineError {
    const names = users.map((c) => c.name);
    return new EngineError(
        'inUse',
        `${what} is used by ${users.length === 1 ? 'container' : `${users.length} containers`} ${describe(users)}.`,
        fix,
        { usedBy: names, engineMessage, statusCode: 409 },
    );
}

/** Replaces container ids in an engine refusal by names (ids that match no container are kept). */
export function namesForIds(ids: string[], containers: ContainerInfo[]): string[] {
    return ids.map((id) => containers.find((c) => c.id.startsWith(id) || c.name === id)?.name ?? id);
}
