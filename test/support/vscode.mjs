// A real VS Code for the extension-host suite, the UI tests and the demo, without downloading VS Code desktop:
// VS Code's server from the `code-server` npm package (which needs Node 24, itself an npm package), driven by
// Debian's headless Chromium through playwright-core. Everything is installed on demand into `.vscode-test/`
// (gitignored) with pinned versions, like @vscode/test-electron's cache, and reused when present.
//
//   node test/support/vscode.mjs install    installs (or checks) the cache and prints the paths
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VERSIONS = Object.freeze({ node: '24.22.3', codeServer: '4.139.1' });
export const CACHE_DIR = process.env.DOCKWISE_VSCODE_CACHE ?? path.join(root, '.vscode-test');
export const CHROMIUM_FLAGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

const log = (msg) => process.stderr.write(`[vscode] ${msg}\n`);

function which(cmd) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
        const p = path.join(dir, cmd);
        if (dir && fs.existsSync(p)) {
            return p;
        }
    }
    return undefined;
}

const isRoot = () => process.getuid?.() === 0;

function debInstalled(pkg) {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs Debian packages that are missing (root only; elsewhere says what to install). */
export function ensureDebianPackages(pkgs, why) {
    if (!which('dpkg-query')) {
        return; // not Debian: the caller's own check reports what is missing
    }
    const missing = pkgs.filter((p) => !debInstalled(p));
    if (missing.length === 0) {
        return;
    }
    if (!isRoot()) {
        throw new Error(`${why} needs: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    }
    const t = Date.now();
    log(`installing ${missing.join(', ')} with apt-get (${why}) …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
        ['update', '-q'],
        ['install', '-y', '-q', '--no-install-recommends', ...missing],
    ]) {
        const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
        if (r.status !== 0) {
            throw new Error(`apt-get ${args[0]} failed (exit ${r.status})`);
        }
    }
    log(`apt-get: ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

/**
 * Runs `npm install <spec>` into a fresh staging folder next to `dest`, then renames it into place, so a
 * half-finished install (Ctrl-C, network) is never mistaken for a cached one.
 */
function npmInstallInto(dest, spec, env = process.env) {
    const staging = `${dest}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    // Its own package.json, so npm does not walk up into the repository's project.
    fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'cache', private: true }) + '\n');
    const r = spawnSync(
        process.platform === 'win32' ? 'npm.cmd' : 'npm',
        ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error', spec],
        { cwd: staging, stdio: ['ignore', 'inherit', 'inherit'], env },
    );
    if (r.status !== 0) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw new Error(`npm install ${spec} failed (exit ${r.status ?? r.signal})`);
    }
    try {
        fs.renameSync(staging, dest);
    } catch (e) {
        // Another run finished the same install first: keep theirs.
        fs.rmSync(staging, { recursive: true, force: true });
        if (!fs.existsSync(dest)) {
            throw e;
        }
    }
}

