// docker create through the Engine API: a ContainerRunSpec becomes the POST /containers/create body.
import { obj, str } from './mappers';
import type { Transport } from './transport';
import { EngineError, type CallOptions, type ContainerRunSpec, type RunMount } from './types';

type Json = Record<string, unknown>;

/** `-v` in the engine's Binds syntax; anonymous volumes are not binds (see createBody). */
function bindOf(m: RunMount): string {
    return `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`;
}

/** The create request body, exactly what `docker run` would send for the same flags. */
export function createBody(spec: ContainerRunSpec): Json {
    const exposed: Record<string, object> = {};
    const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
    for (const p of spec.ports ?? []) {
        const key = `${p.containerPort}/${p.protocol}`;
        exposed[key] = {};
        const hostPort = p.hostPort === undefined ? '' : `${p.hostPort}${p.hostPortEnd ? `-${p.hostPortEnd}` : ''}`;
        (bindings[key] ??= []).push({ HostIp: p.hostIp ?? '', HostPort: hostPort });
    }
    const mounts = spec.mounts ?? [];
    const binds = mounts.filter((m) => m.source !== '').map(bindOf);
    const anonymous = mounts.filter((m) => m.source === '');
    const hasPorts = (spec.ports ?? []).length > 0;
    const restart = spec.restartPolicy;
    return {
        Image: spec.image,
        Cmd: spec.cmd,
        Env: spec.env,
        Labels: spec.labels,
        Tty: spec.tty,
        OpenStdin: spec.openStdin,
        StdinOnce: spec.stdinOnce,
        // What the CLI sets for -i/-t: without them an attach before start sees nothing.
        AttachStdin: spec.openStdin || undefined,
        AttachStdout: spec.openStdin || spec.tty || undefined,
        AttachStderr: spec.openStdin || spec.tty || undefined,
        ExposedPorts: hasPorts ? exposed : undefined,
        Volumes: anonymous.length ? Object.fromEntries(anonymous.map((m) => [m.target, {}])) : undefined,
        HostConfig: {
            PortBindings: hasPorts ? bindings : undefined,
            AutoRemove: spec.autoRemove,
            NetworkMode: spec.networkMode,
            Binds: binds.length ? binds : undefined,
            LogConfig: spec.logDriver ? { Type: spec.logDriver, Config: { ...spec.logOptions } } : undefined,
            RestartPolicy: restart
                ? {
                      Name: restart.name,
                      MaximumRetryCount: restart.name === 'on-failure' ? (restart.maximumRetryCount ?? 0) : 0,
                  }
                : undefined,
        },
    };
}

/** The engine refuses --rm with a restart policy; say so before asking it (same words as the engine). */
function refuseConflicts(spec: ContainerRunSpec): void {
    if (spec.autoRemove && spec.restartPolicy && spec.restartPolicy.name !== 'no') {
        throw new EngineError(
            'conflict',
            `A container removed on exit (--rm) cannot have a restart policy (--restart ${spec.restartPolicy.name}).`,
            'Choose either --rm or a restart policy.',
        );
    }
}

/** POST /containers/create; returns the id (the container is not started). */
export async function createContainer(
    transport: Transport,
    spec: ContainerRunSpec,
    options?: CallOptions,
): Promise<{ id: string; warnings?: string[] }> {
    refuseConflicts(spec);
    try {
        const created = obj(
            await transport.request<unknown>(
                {
                    method: 'POST',
                    path: '/containers/create',
                    query: { name: spec.name || undefined },
                    body: createBody(spec),
                    ok: [201],
                    operation: `create a container from ${spec.image}`,
                },
                options,
            ),
        );
        const warnings = Array.isArray(created.Warnings)
            ? created.Warnings.filter((w): w is string => typeof w === 'string' && w !== '')
            : [];
        return { id: str(created.Id), warnings: warnings.length ? warnings : undefined };
    } catch (e) {
        const said = e instanceof EngineError ? (e.details.engineMessage ?? '') : '';
        if (e instanceof EngineError && e.cause === 'notFound' && /no such image/i.test(said)) {
            throw new EngineError('notFound', e.message, `Pull ${spec.image} first.`, e.details);
        }
        throw e;
    }
}
