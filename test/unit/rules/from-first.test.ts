import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'from-first';

describe(ID, () => {
    it('flags an instruction before the first FROM', () => {
        const text = '# syntax=docker/dockerfile:1\nARG V=3.20\nRUN echo hi\nFROM alpine:${V}\n';
        assert.deepEqual(hits(ID, text), [[2, 'RUN']]);
        assert.equal(
            findings(ID, text)[0]!.message,
            'No source image provided with `FROM`: start the file with `FROM <image>` (only ARG may come before it)',
        );
    });
    it('flags an empty file and a file with only ARGs at its start', () => {
        assert.deepEqual(hits(ID, ''), [[0, '']]);
        assert.deepEqual(hits(ID, '# just a comment\n'), [[0, '']]);
        assert.deepEqual(hits(ID, 'ARG V=1\n'), [[0, '']]);
        assert.equal(
            findings(ID, '')[0]!.message,
            'No source image provided with `FROM`: start the file with `FROM <image>`',
        );
    });
    it('accepts FROM first, after ARGs, comments and directives', () => {
        assert.deepEqual(hits(ID, '# escape=`\n# comment\nARG A=1\nARG B\nFROM alpine:3.20\nRUN true\n'), []);
    });
    it('works with CRLF and the escape directive', () => {
        const text = '# escape=`\nLABEL a=b `\n    c=d\nFROM alpine:3.20\n';
        assert.deepEqual(hits(ID, text), [[1, 'LABEL']]);
        assert.deepEqual(hits(ID, crlf(text)), [[1, 'LABEL']]);
    });
    it('answers to hadolint DL3061', () => {
        assert.deepEqual(hits(ID, '# hadolint ignore=DL3061\nRUN x\nFROM alpine:3.20\n'), []);
    });
});
