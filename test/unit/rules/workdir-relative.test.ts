import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'workdir-relative';

describe(ID, () => {
    it('flags a relative WORKDIR with no absolute one before it', () => {
        const text = 'FROM node:22-slim\nWORKDIR app\nFROM node:22-slim\nWORKDIR "src dir"\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'app'],
            [3, '"src dir"'],
        ]);
        assert.equal(findings(ID, text)[0]!.message, 'WORKDIR paths should be absolute');
        assert.equal(findings(ID, text)[0]!.severity, 'warning');
    });
    it('accepts absolute, variable and Windows paths, and a relative path after an absolute one', () => {
        const text =
            'FROM node:22-slim AS base\nWORKDIR /app\nWORKDIR src\nFROM base\nWORKDIR lib\nFROM alpine:3.20\nWORKDIR $HOME/x\nWORKDIR C:\\\\app\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('still flags a relative WORKDIR in a stage that does not build on the absolute one', () => {
        assert.deepEqual(hits(ID, 'FROM a AS one\nWORKDIR /app\nFROM b\nWORKDIR app\n'), [[3, 'app']]);
        assert.deepEqual(hits(ID, 'FROM a\nWORKDIR app\nWORKDIR /x\n'), [[1, 'app']]);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM alpine:3.20\nWORKDIR `\n    app\n';
        assert.deepEqual(hits(ID, text), [[3, 'app']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, 'app']]);
    });
    it('offers to make the path absolute, not as the automatic fix', () => {
        assert.deepEqual(fixTitles(ID, 'FROM a\nWORKDIR app\n'), ['Make the path absolute (from /)']);
        const title = 'Make the path absolute (from /)';
        assert.equal(fixAndRelint(ID, 'FROM a\nWORKDIR app\n', { title }), 'FROM a\nWORKDIR /app\n');
        assert.equal(
            fixAndRelint(ID, crlf('FROM a\nWORKDIR "my app"\n'), { title }),
            crlf('FROM a\nWORKDIR "/my app"\n'),
        );
    });
    it('answers to DL3000, WorkdirRelativePath and DS-0009', () => {
        for (const id of ['DL3000', 'WorkdirRelativePath', 'DS-0009']) {
            assert.deepEqual(hits(ID, `FROM a\n# hadolint ignore=${id}\nWORKDIR app\n`), []);
        }
    });
});
