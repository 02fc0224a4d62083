import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { generate, ROOT } from '../fuzz/generate';

// The diagnostics of every fixture, of the bench corpus (bench/corpus.mjs) and of a seeded fuzz run, pinned:
// a speed-up of the lint core must not change what it reports. A deliberate change (a documented fix)
// re-pins with DOCKWISE_UPDATE_PINS=1 and says why in docs/lint-speed.md.
const PINS = path.join(ROOT, 'test', 'fixtures', 'lint-pins.json');
const CORPUS_SEED = 20240611;
const CORPUS_FILES = 300;
const FUZZ_SEED = 20_251_128;
const FUZZ_INPUTS = 400;

interface Corpus {
    generateCorpus(seed: number, count: number): string[];
    fixtureFiles(root: string): { name: string; text: string }[];
}

async function inputs(): Promise<{ name: string; text: string }[]> {
    const corpus = (await import(pathToFileURL(path.join(ROOT, 'bench', 'corpus.mjs')).href)) as Corpus;
    return [
        ...corpus.fixtureFiles(ROOT),
        ...corpus.generateCorpus(CORPUS_SEED, CORPUS_FILES).map((text, i) => ({ name: `corpus#${i}`, text })),
        ...Array.from({ length: FUZZ_INPUTS }, (_, i) => ({
            name: `fuzz#${i}`,
            text: generate(FUZZ_SEED, i, true).text,
        })),
    ];
}

/** Everything a user sees of one lint: findings with ranges, messages and fixes, and rule failures. */
function outcome(text: string): unknown {
    const r = lint(text, { allRules: true });
    return { diagnostics: r.diagnostics, failures: r.failures, checkError: r.checkError };
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

describe('pinned diagnostics (fixtures, bench corpus, seeded fuzz inputs)', { timeout: 300_000 }, () => {
    it('reports exactly what it reported when pinned', async () => {
        const all = await inputs();
        const now = Object.fromEntries(all.map((f) => [f.name, digest(outcome(f.text))]));
        if (process.env.DOCKWISE_UPDATE_PINS === '1' || !existsSync(PINS)) {
            writeFileSync(PINS, JSON.stringify(now, null, 1) + '\n');
            return;
        }
        const pinned = JSON.parse(readFileSync(PINS, 'utf8')) as Record<string, string>;
        const changed = all.filter((f) => pinned[f.name] !== now[f.name]);
        assert.deepEqual(
            changed.slice(0, 3).map((f) => ({ name: f.name, text: f.text.slice(0, 2000), now: outcome(f.text) })),
            [],
            `${changed.length} of ${all.length} inputs report something else than pinned (first ones shown). A deliberate change of what rules report: re-pin with DOCKWISE_UPDATE_PINS=1 node --test out/test/unit/lintPins.test.js and say why in the commit`,
        );
        assert.deepEqual(Object.keys(pinned).sort(), Object.keys(now).sort(), 'the set of pinned inputs changed');
    });
});
