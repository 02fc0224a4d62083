// Domain types of engine resources (containers, images, volumes, networks, system). Part of the contract
// re-exported by types.ts: import them from './types'.

// ---------------------------------------------------------------- containers

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export interface PortMapping {
    privatePort: number;
    /** Published host port, when published. */
    publicPort?: number;
    type: 'tcp' | 'udp' | 'sctp';
    /** Host IP the port is bound on, when published. */
    ip?: string;
}

export interface MountInfo {
    type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster';
    /** Host path (bind) or volume name (volume); empty for tmpfs. */
    source: string;
    /** Volume name for volume mounts. */
    name?: string;
    destination: string;
    rw: boolean;
}

export interface ContainerNetworkInfo {
    name: string;
    networkId?: string;
    ipAddress?: string;
    ipv6Address?: string;
    macAddress?: string;
    aliases?: string[];
}

export interface ContainerInfo {
    id: string;
    /** Names without the leading '/'. */
    names: string[];
    /** The primary name (first of `names`), or the short id. */
    name: string;
    /** Image reference the container was created from, as given (may be an id). */
    image: string;
    imageId: string;
    command: string;
    state: ContainerState;
    /** Engine status text, e.g. "Up 3 minutes (healthy)". */
    status: string;
    health?: HealthStatus;
    /** Epoch milliseconds. */
    created: number;
    ports: PortMapping[];
    mounts: MountInfo[];
    /** Network names. */
    networks: string[];
    networkDetails: ContainerNetworkInfo[];
    /** HostConfig.NetworkMode (bridge, host, none, container:<id>, a network name). */
    networkMode?: string;
    labels: Record<string, string>;
    composeProject?: string;
    composeService?: string;
    composeWorkingDir?: string;
    composeConfigFiles?: string[];
    /** Known from inspect only (undefined in a plain list). */
    logDriver?: string;
    sizeRw?: number;
    sizeRootFs?: number;
}

export interface RestartPolicy {
    name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';
    maximumRetryCount: number;
}

export interface ContainerDetails extends ContainerInfo {
    tty: boolean;
    openStdin: boolean;
    logConfig: { type: string; config: Record<string, string> };
    restartPolicy: RestartPolicy;
    env: string[];
    cmd: string[];
    entrypoint: string[];
    workingDir: string;
    user: string;
    hostname: string;
    platform?: string;
    exitCode?: number;
    /** Engine error text when the container failed to start. */
    error?: string;
    oomKilled: boolean;
    pid?: number;
    restartCount: number;
    /** Epoch milliseconds; undefined when never started/finished. */
    startedAt?: number;
    finishedAt?: number;
    /** Last health check results, newest last. */
    healthLog?: { start?: number; end?: number; exitCode: number; output: string }[];
    /** Raw engine labels of the image etc. are in `labels`; the raw inspect JSON is available via inspectRaw. */
}

// ---------------------------------------------------------------- images

export interface ImageInfo {
    id: string;
    /** e.g. ['busybox:latest']; empty when dangling. */
    repoTags: string[];
    repoDigests: string[];
    /** Bytes. */
    size: number;
    /** Epoch milliseconds. */
    created: number;
    /** Containers using it, when the engine reports it (list with /system/df or inspect), else undefined. */
    containers?: number;
    /** Untagged and not referenced by a tag (`<none>:<none>`). */
    dangling: boolean;
    labels: Record<string, string>;
    parentId?: string;
}

export interface ImageDetails extends ImageInfo {
    architecture: string;
    os: string;
    author?: string;
    comment?: string;
    env: string[];
    cmd: string[];
    entrypoint: string[];
    workingDir: string;
    user: string;
    exposedPorts: string[];
    volumes: string[];
    layers: number;
}

export interface ImageRemoveResult {
    untagged: string[];
    deleted: string[];
}

// ---------------------------------------------------------------- volumes

export interface VolumeInfo {
    name: string;
    driver: string;
    mountpoint: string;
    /** Epoch milliseconds. */
    createdAt?: number;
    labels: Record<string, string>;
    options: Record<string, string>;
    scope: 'local' | 'global' | string;
    /** Bytes; only when asked (`withSizes`) and the engine computes it (-1 from the engine → undefined). */
    size?: number;
    /** Containers referencing it, from /system/df (withSizes) or computed from container mounts. */
    refCount?: number;
    /** Names of containers (any state) mounting it, when computed. */
    usedBy?: string[];
    /** A 64-hex-character name: created by an anonymous VOLUME/-v. */
    anonymous: boolean;
    composeProject?: string;
}

