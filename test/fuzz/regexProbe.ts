// Catastrophic-backtracking probes, run in a worker thread (an exponential regex never returns;
// the test's watchdog names it). Each probe times a pumped input at n and 4n and compares the
// growth with a linear baseline measured the same way: linear code grows ~4×, a quadratic ~16×.
import { parentPort, workerData } from 'node:worker_threads';
import { lint } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import type { RegexSite } from './regexInventory';

export interface Slow {
    what: string;
    sample: string;
    /** Time at 4n over time at n, and the same for the linear baseline. */
    ratio: number;
    baseline: number;
    ms: number;
}

export type ProbeMessage = { kind: 'start'; what: string } | { kind: 'slow'; slow: Slow } | { kind: 'done' };

/** Minimum over a few runs: noise only ever adds time. */
function time(f: () => unknown, runs = 3): number {
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        f();
        best = Math.min(best, performance.now() - t);
    }
    return best;
}

/** How a linear pass over a string grows from n to 4n characters on this machine, now. */
export function linearBaseline(n: number): number {
    const pass = (s: string) => () => {
        let h = 0;
        for (let k = 0; k < 200; k++) {
            for (let i = 0; i < s.length; i++) {
                h = (h * 31 + s.charCodeAt(i)) | 0;
            }
        }
        return h;
    };
    const a = 'ab'.repeat(n / 2);
    return time(pass(a + a + a + a), 5) / Math.max(time(pass(a), 5), 1e-3);
}

const DEFAULT_ALPHABET = [' ', 'a', 'A', '0', '\\', '"', "'", '-', '.', '/', ':', '=', '$', '{', '\t', '\n', ',', '_'];

/** Characters a regex source mentions (classes' shorthands as a sample character), then the defaults. */
function alphabet(source: string): string[] {
    const chars = new Set<string>();
    for (let i = 0; i < source.length; i++) {
        const c = source[i]!;
        if (c === '\\') {
            const e = source[++i] ?? '';
            const sample = { s: ' ', S: 'a', d: '0', D: 'a', w: 'a', W: ' ', n: '\n', t: '\t', r: '\r', b: '', B: '' }[
                e
            ];
            chars.add(sample ?? e);
        } else if (!'^$.*+?()[]{}|'.includes(c)) {
            chars.add(c);
        }
    }
    return [...new Set([...chars, ...DEFAULT_ALPHABET])].filter((c) => c.length === 1).slice(0, 28);
}

