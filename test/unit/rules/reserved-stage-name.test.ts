import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'reserved-stage-name';

describe(ID, () => {
    it('flags scratch and context as stage names (BuildKit and hadolint DL3063 examples)', () => {
        assert.deepEqual(hits(ID, 'FROM alpine AS scratch\nFROM alpine AS context\nFROM alpine AS Scratch\n'), [
            [0, 'scratch'],
            [1, 'context'],
            [2, 'Scratch'],
        ]);
        assert.equal(findings(ID, 'FROM alpine AS scratch\n')[0]!.severity, 'warning');
    });
    it('accepts other names and FROM scratch', () => {
        assert.deepEqual(hits(ID, crlf('FROM scratch\nFROM alpine AS scratchpad\nFROM alpine AS build-context\n')), []);
    });
    it('answers to DL3063 and ReservedStageName', () => {
        assert.deepEqual(hits(ID, '# check=skip=ReservedStageName\nFROM a AS scratch\n'), []);
        assert.deepEqual(hits(ID, '# hadolint ignore=DL3063\nFROM a AS scratch\n'), []);
    });
});
