import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'undefined-var';

describe(ID, () => {
    it('flags a global ARG used in a stage without ARG NAME, and fixes it', () => {
        const text = 'ARG VERSION=1.4.2\nFROM alpine:3.20\nCOPY app-${VERSION}.tar.gz /opt/\n';
        assert.deepEqual(hits(ID, text), [[2, '${VERSION}']]);
        assert.match(findings(ID, text)[0]!.message, /global ARG/);
        assert.equal(
            fixAndRelint(ID, text),
            'ARG VERSION=1.4.2\nFROM alpine:3.20\nARG VERSION\nCOPY app-${VERSION}.tar.gz /opt/\n',
        );
    });
    it('flags platform args not declared in the stage', () => {
        const text = 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nWORKDIR /out/$TARGETARCH\n';
        assert.deepEqual(hits(ID, text), [[1, '$TARGETARCH']]);
        assert.equal(
            fixAndRelint(ID, crlf(text)),
            crlf('FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETARCH\nWORKDIR /out/$TARGETARCH\n'),
        );
    });
    it('inserts the ARG after a multi-line FROM and at the end of a file without newline', () => {
        const text = 'ARG V=1\nFROM alpine:3.20 \\\n    AS x\nLABEL v=$V';
        assert.equal(fixAndRelint(ID, text), 'ARG V=1\nFROM alpine:3.20 \\\n    AS x\nARG V\nLABEL v=$V');
    });
    it('flags names used before they are defined', () => {
        const text = 'FROM alpine:3.20\nWORKDIR $APP_HOME\nENV APP_HOME=/app\n';
        assert.deepEqual(hits(ID, text), [[1, '$APP_HOME']]);
        assert.match(findings(ID, text)[0]!.message, /further down/);
    });
    it('suggests near names and offers to fix them', () => {
        const text = 'FROM alpine:3.20\nARG VERSION=1\nLABEL version=$VERSON\n';
        assert.match(findings(ID, text)[0]!.message, /did you mean \$VERSION/);
        assert.deepEqual(fixTitles(ID, text), ['Change to $VERSION']);
        assert.equal(fixAndRelint(ID, text, { title: 'Change to $VERSION' }), text.replace('VERSON', 'VERSION'));
    });
    it('reports every undefined name in stages built on scratch (BuildKit docs example)', () => {
        const text = 'FROM scratch AS base\nCOPY $foo .\nFROM base\nENV PATH=/bin:$PATH\nCOPY $bar /x\n';
        assert.deepEqual(hits(ID, text), [
            [1, '$foo'],
            [4, '$bar'],
        ]);
    });
    it('accepts names in scope, inherited from parent stages, predefined, or with defaults', () => {
        const text = [
            'FROM scratch AS base',
            'ARG USER_ID=1000',
            'ENV APP=/app',
            'FROM base',
            'USER $USER_ID',
            'WORKDIR ${APP}',
            'ENV NO_PROXY=$no_proxy',
            'COPY ${SRC:-.} /src',
            "LABEL a='$NOT_EXPANDED' b=\\$ESCAPED",
            'RUN echo $ANYTHING',
            'CMD echo $ANYTHING',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('stays quiet on names the base image may define', () => {
        assert.deepEqual(hits(ID, 'FROM golang:1.23\nENV PATH=$GOPATH/bin:$PATH\n'), []);
    });
    it('checks COPY flags, not heredoc bodies', () => {
        const text = 'ARG U=1\nFROM scratch\nCOPY --chown=$U /a /b\nCOPY <<EOF /x\n$NOT_A_VAR\nEOF\n';
        assert.deepEqual(hits(ID, text), [[2, '$U']]);
    });
    it('leaves names of the same ENV to env-self-reference', () => {
        assert.deepEqual(hits(ID, 'FROM scratch\nENV A=1 B=$A\n'), []);
    });
    it('answers to UndefinedVar', () => {
        assert.deepEqual(hits(ID, 'FROM scratch\n# check=skip=UndefinedVar\nCOPY $x /\n'), []);
    });
});
