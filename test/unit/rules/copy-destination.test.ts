import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'copy-destination';

describe(ID, () => {
    it('flags several sources copied to a destination without a trailing slash', () => {
        const text =
            'FROM node:22-slim\nCOPY package.json package-lock.json /app\nADD a.tgz b.tgz .\nCOPY ["a", "b", "/c"]\n';
        assert.deepEqual(hits(ID, text), [
            [1, '/app'],
            [2, '.'],
            [3, '/c'],
        ]);
        assert.equal(
            findings(ID, text)[0]!.message,
            'When using COPY with more than one source file, the destination must be a directory and end with a / or a \\',
        );
    });
    it('accepts one source, a trailing slash, heredocs and a variable destination', () => {
        const text =
            'FROM node:22-slim\nCOPY package.json /app\nCOPY a b /app/\nCOPY ["a", "b", "/c/"]\nCOPY <<EOF /etc/x\nhi\nEOF\nARG DEST=/d/\nCOPY a b $DEST\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM a\nCOPY a b `\n    /app\n';
        assert.deepEqual(hits(ID, text), [[3, '/app']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, '/app']]);
    });
    it('appends / to the destination, in shell and JSON form', () => {
        assert.equal(fixAndRelint(ID, 'FROM a\nCOPY a b /app\n'), 'FROM a\nCOPY a b /app/\n');
        assert.equal(fixAndRelint(ID, 'FROM a\nADD a b .\n'), 'FROM a\nADD a b ./\n');
        assert.equal(
            fixAndRelint(ID, crlf('FROM a\nCOPY ["a", "b", "/c"]\n')),
            crlf('FROM a\nCOPY ["a", "b", "/c/"]\n'),
        );
    });
    it('answers to DL3021 and DS-0011', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# hadolint ignore=DL3021\nCOPY a b /c\n'), []);
        assert.deepEqual(hits(ID, 'FROM a\n# dockwise ignore=DS-0011\nCOPY a b /c\n'), []);
    });
});
