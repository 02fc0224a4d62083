import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choiceRng, FAMILIES, generate, generateFamily } from '../fuzz/generate';
import { fuzzCore } from '../fuzz/targets';

// The short seeded run of `npm run fuzz` (docs/fuzzing.md): the same inputs on every run, the
// pure targets in-process. Bounded by count and by time (the machine may be loaded), so it runs
// a prefix of the same sequence; a failure names the seed and index to replay.
const SEED = 20_251_128;
const COUNT = Number(process.env.DOCKWISE_FUZZ_COUNT ?? 2000);
const BUDGET_MS = Number(process.env.DOCKWISE_FUZZ_MS ?? 15_000);

describe('fuzz (short seeded run)', { timeout: 120_000 }, () => {
    it('generates the same input for the same seed and index', () => {
        for (const index of [0, 1, 17, 999]) {
            assert.equal(generate(SEED, index).text, generate(SEED, index).text);
        }
        assert.notEqual(generate(SEED, 1).text, generate(SEED + 1, 1).text);
    });

    it('finds no exception, bad range or unappliable fix', async () => {
        const started = Date.now();
        let ran = 0;
        const failures: string[] = [];
        for (let index = 0; index < COUNT && Date.now() - started < BUDGET_MS; index++) {
            const input = generate(SEED, index, true);
            const problems = await fuzzCore(input.text, choiceRng(SEED, index));
            ran++;
            if (problems.length > 0) {
                failures.push(
                    `input ${index} (${input.family}): ${problems[0]}\n  repro: node out/test/fuzz/main.js --seed ${SEED} --index ${index} --small`,
                );
            }
        }
        assert.ok(ran >= Math.min(COUNT, 100), `only ${ran} inputs ran`);
        assert.deepEqual(failures, [], `${failures.length} of ${ran} inputs failed`);
    });

    it('survives one input of each family of bounded size', async () => {
        for (const family of FAMILIES.filter((f) => !f.big)) {
            const input = generateFamily(SEED, 3, family.name);
            assert.deepEqual(await fuzzCore(input.text, choiceRng(SEED, 3)), [], family.name);
        }
    });
});
