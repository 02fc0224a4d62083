// Sections 1 and 2: lint throughput against the peers on one corpus, interleaved per file so that every tool
// shares the machine's noise; the Dockwise breakdown (parse / model / dockerfile-utils / our rules) and
// per-rule cost; then scaling on single files of 1k, 10k and 50k lines.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { bigDockerfile, fixtureFiles, generateCorpus, lineCount } from './corpus.mjs';
import { BUILD, log, median, now, require, ROOT, round, section } from './support/util.mjs';

const core = require(path.join(BUILD, 'core.cjs'));
const { DockerfileParser } = require('dockerfile-ast');
const { validate, ValidationCode } = require('dockerfile-utils');
const dockerfilelint = require('dockerfilelint');

// dockerfilelint looks for a .dockerfilelintrc in the directory it is given: one that has none.
const EMPTY_DIR = path.join(BUILD, 'empty');
mkdirSync(EMPTY_DIR, { recursive: true });

export const TOOLS = {
    dockwise: (t) => core.lint(t, { allRules: true }).diagnostics.length,
    'dockerfile-utils': (t) => validate(t).length,
    dockerfilelint: (t) => dockerfilelint.run(EMPTY_DIR, t).length,
    'dockerfile-ast': (t) => (DockerfileParser.parse(t), 0),
};

/** Runs one tool on one text: elapsed ms and findings (or the error). */
function timed(fn, text) {
    const t0 = now();
    try {
        const findings = fn(text);
        return { ms: now() - t0, findings };
    } catch (e) {
        return { ms: now() - t0, error: e instanceof Error ? e.message : String(e) };
    }
}

const sameValidation = (a, b) =>
    a.error === b.error && JSON.stringify([...a.byCode].sort()) === JSON.stringify([...b.byCode].sort());

/** One pass of the Dockwise pipeline split into its parts, on one text (adds into `acc`). */
function breakdown(text, acc, checkShared) {
    const add = (k, ms) => (acc[k] = (acc[k] ?? 0) + ms);
    let t0 = now();
    DockerfileParser.parse(text);
    add('parse (dockerfile-ast)', now() - t0);
    t0 = now();
    const model = core.buildModel(text);
    add('model (parse + wrap)', now() - t0);
    t0 = now();
    const v = core.validation(model); // fills the per-model cache the utils-based rules read
    add('dockerfile-utils validate (inside Dockwise, on the model parse)', now() - t0);
    t0 = now();
    const own = core.runValidation(text);
    add('dockerfile-utils validate parsing on its own (as alone)', now() - t0);
    // The model's parse handed to validate (core/sharedParse.ts) must not change what it reports.
    if (checkShared && !sameValidation(v, own)) {
        acc.sharedMismatches = (acc.sharedMismatches ?? 0) + 1;
    }
    t0 = now();
    core.suppressions(model);
    add('suppressions', now() - t0);
    const rules = (acc.rules ??= {});
    for (const rule of core.RULES) {
        t0 = now();
        try {
            rule.check({ model, options: {} });
        } catch {
            // counted by the throughput pass
        }
        rules[rule.id] = (rules[rule.id] ?? 0) + now() - t0;
    }
}

function corpusOf(options) {
    const generated = generateCorpus(options.seed ?? 20240611, options.files ?? 300);
    const fixtures = fixtureFiles(ROOT);
    return {
        texts: [...generated, ...fixtures.map((f) => f.text)],
        generatedFiles: generated.length,
        fixtureFiles: fixtures.map((f) => f.name),
    };
}

