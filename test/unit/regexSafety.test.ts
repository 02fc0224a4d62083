import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { nestedQuantifiers, type RegexSite, regexSites } from '../fuzz/regexInventory';
import type { ProbeMessage, Slow } from '../fuzz/regexProbe';

// Catastrophic backtracking in the lint core (docs/fuzzing.md): every regex literal under
// server/src/core is read from the sources; nested repetitions must be reviewed below, and each
// regex and each instruction's rules are timed on pumped strings at n, 4n and 16n against a
// linear growth (ratios, not milliseconds, so a loaded machine does not fail it).

/** Nested unbounded repetitions that cannot split one string in many ways, and why. */
const REVIEWED: Record<string, string> = {
    [`(?:[^\\s"']|"(?:[^"\\\\]|\\\\.)*"?|'[^']*'?)+`]:
        'nothing follows the repetition, so its first (greedy) way to match is taken: no backtracking',
    '(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*': 'each repetition starts with `.`, which no part inside takes',
    '(?:\\.[0-9a-zA-Z-]+)*': 'each repetition starts with `.`, which the class inside does not take',
    "(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*": 'each repetition starts with `.`, which the class inside does not take',
    '(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*': 'each repetition starts with `.`, which no class inside takes',
    '(?:\\$\\{[^}\\s]*\\}|[^\\s;"\'{}\\\\])+':
        'the alternatives cannot take the same `{` (`${…}` or a class without `{`) and nothing follows',
    '(\\.\\d+)*': 'each repetition starts with `.`',
    '(?:[A-Z0-9]+ )*': 'each repetition ends with a space, which `[A-Z0-9]` does not take',
    '(?:--\\S+(?:\\s+|$))*': 'each flag is a whole word: `\\S+` must be followed by whitespace or the end',
    '(?:--\\S+\\s+)*': 'each flag is a whole word followed by whitespace',
    '(?:\\s*,\\s*[A-Za-z0-9_-]+)*': 'each repetition starts with `,`, which the class does not take',
};

/** Regexes built at run time (file and code, without line numbers), each from parts that are safe. */
const CONSTRUCTED = [
    // Docker's reference grammar (shared with the client); probed through referenceProblem by the instruction
    // probes (FROM).
    'server/src/shared/imageReference.ts new RegExp( `^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`, )',
    // Heredoc ends: a word of [A-Za-z0-9_] matched at line starts.
    "server/src/core/model.ts new RegExp(`^${heredoc[1] ? '\\\\t*' : ''}${heredoc[3]}\\\\r?$`, 'm')",
    "server/src/core/rules/log-to-file.ts new RegExp(`^${m[1] ? '\\\\t*' : ''}${m[3]}\\\\r?$`, 'm')",
    "server/src/core/kit/edits.ts new RegExp(`^${m[1] ? '\\\\t*' : ''}${m[3]}\\\\r?$`, 'm')",
    // A sed delimiter, escaped when special.
    'server/src/core/rules/log-to-file.ts new RegExp(`(?<!\\\\\\\\)${delimiter}`)',
    // A logging directive (a literal above) and a stream name at most 80 characters apart.
    'server/src/core/rules/service-logs-to-file.ts new RegExp(`${log.directive.source}[^\\n]{0,80}?${STREAM}`, log.directive.flags)',
];

interface ProbeRun {
    slow: Slow[];
    hung: string[];
}

/** Runs the probes in a worker; one that does not come back within `hangMs` is a hang, and the rest go on. */
function probe(sites: RegexSite[], lineN: number, hangMs = 20_000): Promise<ProbeRun> {
    const out: ProbeRun = { slow: [], hung: [] };
    const script = path.join(__dirname, '..', 'fuzz', 'regexProbe.js');
    return new Promise((resolve, reject) => {
        const run = (from: number) => {
            const worker = new Worker(script, { workerData: { probe: true, sites, n: 1000, lineN, from } });
            let index = from - 1;
            let current = '';
            let last = Date.now();
            const dog = setInterval(() => {
                if (Date.now() - last > hangMs) {
                    clearInterval(dog);
                    out.hung.push(current);
                    void worker.terminate().then(() => run(index + 1));
                }
            }, 250);
            worker.on('message', (m: ProbeMessage) => {
                last = Date.now();
                if (m.kind === 'start') {
                    index++;
                    current = m.what;
                } else if (m.kind === 'slow') {
                    out.slow.push(m.slow);
                } else {
                    clearInterval(dog);
                    void worker.terminate().then(() => resolve(out));
                }
            });
            worker.on('error', (e) => {
                clearInterval(dog);
                reject(e);
            });
        };
        run(0);
    });
}

const describeSlow = (s: Slow) => `${s.what}: ×${s.ratio.toFixed(1)} from n to 4n on ${s.sample}`;

describe('regular expressions of the lint core', { timeout: 300_000 }, () => {
    const { literals, constructed: coreConstructed } = regexSites();
    // The core also runs the shared leaf's regexes (the image-reference grammar).
    const constructed = [...coreConstructed, ...regexSites('server/src/shared').constructed];

    it('are all found (TypeScript parser over server/src/core)', () => {
        assert.ok(literals.length > 300, `${literals.length} regex literals`);
        for (const l of literals) {
            assert.doesNotThrow(() => new RegExp(l.source, l.flags), l.where);
        }
    });

    it('nest unbounded repetitions only where one string cannot split in many ways', () => {
        const unreviewed = literals.flatMap((l) =>
            nestedQuantifiers(l.source)
                .filter((q) => REVIEWED[q] === undefined)
                .map((q) => `${l.where} /${l.source}/ nests ${q}`),
        );
        assert.deepEqual(unreviewed, []);
        // The scan itself: it finds the shapes that backtrack exponentially.
        assert.deepEqual(nestedQuantifiers('^[a-z]([a-z0-9_\\-.]*)*$'), ['([a-z0-9_\\-.]*)*']);
        assert.deepEqual(nestedQuantifiers('(?:\\s*--\\S+)*\\s*CMD'), ['(?:\\s*--\\S+)*']);
        assert.deepEqual(nestedQuantifiers('[(]a+[)]*(?:ab)+'), []);
    });

    it('are built at run time only in the reviewed places', () => {
        assert.deepEqual(
            constructed.map((c) => c.replace(/:\d+ /, ' ')).sort(),
            [...CONSTRUCTED].sort(),
            'a new `new RegExp(…)`: check what goes into it and add it here',
        );
    });

    it('grow linearly on pumped strings, and so does every rule on pumped instructions', async () => {
        const { slow, hung } = await probe(literals, 2000);
        assert.deepEqual(hung, [], 'no answer within 20 s (exponential backtracking?)');
        assert.deepEqual(slow.map(describeSlow), []);
    });

    it('would catch the regexes it made us fix (the probe itself)', async () => {
        const bad = [
            // Quadratic: trailing slashes, a letter run holding `c`; exponential: dockerfile-utils' stage name.
            { where: 'trailing slashes', source: '\\/+$', flags: '' },
            { where: 'sh -c', source: '^-[a-z]*c[a-z]*$', flags: '' },
            { where: 'stage name', source: '^[a-z]([a-z0-9_\\-.]*)*$', flags: '' },
        ];
        const { slow, hung } = await probe(bad, 0);
        assert.deepEqual([...slow.map((s) => s.what), ...hung].sort(), ['sh -c', 'stage name', 'trailing slashes']);
    });
});
