import type * as Engine from './engine';

/**
 * The engine layer (dockerode, ssh2, gRPC, protobuf: most of the extension's code) is a bundle of its own,
 * dist/engine.js (esbuild.mjs maps this import to it), loaded when a view or command first needs the engine:
 * activation then reads and evaluates only what the language client and the views' shells need.
 */
export function loadEngine(): Promise<typeof Engine> {
    return import('./engine/index.js');
}
