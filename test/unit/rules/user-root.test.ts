import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'user-root';

describe(ID, () => {
    it('flags root as the last USER (hadolint DL3002 examples)', () => {
        assert.deepEqual(hits(ID, 'FROM scratch\nUSER root\n'), [[1, 'root']]);
        assert.deepEqual(hits(ID, crlf('FROM scratch\nUSER 0:0\n')), [[1, '0:0']]);
        assert.deepEqual(hits(ID, 'FROM a\nUSER foo\nUSER root:root\n'), [[2, 'root:root']]);
        assert.equal(findings(ID, 'FROM a\nUSER root\n')[0]!.severity, 'warning');
    });
    it('accepts a non-root last USER and root in build stages', () => {
        assert.deepEqual(hits(ID, 'FROM a\nUSER root\nRUN x\nUSER app\n'), []);
        assert.deepEqual(hits(ID, 'FROM a AS build\nUSER root\nFROM b\nCOPY --from=build /x /x\nUSER 1000\n'), []);
    });
    it('follows the stage chain', () => {
        assert.deepEqual(hits(ID, 'FROM a AS base\nUSER root\nFROM base\nRUN x\n'), [[1, 'root']]);
    });
    it('reports no USER at all only with requireUser (Trivy DS-0002)', () => {
        const text = 'FROM debian:12\nCMD ["bash"]\n';
        assert.deepEqual(hits(ID, text), []);
        const strict = { ruleOptions: { [ID]: { requireUser: true } } };
        assert.deepEqual(hits(ID, text, strict), [[0, 'FROM debian:12']]);
        assert.deepEqual(hits(ID, 'FROM scratch\nCOPY app /app\n', strict), []);
    });
    it('answers to DL3002 and DS-0002', () => {
        for (const id of ['DL3002', 'DS-0002']) {
            assert.deepEqual(hits(ID, `FROM a\n# hadolint ignore=${id}\nUSER root\n`), []);
        }
    });
});
