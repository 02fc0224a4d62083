#!/usr/bin/env node
// `npm test`: installs what the tests need, builds, checks and runs every test tier.
// Usage: node test/run.mjs [--skip-install] [--only <tier,…>]
// Tiers: static (tsc, eslint, prettier), unit, server, package, engine, grammar, vscode, ui.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const want = (tier) => !only || only.includes(tier);
const env = { ...process.env };

function step(title, cmd, cmdArgs, opts = {}) {
    const t = Date.now();
    console.log(`\n▶ ${title}`);
    const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...env, ...opts.env } });
    if (r.status !== 0) {
        console.error(`✖ ${title} failed (exit ${r.status ?? r.signal})`);
        process.exit(r.status || 1);
    }
    console.log(`✔ ${title} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

function findTests(dir) {
    if (!existsSync(dir)) {
        return [];
    }
    return readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? findTests(p) : name.endsWith('.test.js') ? [p] : [];
    });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!args.includes('--skip-install')) {
    const stamp = 'node_modules/.package-lock.json';
    if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync('package-lock.json').mtimeMs) {
        step('npm ci', npm, ['ci', '--no-audit', '--no-fund']);
    }
}

if (want('static')) {
    step('type-check (tsc)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
    step('eslint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);
    step('prettier --check', process.execPath, [
        'node_modules/prettier/bin/prettier.cjs',
        '--check',
        '.',
        '--log-level=warn',
    ]);
} else {
    step('compile (tsc)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
}
step('bundle (esbuild)', process.execPath, ['esbuild.mjs']);
if (want('package')) {
    step('package VSIX (vsce)', npm, ['run', '--silent', 'package']);
}

// --- engine tier setup (issue 4): start or find a Docker engine, export DOCKER_HOST into env ---
if (want('engine')) {
    // DOCKER_HOST, else a default socket that answers, else (root or CI) a private dockerd in a temp dir.
    const t = Date.now();
    console.log('\n▶ engine: find or start a Docker engine');
    // Our own state file: a concurrent run never stops the daemon this run uses.
    env.DOCKWISE_ENGINE_STATE = path.join(os.tmpdir(), `dockwise-engine-run-${process.pid}.json`);
    const r = spawnSync(process.execPath, ['test/support/engine.mjs', 'start'], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env,
        encoding: 'utf8',
    });
    const host = /^DOCKER_HOST=(.*)$/m.exec(r.stdout ?? '')?.[1];
    if (r.status === 0 && host) {
        env.DOCKER_HOST = host;
        // Undo whatever this run's start did (a private daemon, a test image on your engine) whatever happens
        // next: step() exits on failure, and Ctrl-C.
        const stopEngine = () =>
            spawnSync(process.execPath, ['test/support/engine.mjs', 'stop'], { stdio: 'inherit', env });
        process.on('exit', stopEngine);
        process.on('SIGINT', () => process.exit(130));
        process.on('SIGTERM', () => process.exit(143));
        console.log(`✔ engine: DOCKER_HOST=${host} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    } else if (process.env.CI === 'true') {
        console.error('✖ engine: no Docker engine (required under CI)');
        process.exit(1);
    } else {
        console.log('⚠ engine: no Docker engine; the engine tests will be skipped');
    }
}

// --- ShellCheck (issue 3): the cli and server tiers run the real binary (Debian's package), installed when missing ---
if (want('cli') || want('server')) {
    await ensureShellCheck();
}

async function ensureShellCheck() {
    const { ensurePackage } = await import('./support/engine.mjs');
    if (ensurePackage('shellcheck', 'shellcheck')) {
        return;
    }
    // Under CI its tests fail without it (test/support/shellcheck.ts); elsewhere they are skipped.
    console.log('⚠ shellcheck: not installed (apt-get install shellcheck, as root); its tests will be skipped');
}

// Node test runner tiers: every folder of out/test holding *.test.js, in this order.
const NODE_TIERS = ['unit', 'cli', 'server', 'package', 'engine'];
const tiers = NODE_TIERS.filter(want);
const files = tiers.flatMap((t) => findTests(path.join('out', 'test', t)));
if (tiers.length > 0 && files.length === 0) {
    console.error('no test files found');
    process.exit(1);
}
if (files.length > 0) {
    step(`tests: ${tiers.join(', ')} (${files.length} files)`, process.execPath, [
        '--test',
        '--test-reporter=spec',
        '--test-concurrency=1',
        ...files,
    ]);
}

// --- grammar tier (issue 8): TextMate scope assertions on test/grammar/*.Dockerfile ---
if (want('grammar')) {
    step('grammar scopes (vscode-tmgrammar-test)', npm, ['run', '--silent', 'test:grammar']);
}

// --- vscode tier (issue 6): extension-host suite in a real VS Code ---
// VS Code's server (code-server 4.139.1, Node 24) and headless Chromium, installed once into .vscode-test/.
// Both tiers use the engine above (DOCKER_HOST in env) and enforce their own deadlines, so a hang fails.
if (want('vscode') || want('ui')) {
    step('VS Code 1.139 (code-server) + Chromium: install or reuse .vscode-test/', process.execPath, [
        'test/support/vscode.mjs',
        'install',
    ]);
}
if (want('vscode')) {
    step('tests: vscode (extension-host suite in VS Code)', process.execPath, ['test/vscode/run.mjs']);
}

// --- ui tier (issue 6): Playwright end-to-end tests ---
if (want('ui')) {
    if (!want('package')) {
        step('package VSIX (vsce)', npm, ['run', '--silent', 'package']);
    }
    step('tests: ui (the VSIX in code-server, driven by Playwright)', process.execPath, [
        '--test-reporter=spec',
        '--test-concurrency=1',
        'test/ui/workbench.test.mjs',
        'test/ui/engines.test.mjs',
    ]);
}
