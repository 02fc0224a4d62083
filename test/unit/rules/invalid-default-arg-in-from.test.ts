import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'invalid-default-arg-in-from';

describe(ID, () => {
    it('flags ARGs whose defaults leave an invalid image (BuildKit docs example)', () => {
        assert.deepEqual(hits(ID, 'ARG TAG\nFROM busybox:${TAG}\n'), [[1, 'busybox:${TAG}']]);
        assert.match(findings(ID, 'ARG TAG\nFROM busybox:${TAG}\n')[0]!.message, /busybox:.*tag after `:` is empty/);
        assert.deepEqual(hits(ID, crlf('ARG IMAGE=""\nFROM ${IMAGE} AS x\n')), [[1, '${IMAGE}']]);
        assert.match(findings(ID, 'ARG IMG=Alpine\nFROM $IMG\n')[0]!.message, /lowercase/);
    });
    it('accepts defaults, fallbacks, platform args and stages', () => {
        const text = [
            'ARG TAG=latest',
            'ARG REG=registry.example.com:5000/',
            'FROM busybox:${TAG} AS base',
            'FROM alpine:${V:-3.20}',
            'FROM ${REG}app:1',
            'FROM --platform=$BUILDPLATFORM tonistiigi/xx:${TARGETARCH}',
            'ARG STAGE=base',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
        assert.deepEqual(hits(ID, 'ARG S=base\nFROM alpine:3 AS base\nFROM ${S}\n'), []);
    });
    it('leaves undeclared names to undefined-arg-in-from', () => {
        assert.deepEqual(hits(ID, 'FROM busybox:${TAG}\n'), []);
    });
    it('answers to InvalidDefaultArgInFrom', () => {
        assert.deepEqual(hits(ID, 'ARG TAG\n# check=skip=InvalidDefaultArgInFrom\nFROM busybox:${TAG}\n'), []);
    });
});
