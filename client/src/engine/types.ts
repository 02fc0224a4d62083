// The engine layer's public contract: domain types and the EngineClient interface.
// Views and commands import only this file (never dockerode).

/** Options every engine call accepts. Streams ignore `timeoutMs` once they are open. */
export interface CallOptions {
    /** Aborting rejects the call with an EngineError whose cause is 'cancelled'. */
    signal?: AbortSignal;
    /** Defaults to 15 000 ms. */
    timeoutMs?: number;
}

export interface Disposable {
    dispose(): void;
}

/** A vscode-style event: subscribe with a listener, dispose the result to unsubscribe. */
export type Listener<T> = (value: T) => void;
export type EventSubscribe<T> = (listener: Listener<T>) => Disposable;

// ---------------------------------------------------------------- errors

export type EngineErrorCause =
    | 'notRunning'
    | 'permissionDenied'
    | 'tlsFailure'
    | 'apiTooOld'
    | 'timeout'
    | 'notFound'
    | 'conflict'
    | 'inUse'
    | 'cancelled'
    /** The configured host (setting, DOCKER_HOST or context) cannot be parsed or used. */
    | 'invalidHost'
    /** The container's log driver keeps no logs the engine can read back (e.g. 'none'). */
    | 'logsUnavailable'
    | 'unknown';

/** Every failure leaving the engine layer is an EngineError: a cause to branch on, words to show. */
export class EngineError extends Error {
    override readonly name = 'EngineError';
    constructor(
        readonly cause: EngineErrorCause,
        message: string,
        /** What the user can do about it, in words (may contain `code` spans). */
        readonly fix?: string,
        readonly details: {
            /** HTTP status from the engine, when there was one. */
            statusCode?: number;
            /** The engine's own message, verbatim. */
            engineMessage?: string;
            /** Ids/names of what blocks the operation (containers using a volume or image). */
            usedBy?: string[];
            /** The underlying error, for logs. */
            inner?: unknown;
        } = {},
    ) {
        super(message);
    }
}

export function isEngineError(e: unknown): e is EngineError {
    return e instanceof EngineError || (e instanceof Error && e.name === 'EngineError' && 'cause' in e);
}

/** A removal that failed because someone else removed it first, or is removing it now: gone as asked. */
export function isAlreadyRemoved(e: unknown): boolean {
    return (
        isEngineError(e) &&
        (e.cause === 'notFound' || (e.cause === 'conflict' && /already in progress/i.test(e.message)))
    );
}

// ---------------------------------------------------------------- connection

/** 'user': a `dockwise.engines` entry; 'podman': a Podman socket found where Podman puts it. */
export type ConnectionSource = 'setting' | 'env' | 'context' | 'default' | 'user' | 'podman';
export type ConnectionScheme = 'unix' | 'npipe' | 'tcp' | 'ssh';

export interface TlsMaterial {
    /** Verify the server certificate against `ca` (DOCKER_TLS_VERIFY / context SkipTLSVerify=false). */
    verify: boolean;
    caPath?: string;
    certPath?: string;
    keyPath?: string;
}

/** Where the engine is and how to reach it; `source` tells the UI why this one was chosen. */
export interface ResolvedConnection {
    source: ConnectionSource;
    /** The host string as configured, e.g. unix:///var/run/docker.sock or tcp://10.0.0.2:2376. */
    host: string;
    scheme: ConnectionScheme;
    /** Socket or pipe path for unix/npipe. */
    socketPath?: string;
    /** Hostname and port for tcp/ssh. */
    hostname?: string;
    port?: number;
    /** ssh user. */
    username?: string;
    /** ssh: the private key file to use (a `dockwise.engines` entry's sshIdentityFile). */
    identityFile?: string;
    /** tcp with TLS (https). */
    tls?: TlsMaterial;
    /** Docker context name when source is 'context' (or 'default' context). */
    contextName?: string;
    /** A one-line human description, e.g. "DOCKER_HOST=tcp://… (TLS)". */
    description: string;
}
export * from './resourceTypes';
export * from './streamTypes';
export * from './build/buildTypes';
export * from './runTypes';
import type { AttachOptions, AttachSession, WaitCondition, WaitResult } from './runTypes';
import type { BuildOptions, BuildRequest, BuildResult } from './build/buildTypes';
import type {
    ContainerDetails,
    ContainerInfo,
    ContainerRunSpec,
    PullProgress,
    DiskUsage,
    EngineInfo,
    EngineVersion,
    ImageDetails,
    ImageInfo,
    ImageRemoveResult,
    NetworkInfo,
    PruneResult,
    VolumeInfo,
} from './resourceTypes';
import type {
    EngineEvents,
    EngineStatus,
    ExecOptions,
    ExecResult,
    ExecSession,
    LogOptions,
    LogStream,
} from './streamTypes';

// ---------------------------------------------------------------- the client

export interface ListContainersOptions extends CallOptions {
    /** Include stopped containers; default true. */
    all?: boolean;
    /** Also compute SizeRw/SizeRootFs (slow). */
    size?: boolean;
    /** Engine filters, e.g. { label: ['a=b'] }. */
    filters?: Record<string, string[]>;
}

export interface ListVolumesOptions extends CallOptions {
    /** Fill size/refCount from /system/df (slower: the engine walks the volumes). */
    withSizes?: boolean;
    /** Fill usedBy/refCount from container mounts (one extra container list). */
    withUsage?: boolean;
    filters?: Record<string, string[]>;
}

export interface EngineClient extends Disposable {
    readonly connection: ResolvedConnection;

