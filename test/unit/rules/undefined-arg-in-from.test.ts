import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'undefined-arg-in-from';

describe(ID, () => {
    it('flags undeclared ARGs in FROM (BuildKit docs example)', () => {
        assert.deepEqual(hits(ID, 'FROM node:${NODE_VERSION}-alpine AS base\n'), [[0, '${NODE_VERSION}']]);
        assert.match(findings(ID, 'FROM $IMG\n')[0]!.message, /FROM argument 'IMG' is not declared/);
    });
    it('accepts global ARGs and the predefined platform args', () => {
        const text = 'ARG NODE_VERSION=22\nFROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-alpine-${TARGETARCH}\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('does not count an ARG declared inside a stage', () => {
        const text = 'FROM alpine:3.20\nARG TAG=1\nFROM busybox:${TAG}\n';
        assert.deepEqual(hits(ID, text), [[2, '${TAG}']]);
    });
    it('checks the --platform flag too', () => {
        assert.deepEqual(hits(ID, crlf('FROM --platform=$PLATFORM alpine:3.20\n')), [[0, '$PLATFORM']]);
    });
    it('leaves references with a default alone', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:${TAG:-3.20}\n'), []);
    });
    it('suggests and fixes near names', () => {
        const text = 'ARG VERSION=3.20\nFROM alpine:${VERSON}\n';
        assert.match(findings(ID, text)[0]!.message, /did you mean VERSION/);
        assert.equal(
            fixAndRelint(ID, text, { title: 'Change to VERSION' }),
            'ARG VERSION=3.20\nFROM alpine:${VERSION}\n',
        );
    });
    it('honours the escape directive', () => {
        assert.deepEqual(hits(ID, '# escape=`\nFROM alpine:`$TAG\n'), []);
    });
    it('answers to UndefinedArgInFrom and # check=skip', () => {
        assert.deepEqual(hits(ID, '# check=skip=UndefinedArgInFrom\nFROM $X\n'), []);
    });
});