/** The Node 24 binary code-server needs (the `node-<os>-<arch>` npm package), installed on demand. */
export function ensureNode({ cacheDir = CACHE_DIR } = {}) {
    const osName = process.platform === 'win32' ? 'win' : process.platform;
    const pkg = `node-${osName}-${process.arch}`;
    const dir = path.join(cacheDir, `node-${VERSIONS.node}`);
    const bin = path.join(dir, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
    if (!fs.existsSync(bin)) {
        const t = Date.now();
        log(`installing Node ${VERSIONS.node} (${pkg}) into ${path.relative(root, dir) || dir} …`);
        fs.mkdirSync(cacheDir, { recursive: true });
        npmInstallInto(dir, `${pkg}@${VERSIONS.node}`);
        log(`Node ${VERSIONS.node}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    return bin;
}

/** code-server (VS Code's server and web workbench), installed with Node 24 first on PATH. */
export function ensureCodeServer({ cacheDir = CACHE_DIR } = {}) {
    const node = ensureNode({ cacheDir });
    const dir = path.join(cacheDir, `code-server-${VERSIONS.codeServer}`);
    const pkgDir = path.join(dir, 'node_modules', 'code-server');
    const serverMain = path.join(pkgDir, 'lib', 'vscode', 'out', 'server-main.js');
    const entry = path.join(pkgDir, 'out', 'node', 'entry.js');
    if (!fs.existsSync(serverMain) || !fs.existsSync(entry)) {
        // Its install builds the `kerberos` native module, which needs the Kerberos headers.
        ensureDebianPackages(['libkrb5-dev'], `code-server ${VERSIONS.codeServer}`);
        const t = Date.now();
        log(`installing code-server ${VERSIONS.codeServer} into ${path.relative(root, dir)} (one-time, ~3 min) …`);
        // Under `npm test` the parent's npm_* variables (npm_config_user_agent names Node 20) would reach the child
        // npm and code-server's postinstall, which then refuses to run: drop them.
        const env = Object.fromEntries(
            Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')),
        );
        env.PATH = `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`;
        npmInstallInto(dir, `code-server@${VERSIONS.codeServer}`, env);
        log(`code-server ${VERSIONS.codeServer}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    return { node, dir: pkgDir, serverMain, entry };
}

/** Path of a headless-capable Chromium: $CHROMIUM_PATH, Debian's `chromium` (installed when missing, as root). */
export function ensureChromium() {
    const fromEnv = process.env.CHROMIUM_PATH;
    if (fromEnv) {
        return fromEnv;
    }
    for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
        if (fs.existsSync(p)) {
            return p;
        }
    }
    ensureDebianPackages(['chromium'], 'the headless browser');
    if (!fs.existsSync('/usr/bin/chromium')) {
        throw new Error('no Chromium: install Debian `chromium` or set CHROMIUM_PATH');
    }
    return '/usr/bin/chromium';
}

/** Everything the VS Code tiers need, installed or reused. */
export function ensureAll(opts = {}) {
    const t = Date.now();
    const codeServer = ensureCodeServer(opts);
    const chromium = ensureChromium();
    return { ...codeServer, chromium, setupMs: Date.now() - t };
}

export async function launchBrowser(chromium) {
    const { chromium: pw } = await import('playwright-core');
    return pw.launch({ executablePath: chromium, args: CHROMIUM_FLAGS, headless: true });
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

/** Resolves with the first match of `re` in the child's output (stdout+stderr), rejects on exit or deadline. */
function waitForOutput(child, re, what, deadlineMs, logFile) {
    return new Promise((resolve, reject) => {
        let seen = '';
        const timer = setTimeout(() => done(new Error(`${what}: not ready within ${deadlineMs} ms`)), deadlineMs);
        const onData = (chunk) => {
            seen = (seen + chunk.toString()).slice(-10_000);
            const m = re.exec(seen);
            if (m) {
                done(undefined, m);
            }
        };
        const onExit = (code, signal) =>
            done(new Error(`${what} exited (${code ?? signal}) before it was ready; see ${logFile}\n${seen}`));
        const done = (err, m) => {
            clearTimeout(timer);
            child.stdout.off('data', onData);
            child.stderr.off('data', onData);
            child.off('exit', onExit);
            if (err) {
                reject(err);
            } else {
                resolve(m);
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', onExit);
    });
}

/** Spawns a server in its own process group, its output appended to logFile. */
function spawnServer(node, args, { env, logFile }) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const out = fs.createWriteStream(logFile, { flags: 'a' });
    const child = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
    child.exited.then(() => out.end());
    return child;
}

/**
 * Stops a process this module spawned (detached, so it leads its own group): SIGTERM to the group, then
 * SIGKILL after the deadline. Only that group is signalled.
 */
export async function stopProcess(child, deadlineMs = 10_000) {
    if (!child || child.exitCode !== null || child.signalCode !== null) {
        return;
    }
    const signal = (sig) => {
        try {
            process.kill(-child.pid, sig);
        } catch {
            // already gone
        }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), deadlineMs);
    await child.exited;
    clearTimeout(timer);
    signal('SIGKILL'); // stragglers of the group (extension hosts, language servers)
}

/**
 * VS Code's own server (`server-main.js`) with the smoke-test driver, for the extension-host suite.
 * Returns { port, url, child, stop }.
 */
export async function startVSCodeServer({ node, serverMain, userDataDir, serverDataDir, env, logFile }) {
    const args = [
        serverMain,
        '--host',
        '127.0.0.1',
        '--port',
        '0',
        '--without-connection-token',
        '--accept-server-license-terms',
        '--enable-smoke-test-driver',
        '--disable-workspace-trust',
        '--disable-telemetry',
        '--user-data-dir',
        userDataDir,
        '--server-data-dir',
        serverDataDir,
    ];
    const child = spawnServer(node, args, { env, logFile });
    const m = await waitForOutput(child, /Extension host agent listening on (\d+)/, 'VS Code server', 60_000, logFile);
    const port = Number(m[1]);
    return { port, url: `http://127.0.0.1:${port}`, child, stop: () => stopProcess(child) };
}

/** Installs a VSIX into an extensions folder with code-server's CLI. */
export function installVsix({ node, entry }, vsix, { extensionsDir, userDataDir }) {
    const r = spawnSync(
        node,
        [
            entry,
            '--extensions-dir',
            extensionsDir,
            '--user-data-dir',
            userDataDir,
            '--install-extension',
            vsix,
            '--force',
        ],
        {
            encoding: 'utf8',
            env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` },
        },
    );
    if (r.status !== 0 || !/was successfully installed/.test(r.stdout + r.stderr)) {
        throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
}

/**
 * code-server (the full product: the VS Code workbench as a user sees it) on 127.0.0.1, no auth, opening
 * `folder`. Returns { port, url, child, stop }.
 */
export async function startCodeServer(
    { node, entry },
    { folder, userDataDir, extensionsDir, env = process.env, logFile, port = 0, extraArgs = [] },
) {
    const p = port || (await freePort());
    const args = [
        entry,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${p}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir,
        ...extraArgs,
        folder,
    ];
    const childEnv = { ...env, PATH: `${path.dirname(node)}${path.delimiter}${env.PATH ?? ''}` };
    delete childEnv.VSCODE_IPC_HOOK_CLI; // inside a VS Code terminal this would make code-server a client
    const child = spawnServer(node, args, { env: childEnv, logFile });
    await waitForOutput(child, /HTTP server listening on/, 'code-server', 60_000, logFile);
    return { port: p, url: `http://127.0.0.1:${p}/`, child, stop: () => stopProcess(child) };
}

/**
 * Settings for a quiet, offline test workbench: no AI features (they start an agent host and its runtime), no
 * extension gallery checks, no telemetry, no welcome page.
 */
export const QUIET_SETTINGS = Object.freeze({
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'update.mode': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.colorTheme': 'Default Dark Modern',
});

/** Writes the VS Code server's machine settings (`<server-data-dir>/data/Machine/settings.json`). */
export function writeMachineSettings(serverDataDir, settings = QUIET_SETTINGS) {
    const dir = path.join(serverDataDir, 'data', 'Machine');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 4) + '\n');
}

/** Writes code-server's user settings (`<user-data-dir>/User/settings.json`). */
export function writeUserSettings(userDataDir, settings = QUIET_SETTINGS) {
    const dir = path.join(userDataDir, 'User');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 4) + '\n');
}

/**
 * The engine for a VS Code tier run on its own (`npm run test:vscode`, `npm run test:ui`): DOCKER_HOST when set
 * (npm test sets it), else what test/support/engine.mjs finds or starts, with a state file of this process, so
 * `stop()` undoes only what this run did. Resolves { host, stop } or { host: undefined } when there is none.
 */
export function startTestEngine() {
    if (process.env.DOCKER_HOST) {
        return { host: process.env.DOCKER_HOST, stop: () => undefined };
    }
    const script = path.join(root, 'test', 'support', 'engine.mjs');
    const env = {
        ...process.env,
        DOCKWISE_ENGINE_STATE: path.join(os.tmpdir(), `dockwise-engine-vscode-${process.pid}.json`),
    };
    const r = spawnSync(process.execPath, [script, 'start'], {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        env,
    });
    const host = /^DOCKER_HOST=(.*)$/m.exec(r.stdout ?? '')?.[1];
    if (r.status !== 0 || !host) {
        return { host: undefined, stop: () => undefined };
    }
    return { host, stop: () => spawnSync(process.execPath, [script, 'stop'], { stdio: 'inherit', env }) };
}

/** A temp folder removed by the returned function. */
export function tempDir(prefix) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        if (process.argv[2] !== 'install') {
            process.stderr.write('usage: node test/support/vscode.mjs install\n');
            process.exit(2);
        }
        const r = ensureAll();
        process.stdout.write(`NODE=${r.node}\nCODE_SERVER=${r.dir}\nCHROMIUM=${r.chromium}\nSETUP_MS=${r.setupMs}\n`);
    } catch (e) {
        log(e instanceof Error ? e.message : String(e));
        process.exit(1);
    }
}
