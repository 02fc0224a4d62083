import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/core/lint';
import { crlf, findings, hits } from '../helpers';

const ID = 'healthcheck-missing';

describe(ID, () => {
    it('is off by default', () => {
        assert.deepEqual(
            lint('FROM nginx:1.27\n').diagnostics.filter((d) => d.ruleId === ID),
            [],
        );
        assert.equal(
            lint('FROM nginx:1.27\n', { allRules: true }).diagnostics.filter((d) => d.ruleId === ID).length,
            1,
        );
        assert.equal(
            lint('FROM nginx:1.27\n', { rules: { DL3057: 'info' } }).diagnostics.filter((d) => d.ruleId === ID).length,
            1,
        );
    });
    it('flags a final image without HEALTHCHECK (hadolint DL3057 examples)', () => {
        assert.deepEqual(hits(ID, crlf('FROM a AS build\nHEALTHCHECK CMD true\nFROM b\n')), [[2, 'FROM b']]);
        assert.equal(findings(ID, 'FROM a\n')[0]!.severity, 'info');
    });
    it('accepts HEALTHCHECK (NONE too) in the final image or a stage it builds on', () => {
        assert.deepEqual(hits(ID, 'FROM a\nHEALTHCHECK NONE\n'), []);
        assert.deepEqual(hits(ID, 'FROM a AS base\nHEALTHCHECK CMD true\nFROM base\n'), []);
    });
});
