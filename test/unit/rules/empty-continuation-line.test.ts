import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'empty-continuation-line';

describe(ID, () => {
    it('flags each run of empty lines inside a continuation', () => {
        const text =
            'FROM debian:12-slim\nRUN apt-get update \\\n\n    && apt-get install -y curl \\\n  \n\n    && rm -rf /var/lib/apt/lists/*\n';
        assert.deepEqual(hits(ID, text), [
            [2, '\n'],
            [4, '  \n\n'],
        ]);
        assert.equal(findings(ID, text)[0]!.message, 'Empty continuation line');
    });
    it('accepts comment lines, heredoc blank lines and blank lines between instructions', () => {
        const text =
            'FROM debian:12-slim\nRUN apt-get update \\\n    # refresh the index\n    && apt-get install -y curl\n\nRUN <<EOF\necho a\n\necho b\nEOF\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('works with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n    C:\\\n';
        assert.deepEqual(hits(ID, text), [[3, '\n']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, '\r\n']]);
    });
    it('removes the empty lines', () => {
        const text = 'FROM debian:12-slim\nRUN apt-get update \\\n  \n\n    && apt-get install -y curl\n';
        assert.deepEqual(fixTitles(ID, text), ['Remove empty continuation lines*']);
        const fixed = 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y curl\n';
        assert.equal(fixAndRelint(ID, text), fixed);
        assert.equal(fixAndRelint(ID, crlf(text)), crlf(fixed));
    });
    it('answers to BuildKit NoEmptyContinuation', () => {
        assert.deepEqual(hits(ID, '# dockwise ignore=NoEmptyContinuation\nFROM a\nRUN a \\\n\n b\n'), [[3, '\n']]);
        assert.deepEqual(hits(ID, 'FROM a\n# dockwise ignore=NoEmptyContinuation\nRUN a \\\n\n b\n'), []);
    });
});
