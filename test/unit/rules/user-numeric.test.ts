import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'user-numeric';

describe(ID, () => {
    it('flags user names (hadolint DL3066 examples)', () => {
        assert.deepEqual(hits(ID, 'FROM a\nUSER node\nUSER www-data:www-data\n'), [
            [1, 'node'],
            [2, 'www-data'],
        ]);
        assert.equal(findings(ID, 'FROM a\nUSER node\n')[0]!.severity, 'info');
    });
    it('accepts numeric ids and variables', () => {
        assert.deepEqual(hits(ID, crlf('FROM a\nUSER 1000\nUSER 1000:app\nUSER $UID\nUSER ${UID}:${GID}\n')), []);
    });
    it('offers uid 0 for root', () => {
        assert.equal(fixAndRelint(ID, 'FROM a\nUSER root\n', { title: 'Use uid 0' }), 'FROM a\nUSER 0\n');
        assert.deepEqual(findings(ID, 'FROM a\nUSER node\n')[0]!.fixes, []);
    });
});
