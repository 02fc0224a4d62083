import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, hits } from '../helpers';

const ID = 'workdir-system-dir';

describe(ID, () => {
    it('flags system directories (Trivy DS-0030 examples)', () => {
        assert.deepEqual(
            hits(ID, crlf('FROM a\nWORKDIR /proc/self/fd\nWORKDIR /dev\nWORKDIR "/sys/"\nWORKDIR /boot\n')),
            [
                [1, '/proc/self/fd'],
                [2, '/dev'],
                [3, '"/sys/"'],
                [4, '/boot'],
            ],
        );
    });
    it('accepts application directories', () => {
        assert.deepEqual(hits(ID, 'FROM a\nWORKDIR /app\nWORKDIR /opt/process\nWORKDIR /devtools\nWORKDIR /\n'), []);
    });
});
