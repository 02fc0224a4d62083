// docker create and docker pull through the Engine API.
import { JsonLineParser } from './events';
import { obj, str } from './mappers';
import type { Transport } from './transport';
import { EngineError, type CallOptions, type ContainerRunSpec, type PullProgress } from './types';

/** "busybox" → busybox:latest; "reg:5000/a/b" → tag latest; digests and explicit tags are kept. */
export function splitReference(reference: string): { fromImage: string; tag?: string } {
    const ref = reference.trim();
    if (ref.includes('@')) {
        return { fromImage: ref };
    }
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    if (colon > slash) {
        return { fromImage: ref.slice(0, colon), tag: ref.slice(colon + 1) };
    }
    // Without a tag the engine would pull every tag of the repository.
    return { fromImage: ref, tag: 'latest' };
}

/** An error the engine reports inside a 200 pull stream. */
export function pullError(reference: string, message: string): EngineError {
    const details = { engineMessage: message };
    if (/not found|manifest unknown|pull access denied|repository does not exist/i.test(message)) {
        return new EngineError(
            'notFound',
            `Could not pull ${reference}: ${message}`,
            'Check the image name and tag; private images need `docker login` first.',
            details,
        );
    }
    if (/unauthorized|authentication required|denied/i.test(message)) {
        return new EngineError(
            'permissionDenied',
            `Could not pull ${reference}: ${message}`,
            'Run `docker login <registry>` first.',
            details,
        );
    }
    if (/connection refused|no such host|i\/o timeout|tls handshake|dial tcp|network is unreachable/i.test(message)) {
        return new EngineError(
            'unknown',
            `Could not pull ${reference}: the engine cannot reach the registry (${message}).`,
            "Check the engine's network, proxy and registry mirror settings.",
            details,
        );
    }
    return new EngineError('unknown', `Could not pull ${reference}: ${message}`, undefined, details);
}

/** Streams the pull; resolves when the engine finished, rejects on an in-stream error. */
export async function pullImage(
    transport: Transport,
    reference: string,
    options: CallOptions & { onProgress?: (progress: PullProgress) => void } = {},
): Promise<void> {
    const { fromImage, tag } = splitReference(reference);
    let opened;
    try {
        opened = await transport.stream(
            { method: 'POST', path: '/images/create', query: { fromImage, tag }, operation: `pull ${reference}` },
            options,
        );
    } catch (e) {
        // Registry failures may also come as the HTTP status (404, 500) before any stream: same words.
        if (e instanceof EngineError && e.details.statusCode !== undefined && e.details.engineMessage) {
            throw pullError(reference, e.details.engineMessage);
        }
        throw e;
    }
    const { response, close } = opened;
    await new Promise<void>((resolve, reject) => {
        const parser = new JsonLineParser();
        let failed: EngineError | undefined;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
            for (const raw of parser.push(chunk)) {
                const m = obj(raw);
                const error = str(m.error) || str(obj(m.errorDetail).message);
                if (error) {
                    failed ??= pullError(reference, error);
                    continue;
                }
                const detail = obj(m.progressDetail);
                try {
                    options.onProgress?.({
                        id: str(m.id) || undefined,
                        status: str(m.status),
                        current: typeof detail.current === 'number' ? detail.current : undefined,
                        total: typeof detail.total === 'number' ? detail.total : undefined,
                    });
                } catch {
                    // a failing progress listener must not abort the pull
                }
            }
        });
        const done = (e?: unknown): void => {
            close();
            if (failed) {
                reject(failed);
            } else if (e !== undefined || !response.complete) {
                reject(
                    transport.mapError(
                        e ?? new Error('socket hang up'),
                        { operation: `pull ${reference}` },
                        options.signal?.aborted ? 'cancelled' : undefined,
                    ),
                );
            } else {
                resolve();
            }
        };
        response.once('end', () => done());
        response.once('error', (e) => done(e));
        response.once('close', () => done(response.complete ? undefined : new Error('socket hang up')));
    });
}

/** POST /containers/create; returns the id (the container is not started). */
export async function createContainer(
    transport: Transport,
    spec: ContainerRunSpec,
    options?: CallOptions,
): Promise<{ id: string; warnings?: string[] }> {
    const exposed: Record<string, object> = {};
    const bindings: Record<string, { HostIp?: string; HostPort?: string }[]> = {};
    for (const p of spec.ports ?? []) {
        const key = `${p.containerPort}/${p.protocol}`;
        exposed[key] = {};
        (bindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: p.hostPort ? String(p.hostPort) : '' });
    }
    try {
        const created = obj(
            await transport.request<unknown>(
                {
                    method: 'POST',
                    path: '/containers/create',
                    query: { name: spec.name || undefined },
                    body: {
                        Image: spec.image,
                        Cmd: spec.cmd,
                        Env: spec.env,
                        Labels: spec.labels,
                        Tty: spec.tty,
                        OpenStdin: spec.openStdin,
                        ExposedPorts: spec.ports?.length ? exposed : undefined,
                        HostConfig: {
                            PortBindings: spec.ports?.length ? bindings : undefined,
                            AutoRemove: spec.autoRemove,
                            NetworkMode: spec.networkMode,
                        },
                    },
                    ok: [201],
                    operation: `create a container from ${spec.image}`,
                },
                options,
            ),
        );
        const warnings = Array.isArray(created.Warnings)
            ? created.Warnings.filter((w): w is string => typeof w === 'string')
            : [];
        return { id: str(created.Id), warnings: warnings.length ? warnings : undefined };
    } catch (e) {
        if (
            e instanceof EngineError &&
            e.cause === 'notFound' &&
            /no such image/i.test(e.details.engineMessage ?? '')
        ) {
            throw new EngineError('notFound', e.message, `Pull ${spec.image} first.`, e.details);
        }
        throw e;
    }
}
