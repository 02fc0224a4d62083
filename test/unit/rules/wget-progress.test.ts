import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'wget-progress';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN wget http://google.com\n'), [[1, 'wget']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN wget --progress=dot:giga http://google.com\n'), []);
        assert.equal(findings(ID, 'FROM debian:12\nRUN wget http://google.com\n')[0]!.severity, 'info');
    });
    it('accepts quiet, no-verbose and log-file options', () => {
        for (const opts of [
            '-q',
            '-qO-',
            '--quiet',
            '-nv',
            '--no-verbose',
            '-o /tmp/log',
            '--output-file=/tmp/log',
            '-a log',
            '--progress=bar:force',
        ]) {
            assert.deepEqual(hits(ID, `FROM debian:12\nRUN wget ${opts} https://x\n`), [], opts);
        }
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN wget -O /tmp/x https://x\n'), [[1, 'wget']]);
    });
    it('leaves busybox wget alone, unless GNU wget is installed', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN wget https://x\n'), []);
        assert.deepEqual(hits(ID, 'FROM busybox:1.36\nRUN wget https://x\n'), []);
        assert.deepEqual(hits(ID, 'FROM python:3.12-alpine\nRUN wget https://x\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN apk add --no-cache wget=1.24.5-r0\nRUN wget https://x\n'), [
            [2, 'wget'],
        ]);
    });
    it('checks sh -c, heredocs and ONBUILD', () => {
        const text = [
            'FROM debian:12',
            `RUN sh -c 'wget https://x'`,
            'ONBUILD RUN wget https://y',
            'RUN <<EOF',
            'wget https://z',
            'EOF',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'wget'],
            [2, 'wget'],
            [4, 'wget'],
        ]);
    });
    it('adds --progress=dot:giga, or --no-verbose', () => {
        assert.deepEqual(fixTitles(ID, 'FROM debian:12\nRUN wget https://x\n'), [
            'Add `--progress=dot:giga`*',
            'Add `--no-verbose`',
        ]);
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN wget http://google.com\n'),
            'FROM debian:12\nRUN wget --progress=dot:giga http://google.com\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('# escape=`\nFROM debian:12\nRUN wget `\n  https://x\n'), {
                title: 'Add `--no-verbose`',
            }),
            crlf('# escape=`\nFROM debian:12\nRUN wget --no-verbose `\n  https://x\n'),
        );
    });
    it('answers to DL3047', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# hadolint ignore=DL3047\nRUN wget https://x\n'), []);
    });
});
