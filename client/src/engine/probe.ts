// Is an engine there, what is it, how busy? One bounded look per engine for the Engines view and quick pick.
import { EngineApiClient } from './engineApiClient';
import { EngineError, type CallOptions, type EngineClient, type EngineVersion, type ResolvedConnection } from './types';

export type EngineKind = 'docker' | 'podman' | 'unknown';

export type ProbeResult =
    | {
          readonly state: 'reachable';
          readonly kind: EngineKind;
          readonly version: string;
          readonly apiVersion: string;
          readonly running: number;
      }
    | { readonly state: 'unreachable'; readonly error: EngineError };

/** Docker or Podman, from /version's Platform.Name and Components (Podman names itself in both). */
export function engineKind(v: EngineVersion): EngineKind {
    const names = [v.platformName ?? '', ...v.components.map((c) => c.name)].join(' ');
    if (/podman/i.test(names)) {
        return 'podman';
    }
    return /docker|moby/i.test(names) || v.components.length > 0 ? 'docker' : 'unknown';
}

/** The product version: Podman's own component version when it is Podman (its top-level Version is its API's). */
function productVersion(v: EngineVersion, kind: EngineKind): string {
    if (kind === 'podman') {
        return v.components.find((c) => /podman/i.test(c.name))?.version || v.version;
    }
    return v.components.find((c) => c.name === 'Engine')?.version || v.version;
}

/** Probes with an existing client (the one the views use), so an ssh engine is not dialled twice. */
export async function probeWith(client: EngineClient, options: CallOptions = {}): Promise<ProbeResult> {
    const call = { timeoutMs: 5000, ...options };
    try {
        const [version, running] = await Promise.all([
            client.version(call),
            client.listContainers({ ...call, all: false }),
        ]);
        const kind = engineKind(version);
        return {
            state: 'reachable',
            kind,
            version: productVersion(version, kind),
            apiVersion: version.apiVersion,
            running: running.length,
        };
    } catch (e) {
        const error =
            e instanceof EngineError ? e : new EngineError('unknown', e instanceof Error ? e.message : String(e));
        return { state: 'unreachable', error };
    }
}

/** Probes a connection with a throw-away client. Never rejects; bounded by `timeoutMs` (default 5 s). */
export async function probeConnection(
    connection: ResolvedConnection,
    options: CallOptions & { env?: Record<string, string | undefined> } = {},
): Promise<ProbeResult> {
    let client: EngineClient | undefined;
    try {
        client = new EngineApiClient(connection, options.env ?? process.env, options.timeoutMs ?? 5000);
        return await probeWith(client, options);
    } catch (e) {
        const error =
            e instanceof EngineError ? e : new EngineError('unknown', e instanceof Error ? e.message : String(e));
        return { state: 'unreachable', error };
    } finally {
        client?.dispose();
    }
}
