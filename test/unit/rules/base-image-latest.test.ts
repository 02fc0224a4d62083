import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'base-image-latest';

describe(ID, () => {
    it('flags :latest (hadolint DL3007 wiki example)', () => {
        assert.deepEqual(hits(ID, 'FROM debian:latest\n'), [[0, 'latest']]);
        assert.deepEqual(hits(ID, crlf('FROM ghcr.io/a/b:latest AS x\nFROM x\n')), [[0, 'latest']]);
        assert.equal(findings(ID, 'FROM debian:latest\n')[0]!.severity, 'warning');
    });
    it('accepts pinned tags, digests and untagged images (base-image-tag reports those)', () => {
        const text =
            'FROM debian:12\nFROM debian:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\nFROM debian\nFROM debian:latest-slim\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('answers to DL3007 and DS-0001 in settings', () => {
        assert.deepEqual(hits(ID, 'FROM debian:latest\n', { rules: { [ID]: 'off', DL3007: 'off' } }), []);
        assert.deepEqual(
            findings(ID, 'FROM debian:latest\n', { rules: { 'DS-0001': 'error' } }).map((d) => d.severity),
            ['warning'],
        );
    });
});
