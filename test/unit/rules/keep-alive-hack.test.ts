import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

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
    it('flags long sleeps, endless loops and tail --follow', () => {
        const text = [
            'FROM alpine:3.20',
            'CMD sleep 1d; sleep 99999999; until false; do x; done; while sleep 3600; do :; done; tail --follow=name /dev/null',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'sleep 1d'],
            [1, 'sleep 99999999'],
            [1, 'false'],
            [1, 'sleep 3600'],
            [1, 'tail --follow=name /dev/null'],
        ]);
        const [loop] = findings(ID, 'FROM alpine:3.20\nCMD while true; do sleep 60; done\n');
        assert.match(loop!.message, /`while true …`/);
    });
    it('ignores short sleeps and waiting loops', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD sleep 5 && exec app\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD while ! nc -z db 5432; do sleep 1; done; exec app\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD ["sleep", "3600"]\n'), []);
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
