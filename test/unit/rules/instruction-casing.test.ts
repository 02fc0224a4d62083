import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintConfig } from '../../../server/src/core/config';
import { lint } from '../../../server/src/core/lint';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'instruction-casing';

describe(ID, () => {
    it('flags lowercase and mixed-case keywords, ONBUILD triggers included', () => {
        const text = 'from alpine:3.20\nRun apk add curl\nONBUILD copy . /app/\nCMD ["sh"]\n';
        assert.deepEqual(hits(ID, text), [
            [0, 'from'],
            [1, 'Run'],
            [2, 'copy'],
        ]);
        assert.equal(findings(ID, text)[0]!.message, 'Instructions should be written in uppercase letters');
        assert.equal(findings(ID, text)[0]!.severity, 'warning');
    });
    it('accepts uppercase keywords and ignores arguments', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20 as base\nRUN echo from run\n'), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM alpine:3.20\nRUN echo a `\n    b\nworkdir /app\n';
        assert.deepEqual(hits(ID, text), [[4, 'workdir']]);
        assert.deepEqual(hits(ID, crlf(text)), [[4, 'workdir']]);
    });
    it('uppercases the keyword', () => {
        assert.equal(fixAndRelint(ID, 'FROM alpine:3.20\nRun echo\n'), 'FROM alpine:3.20\nRUN echo\n');
        assert.equal(fixAndRelint(ID, crlf('from alpine:3.20\nRUN echo\n')), crlf('FROM alpine:3.20\nRUN echo\n'));
    });
    it('answers to the BuildKit id in settings and suppressions', () => {
        const ids = (text: string, config: LintConfig) =>
            lint(text, config)
                .diagnostics.filter((d) => d.ruleId === ID)
                .map((d) => d.range.start.line);
        assert.deepEqual(ids('from alpine:3.20\n', {}), [0]);
        assert.deepEqual(ids('from alpine:3.20\n', { rules: { ConsistentInstructionCasing: 'off' } }), []);
        assert.deepEqual(ids('# dockwise ignore=ConsistentInstructionCasing\nfrom alpine:3.20\nrun x\n', {}), [2]);
    });
});