// ---------------------------------------------------------------- networks

export interface NetworkContainer {
    id: string;
    name: string;
    ipv4Address?: string;
    ipv6Address?: string;
    macAddress?: string;
}

export interface NetworkInfo {
    id: string;
    name: string;
    driver: string;
    scope: string;
    internal: boolean;
    attachable: boolean;
    ipv6: boolean;
    /** Epoch milliseconds. */
    created?: number;
    labels: Record<string, string>;
    subnets: { subnet?: string; gateway?: string }[];
    containers: NetworkContainer[];
    /** bridge, host, none (and ingress-like predefined networks): cannot be removed. */
    builtIn: boolean;
    composeProject?: string;
}

// ---------------------------------------------------------------- prune / df / system

export interface PruneResult {
    kind: 'container' | 'image' | 'volume' | 'network';
    /** Ids or names of what went (images: deleted and untagged references). */
    removed: string[];
    /** Bytes reclaimed (0 for networks). */
    spaceReclaimed: number;
}

export interface DiskUsage {
    layersSize: number;
    images: ImageInfo[];
    containers: ContainerInfo[];
    volumes: VolumeInfo[];
    buildCacheSize?: number;
}

export interface EngineVersion {
    version: string;
    apiVersion: string;
    minApiVersion?: string;
    os: string;
    arch: string;
    kernelVersion?: string;
    /** e.g. 'Docker Engine - Community', 'Podman Engine'. */
    platformName?: string;
    components: { name: string; version: string }[];
}

export interface EngineInfo {
    id: string;
    name: string;
    serverVersion: string;
    operatingSystem: string;
    osType: string;
    architecture: string;
    cpus: number;
    memTotal: number;
    containers: number;
    containersRunning: number;
    containersPaused: number;
    containersStopped: number;
    images: number;
    driver: string;
    dockerRootDir: string;
    loggingDriver: string;
    cgroupDriver?: string;
    cgroupVersion?: string;
    rootless: boolean;
    securityOptions: string[];
    warnings: string[];
    /** Volume drivers the engine has (Plugins.Volume): "local" and installed plugins. */
    volumeDrivers?: string[];
}

// ---------------------------------------------------------------- create / pull

/** One progress message of an image pull, per layer (`id`) or for the whole pull. */
export interface PullProgress {
    readonly id?: string;
    readonly status: string;
    readonly current?: number;
    readonly total?: number;
}

export interface PortBinding {
    readonly containerPort: number;
    readonly hostPort?: number;
    /** A host port range `hostPort-hostPortEnd` for one container port: the engine takes a free one. */
    readonly hostPortEnd?: number;
    readonly protocol: 'tcp' | 'udp' | 'sctp';
    /** Host address to bind; all interfaces when omitted. */
    readonly hostIp?: string;
}

/** `-v`: a host folder (bind), a named volume, or an anonymous volume (`source` empty). */
export interface RunMount {
    readonly type: 'bind' | 'volume';
    /** Absolute host path (bind) or volume name (volume; empty: anonymous). */
    readonly source: string;
    /** Absolute path in the container. */
    readonly target: string;
    readonly readOnly?: boolean;
}

/** What `docker create`/`docker run` needs for the explorer's "Run" commands. */
export interface ContainerRunSpec {
    readonly image: string;
    readonly name?: string;
    readonly ports?: readonly PortBinding[];
    /** `--rm`: the engine removes the container when it stops. */
    readonly autoRemove?: boolean;
    readonly cmd?: readonly string[];
    readonly env?: readonly string[];
    readonly labels?: Readonly<Record<string, string>>;
    /** bridge (engine default), host, none, or a network name. */
    readonly networkMode?: string;
    readonly tty?: boolean;
    readonly openStdin?: boolean;
    /** With openStdin: stdin closes when the first attached client detaches (`docker run -i`). */
    readonly stdinOnce?: boolean;
    readonly mounts?: readonly RunMount[];
    /** Engine default when omitted. */
    readonly logDriver?: string;
    readonly logOptions?: Readonly<Record<string, string>>;
    /** `--restart`; the engine refuses it together with autoRemove. */
    readonly restartPolicy?: RunRestartPolicy;
}

export interface RunRestartPolicy {
    readonly name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
    /** on-failure only: give up after this many restarts (0: never give up). */
    readonly maximumRetryCount?: number;
}
