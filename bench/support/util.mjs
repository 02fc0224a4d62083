// Small helpers shared by the benchmark sections: timing, statistics, the result file protocol.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Build output and scratch files of the bench: ignored by git, prettier and eslint like the rest of node_modules. */
export const BUILD = path.join(ROOT, 'node_modules', '.cache', 'dockwise-bench');
/** `require` resolving from the repository root (node_modules and the bench bundles). */
export const require = createRequire(path.join(ROOT, 'package.json'));

/** Milliseconds, high resolution. */
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export function median(values) {
    return quantile(values, 0.5);
}

/** Linear-interpolated quantile (q in [0, 1]); undefined for an empty list. */
export function quantile(values, q) {
    const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    if (v.length === 0) {
        return undefined;
    }
    const pos = (v.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

export const round = (x, digits = 2) => (x === undefined || x === null ? x : Number(x.toFixed(digits)));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `check()` to return a truthy value, polling every `everyMs`, until `timeoutMs`. */
export async function waitFor(what, check, timeoutMs = 10_000, everyMs = 5) {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const v = await check();
        if (v) {
            return v;
        }
        if (Date.now() > end) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        }
        await sleep(everyMs);
    }
}

/**
 * Runs a section's main when the file is executed directly: `node bench/x.mjs <result.json>`. The result
 * (or the error) is written to the file so that run.mjs can assemble the report even if a section fails.
 */
export async function section(metaUrl, main) {
    if (process.argv[1] && path.resolve(process.argv[1]) !== fileURLToPath(metaUrl)) {
        return;
    }
    const out = process.argv[2];
    let result;
    try {
        result = await main(JSON.parse(process.env.DOCKWISE_BENCH_OPTIONS ?? '{}'));
    } catch (e) {
        result = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
        process.exitCode = 1;
    }
    if (out) {
        writeFileSync(out, JSON.stringify(result, null, 2));
    } else {
        console.log(JSON.stringify(result, null, 2));
    }
    // Sections may leave sockets or timers of the code under test behind: they are done.
    process.exit();
}

/** Progress lines go to stderr, so stdout stays clean. */
export const log = (msg) => process.stderr.write(`  ${msg}\n`);
