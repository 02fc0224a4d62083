import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'expose-ssh';

describe(ID, () => {
    it('flags port 22 (Trivy DS-0004 examples)', () => {
        assert.deepEqual(hits(ID, crlf('FROM a\nEXPOSE 22\nEXPOSE 80 22/tcp 20-25\n')), [
            [1, '22'],
            [2, '22/tcp'],
            [2, '20-25'],
        ]);
        assert.equal(findings(ID, 'FROM a\nEXPOSE 22\n')[0]!.severity, 'warning');
    });
    it('accepts other ports and 22/udp', () => {
        assert.deepEqual(hits(ID, 'FROM a\nEXPOSE 2222 80 22/udp $PORT\n'), []);
    });
    it('answers to DS-0004', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# dockwise ignore=DS-0004\nEXPOSE 22\n'), []);
    });
});