    ping(options?: CallOptions): Promise<void>;
    /** Never rejects: connected (with version) or unreachable (with the mapped error). */
    checkStatus(options?: CallOptions): Promise<EngineStatus>;
    version(options?: CallOptions): Promise<EngineVersion>;
    info(options?: CallOptions): Promise<EngineInfo>;
    diskUsage(options?: CallOptions): Promise<DiskUsage>;
    /** The raw inspect JSON, for an "Inspect" document. */
    inspectRaw(kind: 'container' | 'image' | 'volume' | 'network', id: string, options?: CallOptions): Promise<unknown>;

    listContainers(options?: ListContainersOptions): Promise<ContainerInfo[]>;
    inspectContainer(id: string, options?: CallOptions): Promise<ContainerDetails>;
    startContainer(id: string, options?: CallOptions): Promise<void>;
    /** `timeoutSeconds`: grace period before SIGKILL (engine default 10). */
    stopContainer(id: string, options?: CallOptions & { timeoutSeconds?: number }): Promise<void>;
    restartContainer(id: string, options?: CallOptions & { timeoutSeconds?: number }): Promise<void>;
    pauseContainer(id: string, options?: CallOptions): Promise<void>;
    unpauseContainer(id: string, options?: CallOptions): Promise<void>;
    removeContainer(id: string, options?: CallOptions & { force?: boolean; volumes?: boolean }): Promise<void>;
    pruneContainers(options?: CallOptions & { filters?: Record<string, string[]> }): Promise<PruneResult>;

    listImages(options?: CallOptions & { all?: boolean; filters?: Record<string, string[]> }): Promise<ImageInfo[]>;
    inspectImage(id: string, options?: CallOptions): Promise<ImageDetails>;
    /**
     * Refuses (EngineError 'inUse', details.usedBy = container names) while containers use the image,
     * unless `force`.
     */
    removeImage(id: string, options?: CallOptions & { force?: boolean; noPrune?: boolean }): Promise<ImageRemoveResult>;
    /** `all: false` (default) removes dangling images only; `all: true` every image no container uses. */
    pruneImages(options?: CallOptions & { all?: boolean; filters?: Record<string, string[]> }): Promise<PruneResult>;

    listVolumes(options?: ListVolumesOptions): Promise<VolumeInfo[]>;
    inspectVolume(name: string, options?: CallOptions): Promise<VolumeInfo>;
    createVolume(
        spec?: { name?: string; driver?: string; labels?: Record<string, string>; driverOpts?: Record<string, string> },
        options?: CallOptions,
    ): Promise<VolumeInfo>;
    /** Refuses (EngineError 'inUse', details.usedBy = container names) while any container mounts it. */
    removeVolume(name: string, options?: CallOptions & { force?: boolean }): Promise<void>;
    /** `all: true` also removes named volumes (API ≥ 1.42); default: anonymous only on newer engines. */
    pruneVolumes(options?: CallOptions & { all?: boolean; filters?: Record<string, string[]> }): Promise<PruneResult>;

    listNetworks(options?: CallOptions & { filters?: Record<string, string[]> }): Promise<NetworkInfo[]>;
    inspectNetwork(id: string, options?: CallOptions): Promise<NetworkInfo>;
    /** Custom networks only: built-in ones are refused with 'conflict'. */
    removeNetwork(id: string, options?: CallOptions): Promise<void>;
    pruneNetworks(options?: CallOptions & { filters?: Record<string, string[]> }): Promise<PruneResult>;

    /** The shared events stream (one /events connection per client). */
    readonly events: EngineEvents;

    /** Rejects with 'logsUnavailable' when the log driver keeps nothing readable. */
    openLogs(id: string, options?: LogOptions): Promise<LogStream>;

    /** Interactive session (TTY by default), for a terminal. */
    openExec(id: string, options?: ExecOptions): Promise<ExecSession>;
    /**
     * Pulls an image (a reference without tag means `:latest`, never all tags). Progress per layer; an
     * error the engine reports inside the stream rejects with an EngineError.
     */
    pullImage(
        reference: string,
        options?: CallOptions & { onProgress?: (progress: PullProgress) => void },
    ): Promise<void>;
    /** Creates (does not start) a container. */
    createContainer(spec: ContainerRunSpec, options?: CallOptions): Promise<{ id: string; warnings?: string[] }>;
    /** Attaches to a container's stdio (`docker run -it`: attach, then start). */
    attachContainer(id: string, options?: AttachOptions): Promise<AttachSession>;
    /** Resolves once the container meets `condition` (default not-running). */
    waitContainer(id: string, options?: CallOptions & { condition?: WaitCondition }): Promise<WaitResult>;
    /**
     * Builds an image from a local context (BuildKit when available). A failed step resolves `{ ok: false }`
     * with the failing instruction; cancellation rejects with 'cancelled'; a bad context (a symlink out of
     * it) rejects with a BuildContextError.
     */
    buildImage(request: BuildRequest, options?: BuildOptions): Promise<BuildResult>;

    /** Run a command to completion and collect its output (no TTY). */
    runExec(
        id: string,
        cmd: string[],
        options?: CallOptions & { user?: string; workingDir?: string },
    ): Promise<ExecResult>;
}

/** What the composition root passes to build a client. */
export interface EngineClientOptions {
    /** The `dockwise.docker.host` setting (empty/undefined = not set). */
    hostSetting?: string;
    /** Defaults to process.env. */
    env?: Record<string, string | undefined>;
    /** Default per-call timeout, 15 000 ms if unset. */
    defaultTimeoutMs?: number;
    /** An engine picked explicitly (Engines view): used as is, the setting and environment are not consulted. */
    connection?: ResolvedConnection;
}
