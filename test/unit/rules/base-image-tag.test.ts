import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'base-image-tag';

describe(ID, () => {
    it('flags an untagged base image (hadolint DL3006 wiki example)', () => {
        assert.deepEqual(hits(ID, 'FROM debian\n'), [[0, 'debian']]);
        assert.deepEqual(hits(ID, 'FROM ghcr.io/org/app AS app\n'), [[0, 'ghcr.io/org/app']]);
        assert.equal(findings(ID, 'FROM debian\n')[0]!.severity, 'warning');
        assert.match(findings(ID, 'FROM debian\n')[0]!.message, /debian:latest/);
    });
    it('accepts tags, digests, scratch, earlier stages and variables', () => {
        const text = [
            'FROM debian:jessie AS base',
            'FROM base',
            'FROM BASE AS again',
            'FROM scratch',
            'FROM alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5',
            'FROM ${IMAGE}',
            'FROM localhost:5000/app:1.0',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('flags a stage name used before the stage exists', () => {
        assert.deepEqual(hits(ID, 'FROM build\nFROM golang:1.23 AS build\n'), [[0, 'build']]);
    });
    it('keeps exact ranges with CRLF and flags', () => {
        assert.deepEqual(hits(ID, crlf('FROM --platform=$BUILDPLATFORM node AS b\n')), [[0, 'node']]);
    });
    it('answers to DL3006 and DS-0001', () => {
        for (const id of ['DL3006', 'DS-0001']) {
            assert.deepEqual(hits(ID, `# hadolint ignore=${id}\nFROM debian\n`), []);
        }
    });
});
