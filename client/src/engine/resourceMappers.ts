// Engine JSON → images, volumes, networks, prune results, disk usage, version/info and events. Pure.
import {
    bool,
    COMPOSE_PROJECT,
    epochMs,
    MAX_DATE_MS,
    num,
    obj,
    parseTime,
    str,
    strArray,
    strRecord,
    toContainerInfo,
} from './mappers';
import type {
    DiskUsage,
    EngineEvent,
    EngineEventKind,
    EngineInfo,
    EngineVersion,
    ImageDetails,
    ImageInfo,
    NetworkContainer,
    NetworkInfo,
    PruneResult,
    VolumeInfo,
} from './types';

const realRefs = (v: unknown): string[] => strArray(v).filter((r) => !r.startsWith('<none>'));

/** One item of GET /images/json (or /system/df's Images). */
export function toImageInfo(raw: unknown): ImageInfo {
    const i = obj(raw);
    const repoTags = realRefs(i.RepoTags);
    const containers = num(i.Containers, -1);
    return {
        id: str(i.Id),
        repoTags,
        repoDigests: realRefs(i.RepoDigests),
        size: num(i.Size),
        created: epochMs(i.Created),
        containers: containers >= 0 ? containers : undefined,
        dangling: repoTags.length === 0,
        labels: strRecord(i.Labels),
        parentId: str(i.ParentId) || undefined,
    };
}

/** GET /images/{id}/json. */
export function toImageDetails(raw: unknown): ImageDetails {
    const i = obj(raw);
    const config = obj(i.Config);
    const repoTags = realRefs(i.RepoTags);
    return {
        id: str(i.Id),
        repoTags,
        repoDigests: realRefs(i.RepoDigests),
        size: num(i.Size),
        created: parseTime(i.Created) ?? 0,
        dangling: repoTags.length === 0,
        labels: strRecord(config.Labels),
        parentId: str(i.Parent) || undefined,
        architecture: str(i.Architecture),
        os: str(i.Os),
        author: str(i.Author) || undefined,
        comment: str(i.Comment) || undefined,
        env: strArray(config.Env),
        cmd: strArray(config.Cmd),
        entrypoint: strArray(config.Entrypoint),
        workingDir: str(config.WorkingDir),
        user: str(config.User),
        exposedPorts: Object.keys(obj(config.ExposedPorts)),
        volumes: Object.keys(obj(config.Volumes)),
        layers: strArray(obj(i.RootFS).Layers).length,
    };
}

/** Anonymous volumes get a 64-hex-character name. */
export const isAnonymousVolumeName = (name: string): boolean => /^[0-9a-f]{64}$/.test(name);

/** One volume of GET /volumes, /volumes/{name} or /system/df (which adds UsageData). */
export function toVolumeInfo(raw: unknown): VolumeInfo {
    const v = obj(raw);
    const name = str(v.Name);
    const labels = strRecord(v.Labels);
    const usage = obj(v.UsageData);
    const size = num(usage.Size, -1);
    const refCount = num(usage.RefCount, -1);
    return {
        name,
        driver: str(v.Driver, 'local'),
        mountpoint: str(v.Mountpoint),
        createdAt: parseTime(v.CreatedAt),
        labels,
        options: strRecord(v.Options),
        scope: str(v.Scope, 'local'),
        size: size >= 0 ? size : undefined,
        refCount: refCount >= 0 ? refCount : undefined,
        anonymous: isAnonymousVolumeName(name),
        composeProject: labels[COMPOSE_PROJECT],
    };
}

/** Networks the engine creates itself; they cannot be removed. */
export const BUILT_IN_NETWORKS = new Set(['bridge', 'host', 'none', 'ingress', 'docker_gwbridge', 'podman']);

/** GET /networks item or /networks/{id}. */
export function toNetworkInfo(raw: unknown): NetworkInfo {
    const n = obj(raw);
    const name = str(n.Name);
    const labels = strRecord(n.Labels);
    const containers: NetworkContainer[] = Object.entries(obj(n.Containers)).map(([id, c]) => {
        const e = obj(c);
        return {
            id,
            name: str(e.Name),
            ipv4Address: str(e.IPv4Address) || undefined,
            ipv6Address: str(e.IPv6Address) || undefined,
            macAddress: str(e.MacAddress) || undefined,
        };
    });
    const ipamConfig = obj(n.IPAM).Config;
    return {
        id: str(n.Id),
        name,
        driver: str(n.Driver),
        scope: str(n.Scope, 'local'),
        internal: bool(n.Internal),
        attachable: bool(n.Attachable),
        ipv6: bool(n.EnableIPv6),
        created: parseTime(n.Created),
        labels,
        subnets: (Array.isArray(ipamConfig) ? ipamConfig : []).map((c) => ({
            subnet: str(obj(c).Subnet) || undefined,
            gateway: str(obj(c).Gateway) || undefined,
        })),
        containers,
        builtIn: BUILT_IN_NETWORKS.has(name) || bool(n.Ingress),
        composeProject: labels[COMPOSE_PROJECT],
    };
}

