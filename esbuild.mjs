// One build script, four bundles: the extension (client) and its engine layer, the language server and the CLI.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { ENGINE_ENTRY, extensionSplitOptions } from './engineBundle.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    // ssh2's optional native speed-ups; it falls back to pure JS without them.
    external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
};

const builds = [
    {
        ...common,
        entryPoints: ['client/src/extension.ts'],
        outfile: 'dist/extension.js',
        external: [...common.external, 'vscode'],
        ...extensionSplitOptions,
    },
    // Loaded on first use of the engine (client/src/engineLoader.ts).
    { ...common, entryPoints: [ENGINE_ENTRY], outfile: 'dist/engine.js' },
    { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
    {
        ...common,
        entryPoints: ['server/src/cli/main.ts'],
        outfile: 'dist/cli.js',
        banner: { js: '#!/usr/bin/env node' },
        // `dockwise --version` and SARIF's tool.driver.version, without bundling package.json.
        define: { __DOCKWISE_VERSION__: JSON.stringify(pkg.version) },
    },
];

if (watch) {
    for (const b of builds) {
        const ctx = await esbuild.context(b);
        await ctx.watch();
    }
} else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
}
