import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'redundant-target-platform';

describe(ID, () => {
    it('flags --platform=$TARGETPLATFORM (BuildKit and hadolint DL3065 examples)', () => {
        assert.deepEqual(hits(ID, 'FROM --platform=$TARGETPLATFORM alpine AS builder\n'), [
            [0, '--platform=$TARGETPLATFORM'],
        ]);
        assert.deepEqual(hits(ID, 'FROM --platform=${TARGETPLATFORM} alpine:3\n'), [
            [0, '--platform=${TARGETPLATFORM}'],
        ]);
        assert.match(findings(ID, 'FROM --platform=$TARGETPLATFORM a:1\n')[0]!.message, /redundant/);
    });
    it('accepts other platforms', () => {
        assert.deepEqual(
            hits(ID, 'FROM --platform=$BUILDPLATFORM alpine:3\nFROM --platform=$TARGETOS/$TARGETARCH a:1\n'),
            [],
        );
    });
    it('removes the flag', () => {
        assert.equal(fixAndRelint(ID, 'FROM --platform=$TARGETPLATFORM alpine:3.20\n'), 'FROM alpine:3.20\n');
        assert.equal(
            fixAndRelint(ID, crlf('FROM --platform=${TARGETPLATFORM}   alpine:3.20 AS run\nUSER 1000\n')),
            crlf('FROM alpine:3.20 AS run\nUSER 1000\n'),
        );
    });
    it('keeps a line continuation intact', () => {
        const text = 'FROM --platform=$TARGETPLATFORM \\\n    alpine:3.20\n';
        assert.equal(fixAndRelint(ID, text), 'FROM \\\n    alpine:3.20\n');
    });
});
