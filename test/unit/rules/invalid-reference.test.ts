import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'invalid-reference';

describe(ID, () => {
    it('flags malformed tags and digests', () => {
        const text = 'FROM node:\nFROM node:@sha256:abc\nFROM node:-x\nFROM node@sha256\n';
        assert.deepEqual(hits(ID, text), [
            [0, 'node:'],
            [1, 'node:@sha256:abc'],
            [2, '-x'],
            [3, 'sha256'],
        ]);
        assert.equal(findings(ID, text)[0]!.message, 'invalid reference format');
    });
    it('flags an undefined variable as the base name, and a bad COPY --from', () => {
        const text = 'FROM $BASE_IMAGE\nCOPY --from=-x /a /a\n';
        assert.deepEqual(hits(ID, text), [
            [0, '$BASE_IMAGE'],
            [1, '-x'],
        ]);
        assert.deepEqual(
            findings(ID, text).map((d) => d.message),
            [
                'base name ($BASE_IMAGE) should not be blank: declare it with a default before the first FROM (`ARG NAME=image:tag`)',
                'invalid from flag value -x: invalid reference format',
            ],
        );
    });
    it('accepts tags, digests, declared ARGs, defaults and platform variables', () => {
        const text =
            'ARG BASE=alpine:3.20\nFROM $BASE\nFROM node:22.1-slim@sha256:0123abcd\nFROM ${IMG:-alpine}\nFROM $BUILDPLATFORM\nFROM localhost:5000/team/app:v1.2\nCOPY --from=0 /a /a\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM `\n    node:\n';
        assert.deepEqual(hits(ID, text), [[2, 'node:']]);
        assert.deepEqual(hits(ID, crlf(text)), [[2, 'node:']]);
    });
});
