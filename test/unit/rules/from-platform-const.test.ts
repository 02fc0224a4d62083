import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'from-platform-const';

describe(ID, () => {
    it('flags a constant platform (BuildKit and hadolint DL3029 examples)', () => {
        assert.deepEqual(hits(ID, 'FROM --platform=linux/amd64 alpine AS base\n'), [[0, 'linux/amd64']]);
        assert.deepEqual(hits(ID, crlf('FROM --platform=linux/arm64/v8 debian:12\n')), [[0, 'linux/arm64/v8']]);
        assert.equal(findings(ID, 'FROM --platform=linux/amd64 alpine\n')[0]!.severity, 'warning');
    });
    it('accepts variables and no flag', () => {
        const text =
            'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM --platform=${TARGETOS}/${TARGETARCH} alpine:3\nFROM alpine:3\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('accepts a stage named after its platform, as BuildKit does', () => {
        assert.deepEqual(hits(ID, 'FROM --platform=linux/amd64 alpine:3 AS build_amd64\n'), []);
        assert.deepEqual(hits(ID, 'FROM --platform=windows/amd64 nanoserver AS windows-build\n'), []);
    });
    it('answers to DL3029 and FromPlatformFlagConstDisallowed', () => {
        for (const id of ['DL3029', 'FromPlatformFlagConstDisallowed']) {
            assert.deepEqual(hits(ID, `# hadolint ignore=${id}\nFROM --platform=linux/amd64 a:1\n`), []);
        }
    });
});
