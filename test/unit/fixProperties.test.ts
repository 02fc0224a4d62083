import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasFix } from '../../server/src/cli/ruleFacts';
import { lint } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import { checkFixAll, checkFixes, fixAll, titleAdmits, type Violation } from '../fuzz/fixProperties';
import { CORPUS, generateFamily } from '../fuzz/generate';
import { fixAndRelint, fixTitles } from './fixHelpers';
import { applyFix, findings } from './helpers';

// Quick-fix properties (docs/fuzzing.md), with every rule on: a fix removes its finding, brings no
// new finding of any rule at any severity (unless its title says what it leaves) and is not offered
// again where it wrote; fix-all brings no new error and settles. Over every rule's doc examples,
// the repository's Dockerfiles and seeded fuzzed variants of them (same inputs on every run).
const SEED = 20_251_129;
const VARIANTS = Number(process.env.DOCKWISE_FIX_VARIANTS ?? 150);

const show = (v: Violation) => `${v.ruleId} "${v.fix}": ${v.property}: ${v.detail.split('\n')[0]}\n${v.text}`;

describe('quick-fix properties', { timeout: 300_000 }, () => {
    it('hold on every fixable rule’s doc examples', () => {
        const fixable = RULES.filter(hasFix);
        assert.ok(fixable.length >= 40, `${fixable.length} rules with fixes`);
        const violations = fixable.flatMap((r) => [...checkFixes(r.docs.bad), ...checkFixes(r.docs.good)]);
        assert.deepEqual(violations.map(show), []);
    });

    it('hold on the repository’s Dockerfiles, one fix at a time and all at once', () => {
        const violations = CORPUS.flatMap((t) => [...checkFixes(t), ...checkFixAll(t)]);
        assert.deepEqual(violations.map(show), []);
    });

    it('hold on fuzzed variants (mutated real files, instruction soups)', () => {
        const texts = ['mutated', 'soup'].flatMap((family) =>
            Array.from({ length: VARIANTS }, (_, i) => generateFamily(SEED, i, family).text),
        );
        const violations = texts.flatMap((t) => [...checkFixes(t), ...checkFixAll(t)]);
        assert.deepEqual(violations.map(show), []);
    });
});

