import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { choiceRng, generate } from '../fuzz/generate';
import { ServerTarget } from '../fuzz/server';

// The server part of the short seeded fuzz run (docs/fuzzing.md; `npm run fuzz` runs thousands):
// every input opened, edited, and asked hover, completion, code actions, formatting, outline and
// more at random positions; every request is answered, nothing is logged as an error, the server lives.
const SEED = 20_251_128;
const COUNT = Number(process.env.DOCKWISE_FUZZ_SERVER_COUNT ?? 40);

describe('fuzz through the language server (short seeded run)', { timeout: 300_000 }, () => {
    const target = new ServerTarget(60_000);
    after(async () => {
        await target.stop();
    });

    it('answers every request on every input', async () => {
        const failures: string[] = [];
        for (let index = 0; index < COUNT; index++) {
            const input = generate(SEED, index, true);
            for (const problem of await target.run(input.text, choiceRng(SEED, index))) {
                failures.push(`input ${index} (${input.family}): ${problem.split('\n')[0]}`);
            }
        }
        assert.deepEqual(failures, [], `repro: node out/test/fuzz/main.js --seed ${SEED} --index <i> --small --server`);
        assert.equal(target.restarts, 0);
    });
});