async function throughput(options) {
    const { texts, generatedFiles, fixtureFiles: fixtures } = corpusOf(options);
    const lines = texts.reduce((a, t) => a + lineCount(t), 0);
    const names = Object.keys(TOOLS);
    const minRounds = options.minRounds ?? 3;
    const maxRounds = options.maxRounds ?? 9;
    const budgetMs = options.throughputBudgetMs ?? 90_000;
    log(`throughput: ${texts.length} files, ${lines} lines; ${names.length} tools interleaved per file`);
    const rounds = [];
    const breakdowns = [];
    const findings = {};
    const errors = {};
    const start = Date.now();
    // Round 0 is the warm-up (JIT, caches) and is not counted.
    for (let r = 0; r <= maxRounds; r++) {
        const total = Object.fromEntries(names.map((n) => [n, 0]));
        // The warm-up runs on a part of the corpus: enough for the JIT.
        const round_ = r === 0 ? texts.slice(0, 100) : texts;
        round_.forEach((text, i) => {
            for (let k = 0; k < names.length; k++) {
                const name = names[(i + r + k) % names.length];
                const res = timed(TOOLS[name], text);
                total[name] += res.ms;
                if (r === 1) {
                    if (res.error !== undefined) {
                        errors[name] = (errors[name] ?? 0) + 1;
                    } else {
                        findings[name] = (findings[name] ?? 0) + res.findings;
                    }
                }
            }
        });
        // The breakdown costs about one more lint: in the warm-up and the first three rounds only.
        const acc = {};
        if (r <= 3) {
            for (const text of round_) {
                breakdown(text, acc, r === 1);
            }
        }
        if (r > 0) {
            rounds.push(total);
            if (r <= 3) {
                breakdowns.push(acc);
            }
            log(`  round ${r}: ` + names.map((n) => `${n} ${round((total[n] * 1000) / lines, 1)} µs/line`).join(', '));
        } else {
            breakdowns.warm = acc;
        }
        if (r === 1) {
            breakdowns.first = acc;
        }
        if (r >= minRounds && Date.now() - start > budgetMs) {
            break;
        }
    }
    const perLine = Object.fromEntries(
        names.map((n) => [n, round((median(rounds.map((x) => x[n])) * 1000) / lines, 2)]),
    );
    // Ratios per round (same noise for both tools), then the median.
    const ratio = (a, b) => round(median(rounds.map((x) => x[a] / x[b])), 2);
    const parts = {};
    for (const key of Object.keys(breakdowns[0]).filter((k) => k !== 'rules' && k !== 'sharedMismatches')) {
        parts[key] = round((median(breakdowns.map((b) => b[key])) * 1000) / lines, 2);
    }
    const ruleIds = Object.keys(breakdowns[0].rules);
    const perRule = ruleIds
        .map((id) => ({ id, usPerLine: round((median(breakdowns.map((b) => b.rules[id])) * 1000) / lines, 3) }))
        .sort((a, b) => b.usPerLine - a.usPerLine);
    const rulesTotal = round(
        (median(breakdowns.map((b) => Object.values(b.rules).reduce((s, v) => s + v, 0))) * 1000) / lines,
        2,
    );
    return {
        files: texts.length,
        generatedFiles,
        fixtureFiles: fixtures,
        lines,
        rounds: rounds.length,
        perLineUs: perLine,
        ratios: {
            'dockwise / dockerfile-utils': ratio('dockwise', 'dockerfile-utils'),
            'dockwise / dockerfile-ast parse': ratio('dockwise', 'dockerfile-ast'),
            'dockwise / dockerfilelint': ratio('dockwise', 'dockerfilelint'),
            'dockerfile-utils / dockerfile-ast parse': ratio('dockerfile-utils', 'dockerfile-ast'),
        },
        findings,
        errors,
        checks: {
            dockwiseRules: core.RULES.length,
            dockwiseDefaultOn: core.RULES.filter((r) => !r.offByDefault).length,
            dockerfileUtilsCodes: Object.keys(ValidationCode).filter((k) => isNaN(Number(k))).length,
        },
        breakdownUsPerLine: { ...parts, 'our rules (sum)': rulesTotal },
        sharedAstMismatches: breakdowns.first?.sharedMismatches ?? 0,
        perRule,
    };
}

