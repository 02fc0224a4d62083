import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'invalid-stage-name';

describe(ID, () => {
    it('flags names starting with a digit or holding symbols', () => {
        const text = 'FROM golang:1.23 AS 1st\nFROM golang:1.23 AS build:dev\nFROM alpine:3.20 AS a/b\n';
        assert.deepEqual(hits(ID, text), [
            [0, '1st'],
            [1, 'build:dev'],
            [2, 'a/b'],
        ]);
        assert.equal(
            findings(ID, text)[0]!.message,
            'invalid name for build stage: "1st", name can\'t start with a number or contain symbols',
        );
    });
    it('accepts letters, digits, _ - . and any case', () => {
        assert.deepEqual(hits(ID, 'FROM a AS build_1.x-y\nFROM b AS Builder\n'), []);
    });
    it('works with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM golang:1.23 AS `\n    2nd\n';
        assert.deepEqual(hits(ID, text), [[2, '2nd']]);
        assert.deepEqual(hits(ID, crlf(text)), [[2, '2nd']]);
    });
});
