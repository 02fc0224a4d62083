// Engine calls the EngineClient interface declares as optional (pull, create): an engine layer built
// without them still type-checks, and the commands ask at run time before offering the action.
import type { EngineClient } from '../engine/types';

export type { ContainerRunSpec, PortBinding, PullProgress } from '../engine/types';

type Required<K extends keyof EngineClient> = EngineClient & { [P in K]-?: NonNullable<EngineClient[P]> };

export function canPull(client: EngineClient): client is Required<'pullImage'> {
    return typeof client.pullImage === 'function';
}

export function canCreate(client: EngineClient): client is Required<'createContainer'> {
    return typeof client.createContainer === 'function';
}

export function canAttach(client: EngineClient): client is Required<'attachContainer'> {
    return typeof client.attachContainer === 'function';
}
