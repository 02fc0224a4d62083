import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'duplicate-stage-name';

describe(ID, () => {
    it('flags every stage sharing a name, case-insensitively', () => {
        const text = 'FROM golang:1.23 AS build\nFROM node:22 AS Build\nFROM alpine:3.20\nCOPY --from=build /a /a\n';
        assert.deepEqual(hits(ID, text), [
            [0, 'build'],
            [1, 'Build'],
        ]);
        assert.equal(findings(ID, text)[0]!.message, 'duplicate name build');
    });
    it('accepts unique names and unnamed stages', () => {
        assert.deepEqual(
            hits(ID, 'FROM golang:1.23 AS build-api\nFROM node:22 AS build-web\nFROM alpine:3.20\nFROM alpine:3.20\n'),
            [],
        );
    });
    it('works with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM golang:1.23 `\n    AS build\nFROM node:22 AS build\n';
        assert.deepEqual(hits(ID, text), [
            [2, 'build'],
            [3, 'build'],
        ]);
        assert.deepEqual(hits(ID, crlf(text)), [
            [2, 'build'],
            [3, 'build'],
        ]);
    });
    it('answers to hadolint DL3024 in suppressions', () => {
        const text = 'FROM golang:1.23 AS build\n# hadolint ignore=DL3024\nFROM node:22 AS build\n';
        assert.deepEqual(hits(ID, text), [[0, 'build']]);
    });
});
