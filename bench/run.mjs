#!/usr/bin/env node
// `npm run bench`: builds what the benchmarks load, runs every section in its own Node process (a fresh heap
// and JIT each; a section that fails is reported, not fatal) and writes bench/report.md and bench/report.json.
//   node bench/run.mjs [--quick] [--only startup,lsp,lint,cli,explorer,logs] [--out <dir>] [--no-engine]
// --quick: small sizes, for checking the bench itself (the report says so). The engine sections find or start
// a Docker engine with test/support/engine.mjs (and stop it again only if they started it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from './build.mjs';
import { writeReport } from './report.mjs';
import { BUILD, ROOT } from './support/util.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = flag('--quick');
const only = value('--only')?.split(',');
const outDir = path.resolve(value('--out') ?? path.join(ROOT, 'bench'));
const want = (s) => !only || only.includes(s);
const say = (msg) => console.log(msg);

const QUICK = {
    files: 60,
    minRounds: 1,
    maxRounds: 2,
    sizes: [500, 2000, 6000],
    edits: 40,
    activationSamples: 3,
    serverSamples: 2,
    containers: 50,
    idleWindowSec: 10,
    stopRuns: 2,
    logLines: 100_000,
    cliFiles: 60,
    largeLines: 1500,
    largeEdits: 8,
    cliRounds: 1,
};

const SECTIONS = [
    { name: 'startup', file: 'startup.mjs', timeoutMin: 4 },
    { name: 'lsp', file: 'lsp.mjs', timeoutMin: 6 },
    { name: 'lint', file: 'lint.mjs', timeoutMin: 12 },
    { name: 'cli', file: 'cliProcess.mjs', timeoutMin: 8 },
    { name: 'explorer', file: 'explorer.mjs', timeoutMin: 10, engine: true },
    { name: 'logs', file: 'logs.mjs', timeoutMin: 10, engine: true },
];

function version(pkg) {
    try {
        return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
        return undefined;
    }
}

function machine() {
    const cpus = os.cpus();
    let commit;
    const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
    if (git.status === 0) {
        commit = git.stdout.trim();
        const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
        if (dirty.stdout.trim()) {
            commit += ' (with uncommitted changes)';
        }
    }
    return {
        date: new Date().toISOString(),
        cpu: cpus[0]?.model.trim(),
        cores: cpus.length,
        memoryGB: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        commit,
        loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 10) / 10),
        dockwiseVersion: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
        packages: Object.fromEntries(
            [
                'dockerfile-ast',
                'dockerfile-utils',
                'dockerfile-language-service',
                'dockerfilelint',
                'dockerode',
                'vscode-languageserver',
                'vscode-languageclient',
                'esbuild',
                '@vscode/vsce',
            ].map((p) => [p, version(p)]),
        ),
    };
}

/** Runs one section in its own process; resolves with its result (or the failure). */
function runSection(s, options) {
    return new Promise((resolve) => {
        const resultFile = path.join(BUILD, `result-${s.name}.json`);
        rmSync(resultFile, { force: true });
        const t0 = Date.now();
        const load = os.loadavg()[0];
        const child = spawn(process.execPath, ['--expose-gc', path.join(ROOT, 'bench', s.file), resultFile], {
            cwd: ROOT,
            stdio: ['ignore', 'inherit', 'inherit'],
            env: { ...process.env, DOCKWISE_BENCH_OPTIONS: JSON.stringify(options) },
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), s.timeoutMin * 60_000);
        child.on('exit', (code, signal) => {
            clearTimeout(timer);
            let result;
            try {
                result = JSON.parse(readFileSync(resultFile, 'utf8'));
            } catch {
                result = { error: `section exited (${code ?? signal}) without a result` };
            }
            const seconds = Math.round((Date.now() - t0) / 100) / 10;
            say(
                `✔ ${s.name} (${seconds} s)${result.error ? ': FAILED' : result.skipped ? `: skipped (${result.skipped})` : ''}`,
            );
            resolve({ ...result, seconds, loadAverage: { start: load, end: os.loadavg()[0] } });
        });
    });
}

/** Finds or starts an engine (test/support/engine.mjs); undefined with a reason when there is none. */
function engine() {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'support', 'engine.mjs'), 'start'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 180_000,
    });
    const host = /^DOCKER_HOST=(.*)$/m.exec(r.stdout ?? '')?.[1];
    if (r.status !== 0 || !host) {
        return { reason: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ') };
    }
    return { host, started: /^STARTED=1$/m.test(r.stdout) };
}

const t0 = Date.now();
mkdirSync(BUILD, { recursive: true });
const report = { quick, machine: machine(), sections: {} };
say(
    `Dockwise benchmarks${quick ? ' (quick)' : ''}: ${report.machine.cpu}, ${report.machine.cores} cores, Node ${process.version}`,
);
say('▶ build (esbuild bench bundles, npm run package)');
const built = await build(ROOT, (m) => say(`  ${m}`));
report.build = { ...built, dir: path.relative(ROOT, built.dir) };
const options = { ...(quick ? QUICK : {}), build: report.build };

let eng;
for (const s of SECTIONS.filter((x) => want(x.name))) {
    say(`▶ ${s.name}`);
    if (s.engine) {
        if (flag('--no-engine')) {
            report.sections[s.name] = { skipped: 'engine sections turned off (--no-engine)' };
            continue;
        }
        eng ??= engine();
        if (!eng.host) {
            report.sections[s.name] = { skipped: `no Docker engine: ${eng.reason}` };
            say(`✖ ${s.name}: skipped, no Docker engine (${eng.reason})`);
            continue;
        }
        options.dockerHost = eng.host;
    }
    report.sections[s.name] = await runSection(s, options);
}
if (eng?.started) {
    spawnSync(process.execPath, [path.join(ROOT, 'test', 'support', 'engine.mjs'), 'stop'], { stdio: 'inherit' });
}
report.engine = eng ? { host: eng.host, startedByBench: !!eng.started, reason: eng.reason } : undefined;
report.totalSeconds = Math.round((Date.now() - t0) / 1000);
report.machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 10) / 10);
const written = await writeReport(report, outDir);
say(`Report: ${written.join(', ')} (${report.totalSeconds} s)`);
if (!existsSync(written[0])) {
    process.exit(1);
}
