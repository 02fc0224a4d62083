import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'label-missing';
const schema = { ruleOptions: { [ID]: { labelSchema: { author: 'text', version: 'semver' } } } };

describe(ID, () => {
    it('does nothing without a schema', () => {
        assert.deepEqual(hits(ID, 'FROM a\n'), []);
    });
    it('flags each missing label at the stage (hadolint DL3049 examples)', () => {
        const text = 'FROM debian:12\nLABEL author=x\n';
        assert.deepEqual(hits(ID, text, schema), [[0, 'debian:12']]);
        assert.equal(findings(ID, text, schema)[0]!.message, 'Label `version` is missing.');
        assert.equal(findings(ID, text, schema)[0]!.severity, 'info');
    });
    it('counts labels of parent stages and skips build stages', () => {
        const text = crlf(
            'FROM a AS base\nLABEL author=x version=1.0.0\nFROM b AS build\nFROM base\nCOPY --from=build /x /x\n',
        );
        assert.deepEqual(hits(ID, text, schema), []);
        assert.deepEqual(hits(ID, 'FROM a AS one\nLABEL author=x version=1.0.0\nFROM b AS two\n', schema).length, 2);
    });
});
