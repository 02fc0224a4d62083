// Section 4: startup. Cold activation of the shipped extension bundle in plain Node (fresh process per sample,
// `vscode` stubbed, see support/activate.mjs), which bundled packages activation evaluates (dockerode must not
// be one), language server start to `initialize` answered, and the VSIX and bundle sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startServer } from './lsp.mjs';
import { BUILD, log, median, quantile, ROOT, round, section } from './support/util.mjs';

const ACTIVATE = path.join(ROOT, 'bench', 'support', 'activate.mjs');

/** One cold activation in a fresh Node process. */
function activateOnce(bundle) {
    const r = spawnSync(process.execPath, [ACTIVATE, bundle, ROOT], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
        throw new Error(
            `activation run failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-5).join('\n')}`,
        );
    }
    return JSON.parse(r.stdout);
}

/**
 * A copy of the unminified bundle in which every bundled node_modules file records itself when evaluated
 * (esbuild wraps each in __commonJS/__esm and evaluates it on first require).
 */
function instrument(devBundle) {
    const src = readFileSync(devBundle, 'utf8');
    let wrappers = 0;
    const out = src.replace(
        /(__commonJS|__esm)\(\{\n(\s*)"(node_modules\/[^"]+)"\(([^)]*)\) \{/g,
        (m, _k, _i, file) => {
            wrappers++;
            return `${m} globalThis.__dockwiseBenchModules?.add(${JSON.stringify(file)});`;
        },
    );
    const target = path.join(BUILD, 'extension.instrumented.js');
    writeFileSync(target, out);
    const bundled = [...new Set([...src.matchAll(/"node_modules\/((?:@[^/"]+\/)?[^/"]+)\//g)].map((m) => m[1]))].sort();
    return { target, wrappers, bundled };
}

const packagesOf = (files) =>
    [...new Set(files.map((f) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter(Boolean))].sort();

section(import.meta.url, async (options) => {
    const prod = path.join(BUILD, 'dist', 'extension.js');
    const ref = path.join(BUILD, 'ref-extension.js');
    const samples = options.activationSamples ?? 10;
    activateOnce(prod); // warm the file cache
    activateOnce(ref);
    const runs = [];
    const refRuns = [];
    for (let i = 0; i < samples; i++) {
        runs.push(activateOnce(prod));
        refRuns.push(activateOnce(ref));
    }
    const pick = (list, k) => list.map((r) => r[k]);
    const activation = {
        bundle: 'dist/extension.js (production, minified)',
        samples,
        loadMs: round(median(pick(runs, 'loadMs'))),
        activateMs: round(median(pick(runs, 'activateMs'))),
        totalMs: round(median(pick(runs, 'totalMs'))),
        totalP95Ms: round(quantile(pick(runs, 'totalMs'), 0.95)),
        totalMinMs: round(Math.min(...pick(runs, 'totalMs'))),
        cpuMs: round(median(pick(runs, 'cpuMs'))),
        reference: {
            what: 'a minimal LSP client extension: vscode-languageclient bundled and minified the same way, activate() only schedules the client',
            totalMs: round(median(pick(refRuns, 'totalMs'))),
            totalMinMs: round(Math.min(...pick(refRuns, 'totalMs'))),
            cpuMs: round(median(pick(refRuns, 'cpuMs'))),
        },
        ratioToReference: round(median(runs.map((r, i) => r.totalMs / refRuns[i].totalMs)), 2),
        activateError: runs[0].activateError,
        subscriptions: runs[0].subscriptions,
        blockedChildProcesses: runs[0].blockedChildProcesses,
        requiredFromNodeModules: runs[0].requiredFromNodeModules,
    };
    log(
        `activation: load ${activation.loadMs} ms + activate ${activation.activateMs} ms (median of ${samples}); ` +
            `reference ${activation.reference.totalMs} ms, ratio ${activation.ratioToReference}`,
    );

    const inst = instrument(path.join(BUILD, 'extension.dev.js'));
    const dev = activateOnce(inst.target);
    const lazy = {
        bundledPackages: inst.bundled,
        dockerodeInBundle: inst.bundled.includes('dockerode'),
        packagesEvaluatedAtActivation: packagesOf(dev.bundledModulesAtActivation),
        packagesEvaluated50msLater: packagesOf(dev.bundledModulesAfter50ms),
        requiredFromNodeModules: dev.requiredFromNodeModules,
    };
    lazy.dockerodeLoadedAtActivation =
        lazy.packagesEvaluatedAtActivation.includes('dockerode') ||
        lazy.packagesEvaluated50msLater.includes('dockerode') ||
        dev.requiredFromNodeModules.some((f) => f.includes('/dockerode/'));
    log(
        `lazy check: dockerode in bundle ${lazy.dockerodeInBundle}, loaded at activation ${lazy.dockerodeLoadedAtActivation}`,
    );

    const serverSamples = options.serverSamples ?? 6;
    const initMs = [];
    const peerMs = [];
    for (let i = 0; i <= serverSamples; i++) {
        for (const [file, list] of [
            [path.join(BUILD, 'dist', 'server.js'), initMs],
            [path.join(BUILD, 'peer-server.js'), peerMs],
        ]) {
            const s = await startServer(file);
            if (i > 0) {
                list.push(s.initializeMs);
            }
            await s.stop();
        }
    }
    const server = {
        bundle: 'dist/server.js (production)',
        samples: serverSamples,
        forkToInitializeMs: round(median(initMs)),
        p95Ms: round(quantile(initMs, 0.95)),
        peerForkToInitializeMs: round(median(peerMs)),
        ratioToPeer: round(median(initMs.map((x, i) => x / peerMs[i])), 2),
    };
    log(
        `server: fork → initialize answered ${server.forkToInitializeMs} ms (median of ${serverSamples}); ` +
            `peer ${server.peerForkToInitializeMs} ms`,
    );

    const size = (p) => (existsSync(p) ? statSync(p).size : undefined);
    const sizes = {
        vsixBytes: size(path.join(BUILD, 'dist', 'dockwise.vsix')),
        extensionJsBytes: size(path.join(BUILD, 'dist', 'extension.js')),
        engineJsBytes: size(path.join(BUILD, 'dist', 'engine.js')),
        serverJsBytes: size(path.join(BUILD, 'dist', 'server.js')),
        cliJsBytes: size(path.join(BUILD, 'dist', 'cli.js')),
    };
    return { activation, lazy, server, sizes };
});
