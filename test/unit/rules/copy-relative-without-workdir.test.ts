import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'copy-relative-without-workdir';

describe(ID, () => {
    it('flags a relative destination without WORKDIR (hadolint DL3045 example)', () => {
        assert.deepEqual(hits(ID, 'FROM scratch\nCOPY foo bar\n'), [[1, 'bar']]);
        assert.deepEqual(hits(ID, crlf('FROM scratch\nCOPY foo "bar dir/"\nADD a.txt .\n')), [
            [1, 'dir/"'],
            [2, '.'],
        ]);
        assert.equal(findings(ID, 'FROM scratch\nCOPY foo bar\n')[0]!.severity, 'warning');
    });
    it('accepts absolute, Windows and variable destinations, and COPY after WORKDIR', () => {
        const text = [
            'FROM scratch',
            'COPY foo /bar',
            'COPY foo "/bar"',
            'COPY foo $DIR/bar',
            'WORKDIR /app',
            'COPY foo bar',
            'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022',
            'COPY foo c:\\\\app\\\\',
            'COPY foo D:/app/',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('inherits WORKDIR from the stage it builds on, not from others', () => {
        const text = 'FROM a AS base\nWORKDIR /app\nFROM base\nCOPY x .\nFROM b\nCOPY y .\n';
        assert.deepEqual(hits(ID, text), [[5, '.']]);
    });
    it('works with the escape directive', () => {
        assert.deepEqual(hits(ID, '# escape=`\nFROM a\nCOPY foo `\n    bar\n'), [[3, 'bar']]);
    });
});
