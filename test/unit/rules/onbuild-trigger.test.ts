import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'onbuild-trigger';

describe(ID, () => {
    it('flags ONBUILD FROM, MAINTAINER and ONBUILD', () => {
        const text = 'FROM node:22-slim\nONBUILD FROM alpine\nONBUILD MAINTAINER me\nONBUILD ONBUILD RUN x\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'FROM'],
            [2, 'MAINTAINER'],
            [3, 'ONBUILD'],
        ]);
        assert.deepEqual(
            findings(ID, text).map((d) => d.message),
            [
                "FROM isn't allowed as an ONBUILD trigger",
                "MAINTAINER isn't allowed as an ONBUILD trigger",
                "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
            ],
        );
    });
    it('accepts other triggers', () => {
        assert.deepEqual(hits(ID, 'FROM node:22-slim\nONBUILD COPY . /app/\nONBUILD RUN npm ci\n'), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM a\nONBUILD `\n    FROM b\n';
        assert.deepEqual(hits(ID, text), [[3, 'FROM']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, 'FROM']]);
    });
    it('answers to hadolint DL3043', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# hadolint ignore=DL3043\nONBUILD FROM b\n'), []);
    });
});
