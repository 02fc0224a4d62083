import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { closeMatches } from '../../server/src/core/kit';
import { lint } from '../../server/src/core/lint';
import { buildModel } from '../../server/src/core/model';
import { RULES } from '../../server/src/core/rules';
import { defuseCommentEscapes, defuseStageNames, loneCrToLf } from '../../server/src/core/upstreamBugs';
import { computeSemanticTokens } from '../../server/src/features/semanticTokens';
import { steep } from '../fuzz/regexProbe';
import { findings } from './helpers';

// One test per bug `npm run fuzz` found (docs/fuzzing.md), with the input it found, minimized.

describe('fuzz regressions', () => {
    // Seed 7, input 163: `/^[a-z]([a-z0-9_\-.]*)*$/` in dockerfile-utils backtracks exponentially on
    // a long stage name it refuses; 30 letters took minutes. A regression hangs until the timeout.
    it('lints a long refused stage name at once', { timeout: 30_000 }, () => {
        const name = 'k'.repeat(60);
        const text = `FROM alpine AS ${name}!\nFROM alpine AS \\\n  ${name.toUpperCase()}:x\n`;
        const messages = findings('invalid-stage-name', text).map((d) => d.message);
        assert.equal(messages.length, 2);
        assert.match(messages[0]!, new RegExp(`"${name}!"`));
        assert.match(messages[1]!, new RegExp(`"${name}:x"`));
        // The input the fuzzer found: a continuation that makes LABEL's pairs FROM's arguments.
        const found =
            'FROM alpine:3.20\\\r\nLABEL org.opencontainers.image.created="2024-06-01T12:00:00Z" ' +
            'org.opencontainers.image.licenses="Apache-2.0"\r';
        assert.deepEqual(lint(found, { allRules: true }).failures, []);
    });

    it('defuses only refused names, keeping every offset', () => {
        const text = 'FROM a AS good-name.1\nFROM b AS Bad:Name\nFROM c AS 1st\nFROM d\n';
        const { text: defused, names } = defuseStageNames(buildModel(text));
        assert.equal(defused.length, text.length);
        assert.equal(defused, text.replace('Bad:Name', '!ad:Name'));
        assert.deepEqual([...names], [['!ad:name', 'bad:name']]);
    });

    // Seed 20251128, input 302 (`" c\t$\u0012"`, minimized): an indented first instruction before FROM
    // with a variable made dockerfile-ast recurse until the stack overflowed, and every rule built on
    // dockerfile-utils reported nothing for the file (upstreamBugs.ts patches resolveVariable).
    it('validates a file whose first instruction is indented and holds a variable', () => {
        for (const text of [
            '  ARG A=$B\nFROM alpine\n',
            ' c\t$\u0012',
            '\targ   V=${X:-1} \\\n  W=$V\nFROM a:$V AS 1x\n',
        ]) {
            const result = lint(text, { allRules: true });
            assert.deepEqual(result.failures, [], JSON.stringify(text));
        }
        // Findings on the moved keyword keep their place: `arg` is reported where it is written.
        const casing = findings('instruction-casing', '\targ   V=${X:-1}\nFROM a:$V\n');
        assert.deepEqual(
            casing.map((d) => d.range),
            [{ start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }],
        );
        assert.deepEqual(
            findings('unknown-instruction', ' c\t$\u0012').map((d) => d.range.start),
            [{ line: 0, character: 1 }],
        );
        // Seed 20251201, input 19100 (server, `" \t$["`): the language service's features on the same file.
        const text = '  ARG A=$B\nFROM alpine\nRUN echo $A\n';
        const service = DockerfileLanguageServiceFactory.createLanguageService();
        for (const position of [0, 3, 9].map((character) => ({ line: 0, character }))) {
            assert.doesNotThrow(() => service.computeHover(text, position));
            assert.doesNotThrow(() => service.computeCompletionItems(text, position));
            assert.doesNotThrow(() => service.computeDefinition({ uri: 'file:///x' }, text, position));
            assert.doesNotThrow(() => service.computeHighlightRanges(text, position));
            assert.doesNotThrow(() => service.computeRename({ uri: 'file:///x' }, text, position, 'Z'));
        }
    });

    // Seed 1, input 11620 (`"RUN \\\r#r\n"`, minimized): a lone CR before a comment made dockerfile-ast's
    // heredoc scan throw a TypeError; the validator now gets LF for each lone CR (same offsets).
    it('validates a file mixing CR and LF line endings', () => {
        for (const text of ['RUN \\\r#r\n', 'FROM a\rRUN b \\\r# c\nd\r\n']) {
            assert.deepEqual(lint(text, { allRules: true }).failures, [], JSON.stringify(text));
        }
        assert.equal(loneCrToLf('a\rb\r\nc\r'), 'a\nb\r\nc\n');
        // Seed 20251201, inputs 76350 and 86050 (server): the formatter, given the text the same way.
        const service = DockerfileLanguageServiceFactory.createLanguageService();
        const options = { tabSize: 4, insertSpaces: true };
        assert.throws(() => service.format('FROM a\nRUN \\\r#r\n', options), TypeError);
        assert.doesNotThrow(() => service.format(loneCrToLf('FROM a\nRUN \\\r#r\n'), options));
    });

    // Seed 2, input 8912 (`"RUN \\\n#\\le\n"`, minimized): an escape character in a comment line of a
    // continued instruction made dockerfile-ast's getHeredocs throw a TypeError.
    it('validates a continued instruction holding a comment with a backslash', () => {
        for (const text of ['RUN \\\n#\\le\n', 'FROM a\nRUN \\\n  # C:\\tools here\n  echo hi\n']) {
            assert.deepEqual(lint(text, { allRules: true }).failures, [], JSON.stringify(text));
        }
        const text = '# escape=\\\nFROM a\nRUN \\\n  # C:\\tools\n  echo hi\n';
        assert.equal(defuseCommentEscapes(buildModel(text), text), text.replace('C:\\tools', 'C: tools'));
    });

    // Seed 1, input 7440 (server): `a\` (no space), a comment line then an empty line inside a continued
    // instruction sent the language service's semantic tokenizer into endless recursion.
    it('answers semantic tokens for a comment and an empty line inside a continuation', () => {
        const service = DockerfileLanguageServiceFactory.createLanguageService();
        assert.deepEqual(computeSemanticTokens(service, 'FROM a\nRUN a\\\n# c\n\nb\n'), { data: [] });
        assert.ok(computeSemanticTokens(service, 'FROM a\nRUN a \\\n# c\nb\n').data.length > 0);
    });

    // Seed 2, input 1778 (`FROM alpine` then a 100 kB line of `$`): unknown-instruction measured the
    // typo distance of the 100 kB word to every keyword, twice; the lint took over a minute.
    it('suggests no keyword for a huge unknown word, at once', { timeout: 30_000 }, () => {
        assert.deepEqual(closeMatches('$'.repeat(100_000), ['RUN', 'FROM']), []);
        assert.deepEqual(closeMatches('RUM', ['RUN', 'FROM']), ['RUN']);
        const found = findings('unknown-instruction', 'FROM alpine\n' + '$'.repeat(100_000));
        assert.equal(found.length, 1);
        assert.deepEqual(found[0]!.fixes, []);
    });

    // Seed 20251130, input 89872 (50,000 `FROM a AS s` stages): the lookup of a stage by name scanned every
    // earlier stage, in the model and in base-image-tag/latest: 16 s of linting, now 4 s (the parser's).
    it('lints a file of many stages in time linear in their number', { timeout: 120_000 }, () => {
        const own = RULES.filter((r) => !r.equivalents.dockerfileUtils);
        const file = (k: number) => 'FROM alpine\n' + 'FROM a AS s\nRUN x\n'.repeat(k);
        assert.equal(
            steep((k) => lint(file(k), { allRules: true }, own), 500, 4, 20),
            undefined,
        );
        const model = buildModel('FROM a AS s\nFROM s AS t\nFROM s AS s\nFROM t\n');
        assert.deepEqual(
            model.stages.map((s) => s.parent?.index),
            [undefined, 0, 0, 1],
        );
    });

    // Seed 7, input 90: dockerfile-utils ends an empty continuation line at the end of the file on a
    // line past the last one; every range is now clamped to the text.
    it('keeps ranges and fix edits inside the file', () => {
        for (const text of ['FROM a\nRUN b \\\n\n', 'FROM a\r\nRUN b \\\r\n\r\n\r\n', 'FROM a\nRUN b \\\n \n']) {
            const doc = TextDocument.create('file:///x', 'dockerfile', 0, text);
            const found = findings('empty-continuation-line', text);
            assert.equal(found.length, 1, JSON.stringify(text));
            for (const range of [found[0]!.range, ...found[0]!.fixes.flatMap((f) => f.edits.map((e) => e.range))]) {
                assert.ok(range.end.line < doc.lineCount, JSON.stringify(range));
                assert.equal(doc.offsetAt(range.end), text.length);
            }
        }
    });
});
