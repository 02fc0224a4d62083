import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, hits } from '../helpers';

const ID = 'keep-alive-hack';

describe(ID, () => {
    it('flags tail -f /dev/null after service starts', () => {
        const text = 'FROM ubuntu:24.04\nCMD service mysql start && tail -f /dev/null\n';
        assert.deepEqual(hits(ID, text), [[1, 'tail -f /dev/null']]);
    });
    it('flags sleep infinity in exec form and in sh -c', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD ["sleep", "infinity"]\n'), [[1, '"sleep", "infinity"']]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD ["sh", "-c", "crond && sleep infinity"]\n'), [
            [1, 'sleep infinity'],
        ]);
    });
    it('flags a while true loop', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD while true; do sleep 60; done\n'), [[1, 'true']]);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text =
            '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD service x start && `\n    tail -f /dev/null\n';
        assert.deepEqual(hits(ID, text), [[3, 'tail -f /dev/null']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, 'tail -f /dev/null']]);
    });
    it('ignores a real foreground program, RUN lines and earlier stages', () => {
        assert.deepEqual(hits(ID, 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN sleep infinity & true\nCMD ["app"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20 AS a\nCMD tail -f /dev/null\nFROM alpine:3.20\nCMD ["app"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD tail -f /dev/null\nCMD ["app"]\n'), []);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# dockwise ignore=keep-alive-hack\nCMD tail -f /dev/null\n'), []);
    });
});
