// `npm run fuzz`: a seeded, bounded fuzz campaign against the lint core (with fixes, code actions and
// CLI formatters) in worker threads and against the running language server. See docs/fuzzing.md.
//   node out/test/fuzz/main.js [--seed N] [--count N] [--time S] [--jobs N] [--server-every N]
//                              [--small] [--hang-ms N] [--out DIR]
//   node out/test/fuzz/main.js --replay FILE.json [--minimize] [--server]   (or --seed N --index I [--small])
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { choiceRng, CORPUS, generate, ROOT } from './generate';
import { minimize } from './minimize';
import { ServerTarget } from './server';
import { fuzzCore } from './targets';
import type { FromWorker, ToWorker, WorkerData } from './worker';

interface Options {
    seed: number;
    count: number;
    timeS: number;
    jobs: number;
    serverEvery: number;
    small: boolean;
    hangMs: number;
    out: string;
    replay?: string;
    index?: number;
    minimize: boolean;
    /** Replay through the server too. */
    server: boolean;
}

function parse(argv: string[]): Options {
    const value = (name: string): string | undefined => {
        const i = argv.indexOf(name);
        return i >= 0 ? argv[i + 1] : undefined;
    };
    const num = (name: string, fallback: number): number => {
        const v = value(name);
        const n = v === undefined ? fallback : Number(v);
        if (!Number.isFinite(n) || n < 0) {
            throw new Error(`${name} needs a number, got ${v}`);
        }
        return n;
    };
    const index = value('--index');
    return {
        seed: num('--seed', Date.now() % 1_000_000_000),
        count: num('--count', 10_000),
        timeS: num('--time', 600),
        jobs: Math.max(1, num('--jobs', 1)),
        serverEvery: num('--server-every', 25),
        small: argv.includes('--small'),
        hangMs: num('--hang-ms', 60_000),
        out: path.resolve(ROOT, value('--out') ?? 'test-results/fuzz'),
        replay: value('--replay'),
        index: index === undefined ? undefined : num('--index', 0),
        minimize: argv.includes('--minimize'),
        server: argv.includes('--server'),
    };
}

