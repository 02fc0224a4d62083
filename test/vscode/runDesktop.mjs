#!/usr/bin/env node
// `npm run test:vscode-desktop`: the same extension-host suite (test/vscode/suite) in VS Code desktop, through
// @vscode/test-electron, which downloads VS Code into .vscode-test/ (needs internet; on a Linux machine without
// a display run it under `xvfb-run -a`).
//
// Usage: node test/vscode/runDesktop.mjs [--version stable|insiders|1.91.0] [--grep <regexp>]
//   --version defaults to $DOCKWISE_VSCODE_VERSION or `stable`; 1.91.0 is the oldest VS Code package.json allows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { root, startTestEngine, tempDir } from '../support/vscode.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const version = opt('--version') ?? process.env.DOCKWISE_VSCODE_VERSION ?? 'stable';
const deadlineMs = Number(process.env.DOCKWISE_VSCODE_DEADLINE_MINUTES ?? 15) * 60_000;
const suiteIndex = path.join(root, 'out', 'test', 'vscode', 'suite', 'index.js');

if (!fs.existsSync(suiteIndex) || !fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
    console.error('build first: `node esbuild.mjs && npx tsc -p .` (or `npm run test:vscode-desktop`)');
    process.exit(1);
}

const work = tempDir('dockwise-vscode-desktop-');
const workspace = path.join(work.dir, 'workspace');
fs.cpSync(path.join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
const engine = startTestEngine();
const cleanup = () => {
    engine.stop();
    work.remove();
};
const deadline = setTimeout(() => {
    console.error(`✖ no result within ${deadlineMs / 60_000} min (deadline)`);
    cleanup();
    process.exit(1);
}, deadlineMs);

const extensionTestsEnv = { MOCHA_GREP: opt('--grep') ?? '' };
if (engine.host) {
    extensionTestsEnv.DOCKER_HOST = engine.host;
}
let code = 1;
try {
    code = await runTests({
        version,
        extensionDevelopmentPath: root,
        extensionTestsPath: suiteIndex,
        extensionTestsEnv,
        launchArgs: [
            workspace,
            '--disable-extensions',
            '--disable-workspace-trust',
            '--skip-welcome',
            '--skip-release-notes',
            '--user-data-dir',
            path.join(work.dir, 'user-data'),
        ],
    });
} catch (e) {
    console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
} finally {
    clearTimeout(deadline);
    cleanup();
}
process.exit(code);
