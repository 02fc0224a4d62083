import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'env-self-reference';

describe(ID, () => {
    it('flags a reference to a name the same ENV defines (hadolint DL3044 examples)', () => {
        assert.deepEqual(hits(ID, 'FROM a\nENV BLA="blubb" BLUBB="${BLA}/blubb"\n'), [[1, '${BLA}']]);
        assert.deepEqual(hits(ID, 'FROM a\nENV A=1 \\\n    B=$A\n'), [[2, '$A']]);
        assert.equal(findings(ID, 'FROM a\nENV A=1 B=$A\n')[0]!.severity, 'error');
    });
    it('accepts self-reference, earlier definitions and partial names (hadolint DL3044 examples)', () => {
        const text = [
            'FROM a',
            'ENV PATH=/opt/bin:$PATH',
            'ENV BLA="blubb"',
            'ENV BLUBB="${BLA}/blubb"',
            'ARG FOO',
            'ENV FOO=${FOO} BAR=$FOO',
            'ENV BLA_BLUBB=blubb BLAH=${BLA}',
            'ENV X=1 Y=$XY',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('splits the ENV before the pair that uses the variable', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM a\nENV APP_HOME=/opt/app APP_BIN=${APP_HOME}/bin\n'),
            'FROM a\nENV APP_HOME=/opt/app\nENV APP_BIN=${APP_HOME}/bin\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM a\nENV A=1 \\\n    B=$A \\\n    C=3\n')),
            crlf('FROM a\nENV A=1\nENV B=$A \\\n    C=3\n'),
        );
    });
    it('offers no split when the name is defined later in the line', () => {
        assert.deepEqual(findings(ID, 'FROM a\nENV B=$A A=1\n')[0]!.fixes, []);
    });
});