/** POST /{containers,images,volumes,networks}/prune. */
export function toPruneResult(kind: PruneResult['kind'], raw: unknown): PruneResult {
    const r = obj(raw);
    let removed: string[];
    switch (kind) {
        case 'container':
            removed = strArray(r.ContainersDeleted);
            break;
        case 'volume':
            removed = strArray(r.VolumesDeleted);
            break;
        case 'network':
            removed = strArray(r.NetworksDeleted);
            break;
        case 'image':
            removed = (Array.isArray(r.ImagesDeleted) ? r.ImagesDeleted : []).map((d) => {
                const e = obj(d);
                return str(e.Deleted) || str(e.Untagged);
            });
            break;
    }
    return { kind, removed: removed.filter(Boolean), spaceReclaimed: num(r.SpaceReclaimed) };
}

/** GET /system/df. */
export function toDiskUsage(raw: unknown): DiskUsage {
    const d = obj(raw);
    const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
    const buildCache = list(d.BuildCache);
    return {
        layersSize: num(d.LayersSize),
        images: list(d.Images).map(toImageInfo),
        containers: list(d.Containers).map(toContainerInfo),
        volumes: list(d.Volumes).map(toVolumeInfo),
        buildCacheSize: buildCache.length ? buildCache.reduce<number>((s, b) => s + num(obj(b).Size), 0) : undefined,
    };
}

/** GET /version. */
export function toEngineVersion(raw: unknown): EngineVersion {
    const v = obj(raw);
    return {
        version: str(v.Version),
        apiVersion: str(v.ApiVersion),
        minApiVersion: str(v.MinAPIVersion) || undefined,
        os: str(v.Os),
        arch: str(v.Arch),
        kernelVersion: str(v.KernelVersion) || undefined,
        platformName: str(obj(v.Platform).Name) || undefined,
        components: (Array.isArray(v.Components) ? v.Components : []).map((c) => ({
            name: str(obj(c).Name),
            version: str(obj(c).Version),
        })),
    };
}

/** GET /info. */
export function toEngineInfo(raw: unknown): EngineInfo {
    const i = obj(raw);
    const securityOptions = strArray(i.SecurityOptions);
    return {
        id: str(i.ID),
        name: str(i.Name),
        serverVersion: str(i.ServerVersion),
        operatingSystem: str(i.OperatingSystem),
        osType: str(i.OSType),
        architecture: str(i.Architecture),
        cpus: num(i.NCPU),
        memTotal: num(i.MemTotal),
        containers: num(i.Containers),
        containersRunning: num(i.ContainersRunning),
        containersPaused: num(i.ContainersPaused),
        containersStopped: num(i.ContainersStopped),
        images: num(i.Images),
        driver: str(i.Driver),
        dockerRootDir: str(i.DockerRootDir),
        loggingDriver: str(i.LoggingDriver),
        cgroupDriver: str(i.CgroupDriver) || undefined,
        cgroupVersion: str(i.CgroupVersion) || undefined,
        rootless: securityOptions.some((o) => o.includes('name=rootless')),
        securityOptions,
        warnings: strArray(i.Warnings),
        volumeDrivers: strArray(obj(i.Plugins).Volume),
    };
}

const EVENT_KINDS: readonly EngineEventKind[] = ['container', 'image', 'volume', 'network', 'daemon'];

/** One /events message; undefined for kinds we do not follow (plugin, service, node…). */
export function toEngineEvent(raw: unknown): EngineEvent | undefined {
    const e = obj(raw);
    const kind = str(e.Type) as EngineEventKind;
    if (!EVENT_KINDS.includes(kind)) {
        return undefined;
    }
    const actor = obj(e.Actor);
    const attributes = strRecord(actor.Attributes);
    const fullAction = str(e.Action, str(e.status));
    const colon = fullAction.indexOf(':');
    const action = colon >= 0 ? fullAction.slice(0, colon).trim() : fullAction;
    const actionDetail = colon >= 0 ? fullAction.slice(colon + 1).trim() : undefined;
    const id = str(actor.ID, str(e.id));
    const timeNano = num(e.timeNano);
    return {
        kind,
        action,
        actionDetail: actionDetail || undefined,
        id,
        // containers, volumes (…), networks carry "name"; image events name the reference in the id or "name".
        name: attributes.name ?? (kind === 'image' ? id : undefined),
        attributes,
        time: timeNano && timeNano / 1e6 <= MAX_DATE_MS ? Math.floor(timeNano / 1e6) : epochMs(e.time),
        scope: str(e.scope) || undefined,
    };
}
