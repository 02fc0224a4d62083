// EngineClient over the Docker Engine API: HTTP requests through Transport (docker-modem, loaded lazily).
import { modemDialer, runBuild, type BuildDialer } from './build/buildImage';
import { attachContainer, waitContainer } from './attach';
import { createContainer } from './runContainer';
import type { AttachOptions, AttachSession, WaitCondition, WaitResult } from './runTypes';
import { EngineEventStream } from './events';
import {
    enc,
    filters,
    only,
    removeImageGuarded,
    removeNetworkGuarded,
    removeVolumeGuarded,
    type OpsDeps,
} from './guardedOps';
import { openExecSession, runExecToCompletion } from './exec';
import { openLogStream } from './logs';
import { pruneContainers, pruneImages, pruneNetworks, pruneVolumesPortable } from './pruneOps';
import { pullImage } from './pull';
import { toContainerDetails, toContainerInfo } from './mappers';
import {
    toDiskUsage,
    toEngineInfo,
    toEngineVersion,
    toImageDetails,
    toImageInfo,
    toNetworkInfo,
    toVolumeInfo,
} from './resourceMappers';
import { Transport, type RequestSpec } from './transport';
import {
    EngineError,
    type BuildOptions,
    type BuildRequest,
    type BuildResult,
    type CallOptions,
    type ContainerDetails,
    type ContainerInfo,
    type ContainerRunSpec,
    type PullProgress,
    type DiskUsage,
    type EngineClient,
    type EngineEvents,
    type EngineInfo,
    type EngineStatus,
    type EngineVersion,
    type ExecOptions,
    type ExecResult,
    type ExecSession,
    type ImageDetails,
    type ImageInfo,
    type ImageRemoveResult,
    type ListContainersOptions,
    type ListVolumesOptions,
    type LogOptions,
    type LogStream,
    type NetworkInfo,
    type PruneResult,
    type ResolvedConnection,
    type VolumeInfo,
} from './types';
import { containersUsingImage, withImageUsage, withNetworkMembers } from './usage';
import { createVolume, listVolumes, type VolumeSpec } from './volumeOps';

export class EngineApiClient implements EngineClient {
    private readonly transport: Transport;
    private eventStream: EngineEventStream | undefined;
    private apiVersion: Promise<string> | undefined;
    private builder: BuildDialer | undefined;
    /** What the guarded operations use: our own calls, nothing else. */
    private readonly ops: OpsDeps = {
        call: (spec, options) => this.call(spec, options),
        serverApi: (options) => this.serverApi(options),
        listContainers: (options) => this.listContainers(options),
        inspectImage: (id, options) => this.inspectImage(id, options),
        inspectNetwork: (id, options) => this.inspectNetwork(id, options),
        listVolumes: (options) => this.listVolumes(options),
    };

    constructor(
        readonly connection: ResolvedConnection,
        private readonly env: Record<string, string | undefined> = process.env,
        defaultTimeoutMs?: number,
    ) {
        this.transport = new Transport(connection, env, defaultTimeoutMs);
    }

    private async call<T>(spec: RequestSpec, options?: CallOptions): Promise<T> {
        const result = await this.transport.request<T>(spec, options);
        // The engine answers: an events stream waiting out its backoff may reconnect now.
        this.eventStream?.wake();
        return result;
    }

    private serverApi(options?: CallOptions): Promise<string> {
        this.apiVersion ??= this.version(options).then(
            (v) => v.apiVersion,
            (e: unknown) => {
                this.apiVersion = undefined;
                throw e;
            },
        );
        return this.apiVersion;
    }

    // ------------------------------------------------------------ system

    async ping(options?: CallOptions): Promise<void> {
        await this.call({ method: 'GET', path: '/_ping', operation: 'reach the engine' }, options);
    }

    async checkStatus(options?: CallOptions): Promise<EngineStatus> {
        try {
            const version = await this.version(options);
            return { state: 'connected', connection: this.connection, version };
        } catch (e) {
            const error = e instanceof EngineError ? e : this.transport.mapError(e, { operation: 'reach the engine' });
            return { state: 'unreachable', connection: this.connection, error };
        }
    }

    async version(options?: CallOptions): Promise<EngineVersion> {
        return toEngineVersion(
            await this.call({ method: 'GET', path: '/version', operation: 'read the engine version' }, options),
        );
    }

    async info(options?: CallOptions): Promise<EngineInfo> {
        return toEngineInfo(await this.call({ method: 'GET', path: '/info', operation: 'read engine info' }, options));
    }

    async diskUsage(options?: CallOptions): Promise<DiskUsage> {
        // The engine walks every layer and volume: allow it more time than a plain call.
        const o = { ...options, timeoutMs: options?.timeoutMs ?? Math.max(60_000, this.transport.defaultTimeoutMs) };
        return toDiskUsage(await this.call({ method: 'GET', path: '/system/df', operation: 'compute disk usage' }, o));
    }

