// The extension ships as two bundles: dist/extension.js (activation: the language client, the views' shells,
// the commands) and dist/engine.js (the engine layer with dockerode, ssh2, gRPC and protobuf), which
// client/src/engineLoader.ts loads on first use. Shared by esbuild.mjs and the benchmarks.
export const ENGINE_ENTRY = 'client/src/engine/index.ts';

/** Resolves engineLoader's `import('./engine/index.js')` to the sibling bundle, loaded with require. */
export const engineSplit = {
    name: 'dockwise-engine-split',
    setup(build) {
        build.onResolve({ filter: /^\.\/engine\/index\.js$/ }, (args) =>
            /engineLoader\.ts$/.test(args.importer) ? { path: './engine.js', external: true } : undefined,
        );
    },
};

/** esbuild options for the extension bundle: `import()` becomes a require of the sibling file. */
export const extensionSplitOptions = { plugins: [engineSplit], supported: { 'dynamic-import': false } };
