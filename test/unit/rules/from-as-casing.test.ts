import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'from-as-casing';

describe(ID, () => {
    it('flags AS in another case than FROM (BuildKit docs examples)', () => {
        assert.deepEqual(hits(ID, 'FROM debian:latest as builder\n'), [[0, 'as']]);
        assert.deepEqual(hits(ID, 'from debian:latest AS builder\n'), [[0, 'AS']]);
        assert.deepEqual(hits(ID, 'FROM debian:12 As builder\n'), [[0, 'As']]);
        assert.match(findings(ID, 'FROM a as b\n')[0]!.message, /'as' and 'FROM' keywords' casing do not match/);
    });
    it('accepts matching case and mixed-case FROM', () => {
        assert.deepEqual(
            hits(ID, 'FROM a AS b\nfrom c as d\nFrom e as f\nFROM --platform=$BUILDPLATFORM g AS h\n'),
            [],
        );
    });
    it('rewrites AS', () => {
        assert.equal(fixAndRelint(ID, crlf('FROM golang:1.23 as build\n')), crlf('FROM golang:1.23 AS build\n'));
        assert.equal(fixAndRelint(ID, 'from golang:1.23 AS build\n'), 'from golang:1.23 as build\n');
    });
});