    inspectRaw(
        kind: 'container' | 'image' | 'volume' | 'network',
        id: string,
        options?: CallOptions,
    ): Promise<unknown> {
        const path = {
            container: `/containers/${enc(id)}/json`,
            image: `/images/${enc(id)}/json`,
            volume: `/volumes/${enc(id)}`,
            network: `/networks/${enc(id)}`,
        }[kind];
        return this.call({ method: 'GET', path, operation: `inspect ${kind} ${id}` }, options);
    }

    // ------------------------------------------------------------ containers

    async listContainers(options: ListContainersOptions = {}): Promise<ContainerInfo[]> {
        const raw = await this.call<unknown[]>(
            {
                method: 'GET',
                path: '/containers/json',
                query: {
                    all: options.all === false ? undefined : 1,
                    size: options.size ? 1 : undefined,
                    filters: filters(options.filters),
                },
                operation: 'list containers',
            },
            options,
        );
        return (Array.isArray(raw) ? raw : []).map(toContainerInfo);
    }

    async inspectContainer(id: string, options?: CallOptions): Promise<ContainerDetails> {
        return toContainerDetails(
            await this.call(
                { method: 'GET', path: `/containers/${enc(id)}/json`, operation: `inspect container ${id}` },
                options,
            ),
        );
    }

    private async containerAction(
        id: string,
        action: string,
        query: Record<string, unknown> | undefined,
        options: CallOptions | undefined,
    ): Promise<void> {
        await this.call(
            // 304: already in that state, which is what the user wanted.
            {
                method: 'POST',
                path: `/containers/${enc(id)}/${action}`,
                query,
                ok: [204, 304],
                operation: `${action} container ${id}`,
            },
            options,
        );
    }

    startContainer(id: string, options?: CallOptions): Promise<void> {
        return this.containerAction(id, 'start', undefined, options);
    }

    /** The engine waits up to `t` s before SIGKILL, so the deadline grows with it. */
    private graceDeadline(options: (CallOptions & { timeoutSeconds?: number }) | undefined): CallOptions {
        const grace = (options?.timeoutSeconds ?? 10) * 1000;
        return { ...options, timeoutMs: options?.timeoutMs ?? this.transport.defaultTimeoutMs + grace };
    }

    stopContainer(id: string, options?: CallOptions & { timeoutSeconds?: number }): Promise<void> {
        return this.containerAction(id, 'stop', { t: options?.timeoutSeconds }, this.graceDeadline(options));
    }

    restartContainer(id: string, options?: CallOptions & { timeoutSeconds?: number }): Promise<void> {
        return this.containerAction(id, 'restart', { t: options?.timeoutSeconds }, this.graceDeadline(options));
    }

    pauseContainer(id: string, options?: CallOptions): Promise<void> {
        return this.containerAction(id, 'pause', undefined, options);
    }

    unpauseContainer(id: string, options?: CallOptions): Promise<void> {
        return this.containerAction(id, 'unpause', undefined, options);
    }

    async removeContainer(id: string, options?: CallOptions & { force?: boolean; volumes?: boolean }): Promise<void> {
        await this.call(
            {
                method: 'DELETE',
                path: `/containers/${enc(id)}`,
                query: { force: options?.force ? 1 : undefined, v: options?.volumes ? 1 : undefined },
                operation: `remove container ${id}`,
            },
            this.graceDeadline({ ...options, timeoutSeconds: options?.force ? 10 : 0 }),
        );
    }

    pruneContainers(options?: CallOptions & { filters?: Record<string, string[]> }): Promise<PruneResult> {
        return pruneContainers(this.ops, options);
    }

    // ------------------------------------------------------------ images

    async listImages(
        options?: CallOptions & { all?: boolean; filters?: Record<string, string[]> },
    ): Promise<ImageInfo[]> {
        const [raw, containers] = await Promise.all([
            this.call<unknown[]>(
                {
                    method: 'GET',
                    path: '/images/json',
                    query: { all: options?.all ? 1 : undefined, filters: filters(options?.filters) },
                    operation: 'list images',
                },
                options,
            ),
            this.listContainers(only(options)),
        ]);
        return withImageUsage((Array.isArray(raw) ? raw : []).map(toImageInfo), containers);
    }

    async inspectImage(id: string, options?: CallOptions): Promise<ImageDetails> {
        const [raw, containers] = await Promise.all([
            this.call({ method: 'GET', path: `/images/${enc(id)}/json`, operation: `inspect image ${id}` }, options),
            this.listContainers(only(options)),
        ]);
        const image = toImageDetails(raw);
        return { ...image, containers: containersUsingImage(containers, image.id).length };
    }

