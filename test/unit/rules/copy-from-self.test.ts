import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'copy-from-self';

describe(ID, () => {
    it('flags COPY --from of the current stage (hadolint DL3023 example)', () => {
        const text = 'FROM debian:jessie AS foo\nCOPY --from=foo bar .\n';
        assert.deepEqual(hits(ID, text), [[1, 'foo']]);
        assert.equal(findings(ID, text)[0]!.severity, 'error');
        assert.deepEqual(hits(ID, crlf('FROM a AS x\nFROM b AS Y\nCOPY --from=1 /a /b\nCOPY --from=y /a /b\n')), [
            [2, '1'],
            [3, 'y'],
        ]);
    });
    it('accepts other stages', () => {
        assert.deepEqual(hits(ID, 'FROM a AS foo\nFROM b AS bar\nCOPY --from=foo bar .\n'), []);
    });
    it('answers to DL3023 and DS-0006', () => {
        for (const id of ['DL3023', 'DS-0006']) {
            assert.deepEqual(hits(ID, `FROM a AS foo\n# hadolint ignore=${id}\nCOPY --from=foo bar .\n`), []);
        }
    });
});
