import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'escape-directive';

describe(ID, () => {
    it('flags an invalid escape character', () => {
        const text = '# escape=^\nFROM alpine:3.20\n';
        assert.deepEqual(hits(ID, text), [[0, '^']]);
        assert.equal(findings(ID, text)[0]!.message, "invalid ESCAPE '^'. Must be ` or \\");
    });
    it('flags a repeated escape directive', () => {
        const text = '# escape=`\n# escape=\\\nFROM alpine:3.20\n';
        assert.deepEqual(hits(ID, text), [[1, 'escape=\\']]);
        assert.equal(findings(ID, text)[0]!.message, 'only one escape parser directive can be used');
    });
    it('accepts backslash, backtick and no directive', () => {
        assert.deepEqual(hits(ID, '# escape=\\\nFROM alpine:3.20\n'), []);
        assert.deepEqual(hits(ID, '# escape=`\nFROM alpine:3.20\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# escape=^\n'), []);
    });
    it('works with CRLF', () => {
        assert.deepEqual(hits(ID, crlf('# escape=^\nFROM alpine:3.20\n')), [[0, '^']]);
    });
    it('offers backslash or backtick, neither preferred', () => {
        const text = '# escape=^\nFROM alpine:3.20\n';
        assert.deepEqual(fixTitles(ID, text), ['Convert to backslash', 'Convert to backtick']);
        assert.equal(fixAndRelint(ID, text, { title: 'Convert to backtick' }), '# escape=`\nFROM alpine:3.20\n');
        assert.equal(
            fixAndRelint(ID, crlf(text), { title: 'Convert to backslash' }),
            crlf('# escape=\\\nFROM alpine:3.20\n'),
        );
    });
    it('removes a repeated directive', () => {
        const text = '# escape=`\n# escape=\\\nFROM alpine:3.20\n';
        const title = 'Remove the repeated escape directive';
        assert.deepEqual(fixTitles(ID, text), [title]);
        assert.equal(fixAndRelint(ID, text, { title }), '# escape=`\nFROM alpine:3.20\n');
        assert.equal(fixAndRelint(ID, crlf(text), { title }), crlf('# escape=`\nFROM alpine:3.20\n'));
    });
});
