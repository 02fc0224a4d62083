// The engine layer's entry: build a client from the setting/env/context. Views and commands use types.ts.
import { nodeConnectionInputs, resolveConnection } from './connection';
import { EngineApiClient } from './engineApiClient';
import type { EngineClient, EngineClientOptions } from './types';

export * from './types';
export { resolveConnection, nodeConnectionInputs } from './connection';

/**
 * Resolves the connection (throws EngineError 'invalidHost'/'tlsFailure' for bad configuration) and returns
 * a client. Nothing is loaded or connected until the first call: dockerode is required lazily.
 */
export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
    const env = options.env ?? process.env;
    const connection = options.connection ?? resolveConnection(nodeConnectionInputs(options.hostSetting, env));
    return new EngineApiClient(connection, env, options.defaultTimeoutMs);
}
export { dockerConfigDir } from './connection';
export { discoverEngines, nodeDiscoveryInputs, type EngineEntry, type UserEngineSetting } from './discovery';
export { probeConnection, probeWith, type EngineKind, type ProbeResult } from './probe';
export { DockerConfigError, setCurrentContext } from './dockerConfigFile';
export { watchDockerConfig } from './dockerConfigWatch';
