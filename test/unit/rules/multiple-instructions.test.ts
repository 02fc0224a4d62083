import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'multiple-instructions';

describe(ID, () => {
    it('flags each overridden CMD, ENTRYPOINT and HEALTHCHECK of a stage', () => {
        const text =
            'FROM node:22-slim\nCMD ["a"]\nENTRYPOINT ["x"]\nCMD ["b"]\nHEALTHCHECK CMD true\nENTRYPOINT ["y"]\nHEALTHCHECK NONE\nCMD ["c"]\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'CMD'],
            [2, 'ENTRYPOINT'],
            [3, 'CMD'],
            [4, 'HEALTHCHECK'],
        ]);
        assert.equal(
            findings(ID, text)[0]!.message,
            'There can only be one CMD instruction in a Dockerfile or build stage. Only the last one will have an effect.',
        );
    });
    it('accepts one per stage, and a later stage setting its own', () => {
        assert.deepEqual(hits(ID, 'FROM node:22 AS build\nCMD ["a"]\nFROM build\nCMD ["b"]\n'), []);
    });
    it('works with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM alpine:3.20\nCMD echo a `\n    b\nCMD ["c"]\n';
        assert.deepEqual(hits(ID, text), [[2, 'CMD']]);
        assert.deepEqual(hits(ID, crlf(text)), [[2, 'CMD']]);
    });
    it('answers to the hadolint, BuildKit and Trivy ids', () => {
        for (const id of ['DL4003', 'DL4004', 'DL3012', 'MultipleInstructionsDisallowed', 'DS-0016']) {
            assert.deepEqual(hits(ID, `FROM alpine:3.20\n# dockwise ignore=${id}\nCMD ["a"]\nCMD ["b"]\n`), []);
        }
    });
});