/** The literal text a regex starts with after `^` (so a pump reaches the repetitions behind it). */
function literalPrefix(source: string): string {
    const m = /^\^?((?:[A-Za-z0-9 _=:,@#%&~<>!/'"-]|\\[.\-/$(){}[\]*+?|^])*)/.exec(source);
    const prefix = (m?.[1] ?? '').replace(/\\(.)/g, '$1');
    // A quantified last character is optional: leave it to the pump.
    return /^[*+?{]/.test(source.slice(m?.[0].length ?? 0)) ? prefix.slice(0, -1) : prefix;
}

/** Pumped strings for a regex: each character and pair of its alphabet, repeated, then a refused tail. */
export function pumps(source: string): { prefix: string; unit: string; tail: string }[] {
    const a = alphabet(source);
    const units = [...a, ...a.slice(0, 9).flatMap((x, i) => a.slice(i + 1, 9).map((y) => x + y))];
    const prefixes = [...new Set(['', literalPrefix(source)])];
    return prefixes.flatMap((prefix) =>
        units.flatMap((unit) => ['\u0001', '\n!'].map((tail) => ({ prefix, unit, tail }))),
    );
}

/**
 * Whether `run(k)` grows faster than linear code: from n to 4n by more than twice the linear
 * ratio (4, or the baseline measured now if steeper), and again from 4n to 16n — a noise spike
 * makes one step look steep, a real curve both. Under `floorMs` at 4n it is fast enough anyway.
 */
export function steep(run: (k: number) => unknown, n: number, baseline: number, floorMs: number): number | undefined {
    const limit = 2 * Math.max(4, baseline);
    // A single run first (most probes stop here); then minimums of three, which GC pauses do not reach.
    if (time(() => run(4 * n), 1) < floorMs || time(() => run(4 * n)) < floorMs) {
        return undefined;
    }
    const t4 = time(() => run(4 * n));
    const ratio =
        t4 /
        Math.max(
            time(() => run(n)),
            1e-3,
        );
    if (ratio <= limit || time(() => run(16 * n)) / t4 <= limit) {
        return undefined;
    }
    return ratio;
}

/** The slowest-growing pump of a regex, if it grows faster than linear code does. */
export function probeRegex(site: RegexSite, n: number, baseline: number): Slow | undefined {
    // Sticky regexes only try where they are told: anchored, like that.
    const source = site.flags.includes('y') ? `^(?:${site.source})` : site.source;
    const re = new RegExp(source, site.flags.replace(/[gy]/g, ''));
    let worst: Slow | undefined;
    for (const { prefix, unit, tail } of pumps(site.source)) {
        const input = (k: number) => prefix + unit.repeat(Math.ceil(k / unit.length)) + tail;
        // Exponential first, on short inputs (2^24 steps still return): 16 → 24 is 256× for 2^n.
        const t24 = time(() => re.test(input(24)), 3);
        if (
            t24 > 5 &&
            t24 /
                Math.max(
                    time(() => re.test(input(16)), 3),
                    1e-3,
                ) >
                30
        ) {
            return { what: site.where, sample: JSON.stringify(input(24)), ratio: Infinity, baseline, ms: t24 };
        }
        const ratio = steep((k) => re.test(input(k)), n, baseline, 2);
        if (ratio !== undefined && (!worst || ratio > worst.ratio)) {
            const ms = time(() => re.test(input(4 * n)), 1);
            worst = { what: site.where, sample: JSON.stringify(input(40)) + '…', ratio, baseline, ms };
        }
    }
    return worst;
}

/** Lines that pump each instruction's arguments, for the whole rule set. */
export const INSTRUCTIONS = ['RUN', 'CMD', 'ENV', 'LABEL', 'EXPOSE', 'FROM a AS', 'COPY', 'ADD', 'HEALTHCHECK'];
export const INSTRUCTIONS_MORE = ['ARG', 'USER', 'WORKDIR', 'VOLUME', 'SHELL', 'ONBUILD RUN', 'STOPSIGNAL', 'FROM'];
export const UNITS = [
    ' a',
    'a',
    '-',
    '--a',
    '$',
    '${',
    '"',
    "'",
    '\\',
    '=',
    ':',
    '/',
    '.',
    ',',
    'a=b ',
    '&& ',
    '|',
    '`',
];

/**
 * Dockwise's own rules: those mapped from dockerfile-utils share its validator, whose cost grows with
 * the square of an instruction's argument count (docs/fuzzing.md); that is upstream's, bounded by the
 * server's limits, and would hide ours.
 */
const OWN_RULES = RULES.filter((r) => !r.equivalents.dockerfileUtils);

/** Lints `FROM alpine` + `<instruction> <unit × n>`: Dockwise's rules, then per rule to name the slow one. */
export function probeInstruction(instruction: string, unit: string, n: number, baseline: number): Slow | undefined {
    const text = (k: number) => `FROM alpine\n${instruction} ${unit.repeat(Math.ceil(k / unit.length))}x!\n`;
    const all = { allRules: true };
    const ratio = steep((k) => lint(text(k), all, OWN_RULES), n, baseline, 20);
    if (ratio === undefined) {
        return undefined;
    }
    const big = text(4 * n);
    const t4 = time(() => lint(big, all, OWN_RULES), 1);
    const perRule = OWN_RULES.map((r) => ({ id: r.id, ms: time(() => lint(big, all, [r]), 1) })).sort(
        (a, b) => b.ms - a.ms,
    );
    return {
        what: `${instruction} (slowest rules: ${perRule
            .slice(0, 3)
            .map((r) => `${r.id} ${r.ms.toFixed(0)} ms`)
            .join(', ')})`,
        sample: JSON.stringify(`${instruction} ${unit.repeat(4)}…x!`),
        ratio,
        baseline,
        ms: t4,
    };
}

if (parentPort && (workerData as { probe?: unknown } | undefined)?.probe) {
    const port = parentPort;
    // `from`: where to go on after the probe the main thread gave up on (its watchdog).
    const { sites, n, lineN, from } = workerData as { sites: RegexSite[]; n: number; lineN: number; from: number };
    const send = (m: ProbeMessage) => port.postMessage(m);
    const baseline = linearBaseline(n);
    let index = 0;
    for (const site of sites) {
        if (index++ < from) {
            continue;
        }
        send({ kind: 'start', what: `${site.where} /${site.source}/${site.flags}` });
        const slow = probeRegex(site, n, baseline);
        if (slow) {
            send({ kind: 'slow', slow });
        }
    }
    const lineBaseline = linearBaseline(lineN);
    for (const instruction of lineN > 0 ? [...INSTRUCTIONS, ...INSTRUCTIONS_MORE] : []) {
        for (const unit of UNITS) {
            if (index++ < from) {
                continue;
            }
            send({ kind: 'start', what: `${instruction} ${JSON.stringify(unit)} × ${lineN}` });
            const slow = probeInstruction(instruction, unit, lineN, lineBaseline);
            if (slow) {
                send({ kind: 'slow', slow });
            }
        }
    }
    send({ kind: 'done' });
}
