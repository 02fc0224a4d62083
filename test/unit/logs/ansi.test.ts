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
});
