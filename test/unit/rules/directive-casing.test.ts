import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'directive-casing';

describe(ID, () => {
    it('flags an uppercase escape directive', () => {
        const text = '# ESCAPE=`\nFROM alpine:3.20\n';
        assert.deepEqual(hits(ID, text), [[0, 'ESCAPE']]);
        assert.equal(findings(ID, text)[0]!.message, 'Parser directives should be written in lowercase letters');
        assert.deepEqual(hits(ID, '#Escape=\\\nFROM alpine:3.20\n'), [[0, 'Escape']]);
    });
    it('accepts lowercase directives and ordinary comments', () => {
        assert.deepEqual(hits(ID, '# escape=`\nFROM alpine:3.20\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# ESCAPE=`\n'), []);
    });
    it('works with CRLF', () => {
        assert.deepEqual(hits(ID, crlf('# ESCAPE=`\nFROM alpine:3.20\n')), [[0, 'ESCAPE']]);
    });
    it('lowercases the directive', () => {
        assert.equal(fixAndRelint(ID, '# ESCAPE=`\nFROM alpine:3.20\n'), '# escape=`\nFROM alpine:3.20\n');
        assert.equal(fixAndRelint(ID, crlf('# ESCAPE=`\nFROM alpine:3.20\n')), crlf('# escape=`\nFROM alpine:3.20\n'));
    });
});