interface Failure {
    target: 'core' | 'server';
    index: number;
    family: string;
    problems: string[];
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function percentile(sorted: number[], p: number): number {
    return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Writes the failing input and prints the one-line repro. */
function record(o: Options, f: Failure, text: string): void {
    mkdirSync(o.out, { recursive: true });
    const file = path.join(o.out, `failure-${o.seed}-${f.index}-${f.target}.json`);
    // JSON keeps lone surrogates and NULs exactly (a UTF-8 file would not).
    writeFileSync(file, JSON.stringify({ seed: o.seed, ...f, text }, null, 1));
    say(`✖ ${f.target} input ${f.index} (${f.family}): ${f.problems[0]?.split('\n')[0]}`);
    say(`  repro: node out/test/fuzz/main.js --replay ${path.relative(ROOT, file)}`);
}

async function campaign(o: Options): Promise<number> {
    const corpusHash = createHash('sha256').update(CORPUS.join('\0')).digest('hex').slice(0, 12);
    say(
        `fuzz: seed ${o.seed}, up to ${o.count} inputs or ${o.timeS} s, ${o.jobs} worker(s), server every ` +
            `${o.serverEvery || 'never'}; corpus ${CORPUS.length} Dockerfiles (${corpusHash})`,
    );
    say(`  repeat: node out/test/fuzz/main.js --seed ${o.seed} --count ${o.count}${o.small ? ' --small' : ''}`);
    const started = Date.now();
    const stopAt = started + o.timeS * 1000;
    const times: number[] = [];
    const families = new Map<string, { n: number; ms: number; max: number }>();
    const failures: Failure[] = [];
    let slowest = { ms: 0, index: -1, family: '' };
    let next = 0;
    /** Inputs handed to the core targets: those that hung or killed a worker count too. */
    let tried = 0;
    let coreDone = false;
    const more = () => next < o.count && Date.now() < stopAt;

    const runWorker = (): Promise<void> =>
        new Promise((resolve) => {
            const data: WorkerData = { seed: o.seed, small: o.small };
            const worker = new Worker(path.join(__dirname, 'worker.js'), {
                workerData: data,
                resourceLimits: { maxOldGenerationSizeMb: 2048 },
            });
            let current: { index: number; family: string; started: number } | undefined;
            let replace = false;
            const fail = (problem: string) => {
                if (current) {
                    const f = {
                        target: 'core' as const,
                        index: current.index,
                        family: current.family,
                        problems: [problem],
                    };
                    failures.push(f);
                    record(o, f, generate(o.seed, current.index, o.small).text);
                    current = undefined;
                }
                replace = true;
            };
            const give = () => worker.postMessage((more() ? { index: next++ } : { stop: true }) satisfies ToWorker);
            const watchdog = setInterval(() => {
                if (current && Date.now() - current.started > o.hangMs) {
                    fail(`hang: no result within ${o.hangMs} ms`);
                    void worker.terminate();
                }
            }, 250);
            worker.on('message', (m: FromWorker) => {
                if (m.kind === 'start') {
                    tried++;
                    current = { index: m.index, family: m.family, started: Date.now() };
                    return;
                }
                if (m.kind === 'done' && current) {
                    times.push(m.ms);
                    const fam = families.get(current.family) ?? { n: 0, ms: 0, max: 0 };
                    families.set(current.family, { n: fam.n + 1, ms: fam.ms + m.ms, max: Math.max(fam.max, m.ms) });
                    if (m.ms > slowest.ms) {
                        slowest = { ms: m.ms, index: m.index, family: current.family };
                    }
                    if (m.problems.length > 0) {
                        const f = {
                            target: 'core' as const,
                            index: m.index,
                            family: current.family,
                            problems: m.problems,
                        };
                        failures.push(f);
                        record(o, f, generate(o.seed, m.index, o.small).text);
                    }
                    current = undefined;
                }
                give();
            });
            worker.on('error', (e) => fail(`worker died: ${e.stack ?? e.message}`));
            worker.on('exit', () => {
                clearInterval(watchdog);
                fail('worker exited');
                resolve(replace && more() ? runWorker() : undefined);
            });
        });

    let serverInputs = 0;
    const serverTimes: number[] = [];
    const target = new ServerTarget(Math.max(30_000, o.hangMs / 2));
    const serverLoop = async () => {
        await target.start(); // Not timed: the first input would carry the server's start-up.
        for (let i = 0; o.serverEvery > 0 && !coreDone && i < o.count && Date.now() < stopAt; i += o.serverEvery) {
            const input = generate(o.seed, i, o.small);
            const t = Date.now();
            const problems = await target.run(input.text, choiceRng(o.seed, i));
            serverTimes.push(Date.now() - t);
            serverInputs++;
            if (problems.length > 0) {
                const f = { target: 'server' as const, index: i, family: input.family, problems };
                failures.push(f);
                record(o, f, input.text);
            }
        }
        await target.stop();
    };
    const progress = setInterval(() => {
        const s = (Date.now() - started) / 1000;
        say(
            `  ${s.toFixed(0)} s: ${tried} inputs (${(tried / s).toFixed(1)}/s), ` +
                `${serverInputs} via the server, ${failures.length} failures`,
        );
    }, 30_000);
    const server = serverLoop();
    await Promise.all(Array.from({ length: o.jobs }, runWorker));
    coreDone = true;
    await server;
    clearInterval(progress);

    const sorted = [...times].sort((a, b) => a - b);
    const serverSorted = [...serverTimes].sort((a, b) => a - b);
    const elapsed = (Date.now() - started) / 1000;
    const summary = {
        seed: o.seed,
        corpus: { files: CORPUS.length, sha256: corpusHash },
        inputs: tried,
        serverInputs,
        exceptions: failures.length,
        elapsedS: Math.round(elapsed),
        perInputMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: slowest.ms },
        slowest,
        serverPerInputMs: {
            p50: percentile(serverSorted, 0.5),
            p99: percentile(serverSorted, 0.99),
            max: serverSorted.at(-1) ?? 0,
        },
        families: Object.fromEntries(
            [...families].map(([k, v]) => [
                k,
                { inputs: v.n, meanMs: +(v.ms / v.n).toFixed(1), maxMs: +v.max.toFixed(1) },
            ]),
        ),
        failures: failures.map((f) => ({ ...f, problems: f.problems.map((p) => p.split('\n')[0]) })),
    };
    mkdirSync(o.out, { recursive: true });
    writeFileSync(path.join(o.out, `summary-${o.seed}.json`), JSON.stringify(summary, null, 2) + '\n');
    say(`\nfuzz: ${tried} inputs in ${elapsed.toFixed(0)} s (${serverInputs} also through the server)`);
    say(`  exceptions: ${failures.length}`);
    say(
        `  per input (core targets): p50 ${fmt(summary.perInputMs.p50)}, p99 ${fmt(summary.perInputMs.p99)}, ` +
            `slowest ${fmt(slowest.ms)} (input ${slowest.index}, ${slowest.family})`,
    );
    say(
        `  per input (server): p50 ${fmt(summary.serverPerInputMs.p50)}, p99 ${fmt(summary.serverPerInputMs.p99)}, ` +
            `slowest ${fmt(summary.serverPerInputMs.max)}`,
    );
    for (const [name, f] of Object.entries(summary.families)) {
        say(`  ${name.padEnd(18)} ${String(f.inputs).padStart(7)} inputs, mean ${fmt(f.meanMs)}, max ${fmt(f.maxMs)}`);
    }
    say(`  summary: ${path.relative(ROOT, path.join(o.out, `summary-${o.seed}.json`))}`);
    return failures.length === 0 ? 0 : 1;
}

/** Runs one input again, in-process (and through the server if it failed there), and prints its problems. */
async function replay(o: Options): Promise<number> {
    const saved = o.replay
        ? (JSON.parse(readFileSync(o.replay, 'utf8')) as Failure & { seed: number; text: string })
        : { seed: o.seed, target: 'core' as const, ...generate(o.seed, o.index ?? 0, o.small), problems: [] };
    say(`replay: seed ${saved.seed}, input ${saved.index} (${saved.family}), ${saved.text.length} characters`);
    const t = performance.now();
    let problems = await fuzzCore(saved.text, choiceRng(saved.seed, saved.index));
    say(`  core targets: ${problems.length} problem(s) in ${fmt(performance.now() - t)}`);
    if (saved.target === 'server' || o.server) {
        const target = new ServerTarget(30_000);
        const served = await target.run(saved.text, choiceRng(saved.seed, saved.index));
        say(`  server: ${served.length} problem(s)`);
        problems = [...problems, ...served];
        await target.stop();
    }
    problems.forEach((p) => say(`  - ${p}`));
    if (o.minimize && problems.length > 0) {
        const small = await minimize(saved.text, saved.seed, saved.index, problems[0]!);
        const file = path.join(o.out, `minimized-${saved.seed}-${saved.index}.json`);
        mkdirSync(o.out, { recursive: true });
        writeFileSync(file, JSON.stringify({ ...saved, text: small }, null, 1));
        say(`  minimized to ${small.length} characters: ${JSON.stringify(small).slice(0, 2000)}\n  (${file})`);
    }
    return problems.length === 0 ? 0 : 1;
}

const options = parse(process.argv.slice(2));
(options.replay !== undefined || options.index !== undefined ? replay(options) : campaign(options)).then(
    (code) => process.exit(code),
    (e: unknown) => {
        process.stderr.write(`fuzz: ${e instanceof Error ? e.stack : String(e)}\n`);
        process.exit(2);
    },
);