async function scaling(options) {
    const sizes = options.sizes ?? [1000, 10000, 50000];
    const runsFor = (n) => (n <= 1000 ? 7 : n <= 10000 ? 3 : 2);
    const tools = ['dockwise', 'dockerfile-ast', 'dockerfile-utils', 'dockerfilelint'];
    const shapes = options.shapes ?? ['multi-stage', 'single-stage'];
    const budgetMs = options.scalingBudgetMs ?? 240_000;
    const start = Date.now();
    const out = {};
    for (const shape of shapes) {
        if (shape !== shapes[0] && Date.now() - start > budgetMs / 2) {
            out[shape] = { skipped: `time budget (${budgetMs / 1000} s) spent on the first shape` };
            continue;
        }
        const rows = [];
        for (const n of sizes) {
            const text = bigDockerfile(options.seed ?? 20240611, n, { singleStage: shape === 'single-stage' });
            const stages = core.buildModel(text).stages.length;
            // Over budget (a slow, busy machine): fewer runs of the big files, never fewer than one.
            const runs = Date.now() - start > budgetMs / 2 && n > 1000 ? 1 : runsFor(n);
            const times = Object.fromEntries(tools.map((t) => [t, []]));
            const parts = { model: [], validate: [], rules: [] };
            const perRule = {};
            if (n === sizes[0]) {
                for (const t of tools) {
                    timed(TOOLS[t], text); // warm-up (the bigger sizes are warm by then)
                }
            }
            for (let r = 0; r < runs; r++) {
                tools.forEach((_, k) => {
                    const name = tools[(k + r) % tools.length];
                    times[name].push(timed(TOOLS[name], text).ms);
                });
                if (r > 0 && n > 10000) {
                    continue; // the breakdown of a big file once: it costs as much as a lint
                }
                let t0 = now();
                const model = core.buildModel(text);
                parts.model.push(now() - t0);
                t0 = now();
                core.validation(model);
                parts.validate.push(now() - t0);
                let rulesMs = 0;
                for (const rule of core.RULES) {
                    t0 = now();
                    try {
                        rule.check({ model, options: {} });
                    } catch {
                        // see throughput
                    }
                    const ms = now() - t0;
                    rulesMs += ms;
                    (perRule[rule.id] ??= []).push(ms);
                }
                parts.rules.push(rulesMs);
            }
            const row = {
                lines: n,
                chars: text.length,
                stages,
                runs,
                ms: Object.fromEntries(tools.map((t) => [t, round(median(times[t]), 1)])),
                dockwiseParts: {
                    'model (parse)': round(median(parts.model), 1),
                    'dockerfile-utils validate': round(median(parts.validate), 1),
                    'our rules': round(median(parts.rules), 1),
                },
                topRules: Object.entries(perRule)
                    .map(([id, v]) => ({ id, ms: round(median(v), 1) }))
                    .sort((a, b) => b.ms - a.ms)
                    .slice(0, 5),
            };
            rows.push(row);
            log(
                `scaling ${shape} ${n} lines (${stages} stages, ${runs} runs): ` +
                    tools.map((t) => `${t} ${row.ms[t]} ms`).join(', '),
            );
        }
        const ratios = [];
        for (let i = 1; i < rows.length; i++) {
            const a = rows[i - 1];
            const b = rows[i];
            const sizeRatio = b.lines / a.lines;
            const r = (t) => round(b.ms[t] / a.ms[t], 2);
            const part = (k) => round(b.dockwiseParts[k] / a.dockwiseParts[k], 2);
            ratios.push({
                step: `${b.lines / 1000}k/${a.lines / 1000}k`,
                sizeRatio,
                limit: round(sizeRatio * 1.2, 2),
                ...Object.fromEntries(tools.map((t) => [t, r(t)])),
                'dockwise: model (parse)': part('model (parse)'),
                'dockwise: dockerfile-utils validate': part('dockerfile-utils validate'),
                'dockwise: our rules': part('our rules'),
            });
        }
        out[shape] = { rows, ratios };
    }
    return out;
}

section(import.meta.url, async (options) => {
    const result = { throughput: await throughput(options) };
    result.scaling = await scaling(options);
    return result;
});
