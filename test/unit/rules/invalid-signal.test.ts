import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'invalid-signal';

describe(ID, () => {
    it('flags a value that is no signal', () => {
        const text =
            'FROM nginx:1.27\nSTOPSIGNAL GRACEFUL\nFROM nginx:1.27\nSTOPSIGNAL 9x\nFROM nginx:1.27\nSTOPSIGNAL $UNSET\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'GRACEFUL'],
            [3, '9x'],
            [5, '$UNSET'],
        ]);
        assert.equal(
            findings(ID, text)[0]!.message,
            'Invalid signal: GRACEFUL: write a signal name (`SIGTERM`) or number (`15`)',
        );
    });
    it('accepts what the builder accepts, including names without SIG and any case', () => {
        const text =
            'FROM a\nSTOPSIGNAL SIGTERM\nFROM a\nSTOPSIGNAL 9\nFROM a\nSTOPSIGNAL QUIT\nFROM a\nSTOPSIGNAL sigint\nFROM a\nSTOPSIGNAL RTMIN+3\nFROM a\nARG S=SIGTERM\nSTOPSIGNAL $S\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM a\nSTOPSIGNAL `\n    TERMINATE\n';
        assert.deepEqual(hits(ID, text), [[3, 'TERMINATE']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, 'TERMINATE']]);
    });
    it('corrects a misspelt signal name', () => {
        assert.deepEqual(fixTitles(ID, 'FROM a\nSTOPSIGNAL TREM\n'), ['Change to SIGTERM*']);
        assert.equal(fixAndRelint(ID, 'FROM a\nSTOPSIGNAL TREM\n'), 'FROM a\nSTOPSIGNAL SIGTERM\n');
        assert.equal(fixAndRelint(ID, crlf('FROM a\nSTOPSIGNAL qiut\n')), crlf('FROM a\nSTOPSIGNAL SIGQUIT\n'));
        assert.deepEqual(fixTitles(ID, 'FROM a\nSTOPSIGNAL GRACEFUL\n'), []);
    });
});