    removeImage(
        id: string,
        options?: CallOptions & { force?: boolean; noPrune?: boolean },
    ): Promise<ImageRemoveResult> {
        return removeImageGuarded(this.ops, id, options);
    }

    pruneImages(options?: CallOptions & { all?: boolean; filters?: Record<string, string[]> }): Promise<PruneResult> {
        return pruneImages(this.ops, options);
    }

    // ------------------------------------------------------------ volumes

    listVolumes(options: ListVolumesOptions = {}): Promise<VolumeInfo[]> {
        return listVolumes({ ...this.ops, diskUsage: (o) => this.diskUsage(o) }, options);
    }

    async inspectVolume(name: string, options?: CallOptions): Promise<VolumeInfo> {
        return toVolumeInfo(
            await this.call(
                { method: 'GET', path: `/volumes/${enc(name)}`, operation: `inspect volume ${name}` },
                options,
            ),
        );
    }

    createVolume(spec: VolumeSpec = {}, options?: CallOptions): Promise<VolumeInfo> {
        return createVolume(this.ops, spec, options);
    }

    removeVolume(name: string, options?: CallOptions & { force?: boolean }): Promise<void> {
        return removeVolumeGuarded(this.ops, name, options);
    }

    pruneVolumes(options?: CallOptions & { all?: boolean; filters?: Record<string, string[]> }): Promise<PruneResult> {
        return pruneVolumesPortable(this.ops, options);
    }

    // ------------------------------------------------------------ networks

    async listNetworks(options?: CallOptions & { filters?: Record<string, string[]> }): Promise<NetworkInfo[]> {
        const [raw, containers] = await Promise.all([
            this.call<unknown[]>(
                {
                    method: 'GET',
                    path: '/networks',
                    query: { filters: filters(options?.filters) },
                    operation: 'list networks',
                },
                options,
            ),
            this.listContainers(only(options)),
        ]);
        return withNetworkMembers((Array.isArray(raw) ? raw : []).map(toNetworkInfo), containers);
    }

    async inspectNetwork(id: string, options?: CallOptions): Promise<NetworkInfo> {
        return toNetworkInfo(
            await this.call(
                { method: 'GET', path: `/networks/${enc(id)}`, operation: `inspect network ${id}` },
                options,
            ),
        );
    }

    removeNetwork(id: string, options?: CallOptions): Promise<void> {
        return removeNetworkGuarded(this.ops, id, options);
    }

    pruneNetworks(options?: CallOptions & { filters?: Record<string, string[]> }): Promise<PruneResult> {
        return pruneNetworks(this.ops, options);
    }

    // ------------------------------------------------------------ streams

    get events(): EngineEvents {
        // A local socket costs nothing to retry: a short backoff cap brings the events back soon after a restart.
        const local = this.connection.scheme === 'unix' || this.connection.scheme === 'npipe';
        this.eventStream ??= new EngineEventStream(
            this.transport,
            (signal) => this.version({ signal, timeoutMs: 5000 }),
            local ? { maxMs: 2000 } : {},
        );
        return this.eventStream;
    }

    openLogs(id: string, options?: LogOptions): Promise<LogStream> {
        return openLogStream(
            {
                transport: this.transport,
                inspect: (cid, o) => this.inspectContainer(cid, o),
                events: options?.followAcrossRestarts ? this.events : undefined,
            },
            id,
            options,
        );
    }

    pullImage(reference: string, options?: CallOptions & { onProgress?: (p: PullProgress) => void }): Promise<void> {
        return pullImage(this.transport, reference, options);
    }

    createContainer(spec: ContainerRunSpec, options?: CallOptions): Promise<{ id: string; warnings?: string[] }> {
        return createContainer(this.transport, spec, options);
    }

    attachContainer(id: string, options?: AttachOptions): Promise<AttachSession> {
        return attachContainer(this.transport, id, options);
    }

    waitContainer(id: string, options?: CallOptions & { condition?: WaitCondition }): Promise<WaitResult> {
        return waitContainer(this.transport, id, options);
    }

    buildImage(request: BuildRequest, options?: BuildOptions): Promise<BuildResult> {
        this.builder ??= modemDialer(this.connection, this.env);
        return runBuild(this.builder, request, { ...options, connection: this.connection, env: this.env });
    }

    openExec(id: string, options?: ExecOptions): Promise<ExecSession> {
        return openExecSession(this.transport, id, options);
    }

    runExec(
        id: string,
        cmd: string[],
        options?: CallOptions & { user?: string; workingDir?: string },
    ): Promise<ExecResult> {
        return runExecToCompletion(this.transport, id, cmd, options);
    }

    dispose(): void {
        this.eventStream?.dispose();
        this.transport.dispose();
    }
}
