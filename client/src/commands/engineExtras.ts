// Engine calls the explorer needs beyond the EngineClient interface as first published (pull, create).
// They are detected at run time so the explorer works against either version of the engine layer; once
// the engine layer declares them, these shapes must match its declarations (see the report for issue 4).
import type { CallOptions, EngineClient } from '../engine/types';

/** One progress message of an image pull, per layer (`id`) or for the whole pull. */
export interface PullProgress {
    readonly id?: string;
    readonly status: string;
    readonly current?: number;
    readonly total?: number;
}

export interface ImagePuller {
    pullImage(
        reference: string,
        options?: CallOptions & { onProgress?: (progress: PullProgress) => void },
    ): Promise<void>;
}

export interface PortBinding {
    readonly containerPort: number;
    readonly hostPort?: number;
    readonly protocol: 'tcp' | 'udp';
    /** Host address to bind; all interfaces when omitted. */
    readonly hostIp?: string;
}

export interface ContainerRunSpec {
    readonly image: string;
    readonly name?: string;
    readonly ports?: readonly PortBinding[];
    /** `--rm`: the engine removes the container when it stops. */
    readonly autoRemove?: boolean;
}

export interface ContainerCreator {
    createContainer(spec: ContainerRunSpec, options?: CallOptions): Promise<{ id: string }>;
}

export function canPull(client: EngineClient): client is EngineClient & ImagePuller {
    return typeof (client as Partial<ImagePuller>).pullImage === 'function';
}

export function canCreate(client: EngineClient): client is EngineClient & ContainerCreator {
    return typeof (client as Partial<ContainerCreator>).createContainer === 'function';
}
