#!/usr/bin/env node
// `npm run test:vscode`: the extension-host suite (test/vscode/suite) inside a real VS Code, here: VS Code's
// server from the code-server package plus headless Chromium (see test/support/vscode.mjs). The workbench
// loads the extension from this repository (extensionDevelopmentPath) and runs the suite's `run()`
// (extensionTestsPath) in its Node extension host, exactly as @vscode/test-electron does on the desktop.
//
// Usage: node test/vscode/run.mjs [--grep <regexp>] [--deadline-minutes <n>] [--keep] [--extension-path <dir>]
//   Needs a build: `node esbuild.mjs` (dist/) and `tsc -p .` (out/test/vscode/…); `npm run test:vscode` does both.
//   Engine: DOCKER_HOST if set, else test/support/engine.mjs finds or starts one (and stops what it started).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import {
    ensureAll,
    launchBrowser,
    root,
    startTestEngine,
    startVSCodeServer,
    tempDir,
    writeMachineSettings,
} from '../support/vscode.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const keep = args.includes('--keep');
// A hang (a test that never settles, a workbench that never starts) fails the run instead of blocking CI.
const deadlineMs = Number(opt('--deadline-minutes') ?? process.env.DOCKWISE_VSCODE_DEADLINE_MINUTES ?? 10) * 60_000;
const resultsDir = path.join(root, 'test-results', 'vscode');
// The extension folder (default: this repository); its out/test/vscode/suite holds the compiled suite.
const extensionPath = path.resolve(opt('--extension-path') ?? root);
const suiteIndex = path.join(extensionPath, 'out', 'test', 'vscode', 'suite', 'index.js');
const t0 = Date.now();
const SUITE_MARK = '[dockwise-test] ';
const say = (msg) => process.stderr.write(`[vscode] ${msg}\n`);

for (const [file, how] of [
    [path.join(extensionPath, 'dist', 'extension.js'), 'node esbuild.mjs'],
    [suiteIndex, 'npx tsc -p .'],
]) {
    if (!fs.existsSync(file)) {
        say(`missing ${path.relative(root, file)}: run \`${how}\` first (or \`npm run test:vscode\`)`);
        process.exit(1);
    }
}

const cleanups = [];
async function cleanup() {
    for (const fn of cleanups.splice(0).reverse()) {
        try {
            await fn();
        } catch (e) {
            say(`cleanup: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
}
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
        if (!interrupted) {
            interrupted = true;
            say(`${sig}: stopping`);
            void cleanup().then(() => process.exit(sig === 'SIGINT' ? 130 : 143));
        }
    });
}

async function main() {
    const vsc = ensureAll();
    const testEngine = startTestEngine();
    cleanups.push(testEngine.stop);
    const host = testEngine.host;
    if (!host) {
        say(`no Docker engine: the engine tests will ${process.env.CI === 'true' ? 'fail (CI)' : 'be skipped'}`);
    }

    // The suite edits files and workspace settings: give it a copy of the fixture workspace.
    const work = tempDir('dockwise-vscode-');
    if (!keep) {
        cleanups.push(work.remove);
    }
    const workspace = path.join(work.dir, 'workspace');
    fs.cpSync(path.join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
    fs.mkdirSync(resultsDir, { recursive: true });
    const logFile = path.join(resultsDir, 'server.log');
    fs.rmSync(logFile, { force: true });

    const env = {
        ...process.env,
        DOCKWISE_TEST_LOG_MARK: SUITE_MARK,
        DOCKWISE_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
    };
    if (host) {
        env.DOCKER_HOST = host;
    } else {
        delete env.DOCKER_HOST;
    }
    if (opt('--grep')) {
        env.MOCHA_GREP = opt('--grep');
    }
    const serverDataDir = path.join(work.dir, 'server-data');
    writeMachineSettings(serverDataDir);
    const server = await startVSCodeServer({
        node: vsc.node,
        serverMain: vsc.serverMain,
        userDataDir: path.join(work.dir, 'user-data'),
        serverDataDir,
        env,
        logFile,
    });
    cleanups.push(server.stop);
    say(
        `VS Code server on ${server.url} (setup ${((Date.now() - t0) / 1000).toFixed(1)} s); log: ${path.relative(root, logFile)}`,
    );

    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
        ['extensionDevelopmentPath', remote(extensionPath)],
        ['extensionTestsPath', remote(suiteIndex)],
        ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const browser = await launchBrowser(vsc.chromium);
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const browserLog = fs.createWriteStream(path.join(resultsDir, 'browser.log'));
    cleanups.push(() => new Promise((r) => browserLog.end(r)));
    page.on('console', (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack ?? e.message}\n`));

    let exited;
    const exit = new Promise((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => exited({ code }));
    // The workbench's log in automation mode: the extension host's console (the mocha reporter) and the
    // workbench's own messages. Relay what the suite prints; keep the rest in browser.log.
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => relay(type, logArgs, browserLog));
    server.child.exited.then((code) => exited({ error: `the VS Code server exited (${code})` }));
    page.on('crash', () => exited({ error: 'the browser page crashed' }));

    await page.goto(url, { waitUntil: 'commit' });
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(
            () => resolve({ error: `no result within ${deadlineMs / 60_000} min (deadline)` }),
            deadlineMs,
        );
    });
    const result = await Promise.race([exit, deadline]);
    clearTimeout(timer);
    if (result.error) {
        const shot = path.join(resultsDir, 'failure.png');
        await page.screenshot({ path: shot }).catch(() => undefined);
        say(`✖ ${result.error}; screenshot ${path.relative(root, shot)}; logs in ${path.relative(root, resultsDir)}`);
        return 1;
    }
    say(`suite exited with ${result.code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (result.code !== 0) {
        // A suite that fails before its reporter starts (a broken test file) says why only in the workbench log.
        say(`the workbench and extension-host log: ${path.relative(root, path.join(resultsDir, 'browser.log'))}`);
    }
    return result.code;
}

// The extension host's console arrives here as the workbench logs it (format string and arguments apart),
// among the workbench's own messages: print the lines the suite marked (its reporter), keep all in browser.log.
function relay(type, logArgs, browserLog) {
    const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    browserLog.write(`[automation:${type}] ${text}\n`);
    const i = text.indexOf(SUITE_MARK);
    if (i >= 0) {
        process.stdout.write(text.slice(i + SUITE_MARK.length).replace(/\s+$/, '') + '\n');
    }
}

let code = 1;
try {
    code = await main();
} catch (e) {
    say(`✖ ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
} finally {
    await cleanup();
}
process.exit(code);
