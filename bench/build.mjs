// Builds what the benchmarks load, into node_modules/.cache/dockwise-bench (so a concurrent `tsc`/`esbuild` in out/ or dist/ cannot
// change the code under measurement mid-run):
//   core.cjs       the lint core (lint, buildModel, RULES, dockerfile-utils validation), node_modules external
//   client.cjs     the explorer's engine layer, views, refresh manager and log buffer (`vscode` external: stubbed)
//   extension.dev.js  the extension bundle, unminified, for the "what loads at activation" check
// and runs `npm run package` (production esbuild + vsce) for the shipped dist/{extension,server}.js and the VSIX,
// copied there too (dist/).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ENGINE_ENTRY, extensionSplitOptions } from '../engineBundle.mjs';
import { BUILD } from './support/util.mjs';

const CORE_ENTRY = `
export { lint } from './server/src/core/lint';
export { buildModel } from './server/src/core/model';
export { RULES } from './server/src/core/rules';
export { runValidation, validation } from './server/src/core/kit/dockerfileUtils';
export { suppressions } from './server/src/core/suppress';
`;

const CLIENT_ENTRY = `
export { createEngineClient } from './client/src/engine';
export { toContainerInfo } from './client/src/engine/mappers';
export { containerRoots, containerItem, composeItem, composeChildren } from './client/src/views/containerModel';
export { EngineConnection } from './client/src/engineConnection';
export { RefreshManager } from './client/src/views/refreshManager';
export { ContainersView } from './client/src/views/containersView';
export { ImagesView } from './client/src/views/imagesView';
export { VolumesView } from './client/src/views/volumesView';
export { NetworksView } from './client/src/views/networksView';
export { LogBuffer } from './client/src/logs/logBuffer';
`;

// The peer the LSP latency is compared with: the same stack as dockerfile-language-server-nodejs (the server of
// Microsoft's and Red Hat's Docker extensions) — dockerfile-language-service, validate on every change.
const PEER_SERVER_ENTRY = `
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { DockerfileLanguageServiceFactory } = require('dockerfile-language-service');
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = DockerfileLanguageServiceFactory.createLanguageService();
connection.onInitialize(() => ({
    capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { resolveProvider: true, triggerCharacters: ['=', ' ', '$', '-'] },
        codeActionProvider: true,
    },
}));
documents.onDidChangeContent(({ document }) =>
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: service.validate(document.getText()) }),
);
connection.onCompletion((p) => service.computeCompletionItems(documents.get(p.textDocument.uri).getText(), p.position));
connection.onCodeAction((p) => service.computeCodeActions(p.textDocument, p.range, p.context));
documents.listen(connection);
connection.listen();
`;

// The peer of the whole-process CLI run (cliProcess.mjs): one process validating every Dockerfile of a folder.
const PEER_VALIDATE_ENTRY = `
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { validate } = require('dockerfile-utils');
let findings = 0;
const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === 'Dockerfile') findings += validate(readFileSync(p, 'utf8')).length;
    }
};
walk(process.argv[2]);
console.log(findings);
`;

// The floor for any LSP extension: vscode-languageclient bundled and minified, activate() doing nothing else.
const REF_EXTENSION_ENTRY = `
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
export function activate(context) {
    const module = context.asAbsolutePath('dist/server.js');
    void Promise.resolve().then(() =>
        new LanguageClient('ref', 'Ref', { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc } }, { documentSelector: [{ language: 'dockerfile' }] }).start(),
    );
    return {};
}
`;

export async function build(root, log = () => {}) {
    const out = BUILD;
    mkdirSync(path.join(out, 'dist'), { recursive: true });
    const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error' };
    const t0 = Date.now();
    const [, , dev, engineDev] = await Promise.all([
        esbuild.build({
            ...common,
            stdin: { contents: CORE_ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'bench-core.ts' },
            outfile: path.join(out, 'core.cjs'),
            packages: 'external',
        }),
        esbuild.build({
            ...common,
            stdin: { contents: CLIENT_ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'bench-client.ts' },
            outfile: path.join(out, 'client.cjs'),
            packages: 'external',
        }),
        // Same entry and externals as esbuild.mjs's extension bundle, not minified, so module wrappers keep
        // their node_modules paths (the activation check instruments them).
        esbuild.build({
            ...common,
            entryPoints: [path.join(root, 'client/src/extension.ts')],
            outfile: path.join(out, 'extension.dev.js'),
            external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
            metafile: true,
            ...extensionSplitOptions,
        }),
        // Its engine layer, loaded on first use (engineBundle.mjs): for the bundle composition.
        esbuild.build({
            ...common,
            entryPoints: [path.join(root, ENGINE_ENTRY)],
            outfile: path.join(out, 'engine.dev.js'),
            external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
            metafile: true,
        }),
        esbuild.build({
            ...common,
            stdin: { contents: PEER_SERVER_ENTRY, resolveDir: root, loader: 'js', sourcefile: 'peer-server.js' },
            outfile: path.join(out, 'peer-server.js'),
            minify: true,
        }),
        esbuild.build({
            ...common,
            stdin: { contents: PEER_VALIDATE_ENTRY, resolveDir: root, loader: 'js', sourcefile: 'peer-validate.js' },
            outfile: path.join(out, 'peer-validate.js'),
            minify: true,
        }),
        esbuild.build({
            ...common,
            stdin: { contents: REF_EXTENSION_ENTRY, resolveDir: root, loader: 'js', sourcefile: 'ref-extension.js' },
            outfile: path.join(out, 'ref-extension.js'),
            external: ['vscode'],
            minify: true,
        }),
    ]);
    log(`bench bundles built in ${Date.now() - t0} ms`);

    const t1 = Date.now();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const pkg = spawnSync(npm, ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
    const packaged = pkg.status === 0;
    log(`npm run package ${packaged ? 'done' : `failed (exit ${pkg.status})`} in ${Date.now() - t1} ms`);
    const sizes = {};
    for (const name of ['extension.js', 'engine.js', 'server.js', 'cli.js', 'dockwise.vsix']) {
        const from = path.join(root, 'dist', name);
        if (existsSync(from)) {
            copyFileSync(from, path.join(out, 'dist', name));
            sizes[name] = statSync(from).size;
        }
    }
    // What the extension bundle is made of (input bytes per package; our own sources as "dockwise").
    const composition = (result) => {
        const byPackage = {};
        for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
            const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? 'dockwise';
            byPackage[pkg] = (byPackage[pkg] ?? 0) + info.bytesInOutput;
        }
        return Object.entries(byPackage)
            .map(([pkg, bytes]) => ({ pkg, bytes }))
            .sort((a, b) => b.bytes - a.bytes);
    };
    const extensionComposition = composition(dev);
    const engineComposition = composition(engineDev);
    return {
        dir: out,
        extensionComposition,
        engineComposition,
        packaged,
        packageError: packaged ? undefined : (pkg.stderr || pkg.stdout || '').trim().split('\n').slice(-5).join('\n'),
        sizes,
    };
}