// One test per rule the property tests caught, with the input they found, minimized.
describe('quick fixes the property tests corrected', () => {
    it('instruction-arguments: AS only before a stage name; every extra argument at once', () => {
        assert.deepEqual(fixTitles('instruction-arguments', 'FROM node:22-slim node:22-slim\n'), []);
        const text = 'FROM a\nSTOPSIGNAL { ` x\n';
        const [d] = findings('instruction-arguments', text);
        assert.equal(applyFix(text, d!.fixes[0]!), 'FROM a\nSTOPSIGNAL {\n');
    });

    it('apt-lists-cleanup: no ` && rm …` that an open `${` would swallow', () => {
        const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends${ nginx\n';
        assert.deepEqual(fixTitles('apt-lists-cleanup', text), []);
        assert.deepEqual(
            fixTitles('apt-lists-cleanup', 'FROM debian:12\nRUN apt-get update && apt-get install -y x\n'),
            ['Delete the lists at the end of this RUN*'],
        );
    });

    it('pipefail: no SHELL inserted before the first FROM (fix-all repeated it)', () => {
        assert.deepEqual(fixTitles('pipefail', 'RUN curl -fsSL https://x | sh\n'), []);
        assert.equal(checkFixAll('RUN curl -fsSL https://x | sh\n').length, 0);
    });

    it('workdir-relative and copy-destination: a lone quote is part of the path', () => {
        assert.deepEqual(fixTitles('workdir-relative', 'FROM a\nWORKDIR " app\n'), []);
        const text = 'FROM a\nCOPY a b "\n';
        const [d] = findings('copy-destination', text);
        assert.equal(applyFix(text, d!.fixes[0]!), 'FROM a\nCOPY a b "/\n');
        const json = 'FROM a\nCOPY ["a", "b", "/c"]\n';
        assert.equal(
            applyFix(json, findings('copy-destination', json)[0]!.fixes[0]!),
            'FROM a\nCOPY ["a", "b", "/c/"]\n',
        );
    });

    it('empty-continuation-line: at the end of the file the empty line goes too', () => {
        const text = 'FROM a\nRUN a \\\n   ';
        assert.equal(applyFix(text, findings('empty-continuation-line', text)[0]!.fixes[0]!), 'FROM a\nRUN a \\');
        assert.deepEqual(findings('empty-continuation-line', 'FROM a\nRUN a \\'), []);
    });

    it('escape-directive: the conversion the file continues its lines with', () => {
        assert.deepEqual(fixTitles('escape-directive', '# escape=``\nFROM a\nRUN a \\\n  b\n'), [
            'Convert to backslash*',
        ]);
        assert.deepEqual(fixTitles('escape-directive', '# escape=``\nFROM a\nRUN a `\n  b\n'), [
            'Convert to backtick*',
        ]);
        assert.deepEqual(fixTitles('escape-directive', '# escape=^\nFROM a\n'), [
            'Convert to backslash',
            'Convert to backtick',
        ]);
    });

    it('fix-all: an escape directive fix goes alone (a `\\"` written for `\\` ends a string under a backtick)', () => {
        const text = '# escape=``\nFROM a\nMAINTAINER me " x\nRUN a `\n  b\n';
        const once = fixAll(text);
        assert.equal(once, text.replace('# escape=``', '# escape=`'));
        assert.equal(
            lint(fixAll(once), { allRules: true }).diagnostics.filter((d) => d.ruleId === 'invalid-syntax').length,
            0,
        );
    });

    it('legacy-key-value: not for a name like `${`, nor across lines', () => {
        assert.deepEqual(fixTitles('legacy-key-value', 'FROM a\nENV ${ x y\n'), []);
        assert.deepEqual(fixTitles('legacy-key-value', 'FROM a\nENV A \\\n  b c\n'), []);
        assert.deepEqual(fixTitles('legacy-key-value', 'FROM a\nENV A b c\n'), ['Use key=value*']);
    });

    it('cmd-exec-form on a keep-alive CMD: `exec tail -f /dev/null` is the same keep-alive finding, not a new one', () => {
        const text = 'FROM ubuntu:24.04\nCMD service nginx start && tail -f /dev/null\n';
        const fixed = fixAndRelint('cmd-exec-form', text, {
            title: 'Prefix `tail` with `exec` so it replaces the shell as PID 1',
        });
        assert.equal(fixed, 'FROM ubuntu:24.04\nCMD service nginx start && exec tail -f /dev/null\n');
        assert.deepEqual(
            findings('keep-alive-hack', fixed).map((d) => d.message),
            findings('keep-alive-hack', text).map((d) => d.message),
        );
    });

    it('service-logs-to-file: the links join the installing RUN instead of making a second RUN in a row', () => {
        const text = 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\n';
        const fixed = fixAndRelint('service-logs-to-file', text);
        assert.equal(fixed.split('\nRUN ').length, 2, fixed);
    });

    it('a fix may leave another rule’s finding only when its title says so', () => {
        assert.ok(titleAdmits('Change to CMD (it leaves two CMD instructions in this stage)', 'multiple-instructions'));
        assert.ok(titleAdmits('Turn off consecutive-run here', 'consecutive-run'));
        assert.ok(!titleAdmits('Add EXPOSE 80', 'consecutive-run'));
        const twice = 'FROM alpine:3.20\nCMD ["a"]\nCDM ["b"]\n';
        const [typo] = findings('unknown-instruction', twice);
        assert.match(typo!.fixes[0]!.title, /leaves two CMD/);
    });
});
