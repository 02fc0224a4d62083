import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'pipefail';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        const bad = 'FROM debian:12\nRUN wget -O - https://some.site | wc -l > /number\n';
        assert.deepEqual(hits(ID, bad), [[1, 'wget -O - https://some.site | wc -l > /number']]);
        assert.deepEqual(
            hits(ID, `FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${bad.split('\n')[1]}\n`),
            [],
        );
        assert.equal(findings(ID, bad)[0]!.severity, 'warning');
    });
    it('accepts pipefail however it is set', () => {
        for (const text of [
            'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n',
            'FROM debian:12 AS base\nSHELL ["/bin/zsh", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
            'FROM alpine:3.20\nSHELL ["/bin/ash", "-euo", "pipefail", "-c"]\nRUN a | b\n',
            'FROM debian:12\nRUN set -euxo pipefail; a | b\n',
            `FROM debian:12\nRUN bash -o pipefail -c 'a | b'\n`,
            'FROM mcr.microsoft.com/powershell:lts-debian-12\nSHELL ["pwsh", "-Command"]\nRUN Get-Item x | Remove-Item\n',
            'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN type a.txt | findstr x\n',
        ]) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('flags a SHELL without pipefail, a set after the pipe, and pipes in sh -c and heredocs', () => {
        const text = [
            'FROM debian:12',
            'SHELL ["/bin/sh", "-c"]',
            'RUN curl -fsSL https://x | sh',
            'RUN a | b; set -o pipefail',
            `RUN sh -c 'c | d'`,
            'RUN <<EOF',
            'e | f',
            'EOF',
            'SHELL ["/bin/bash", "-c"]',
            'RUN g |& h',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [2, 'curl -fsSL https://x | sh'],
            [3, 'a | b'],
            [4, 'c | d'],
            [6, 'e | f'],
            [9, 'g |& h'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('leaves alone pipes fed by echo or printf, non-shell heredocs and ONBUILD', () => {
        for (const text of [
            `FROM debian:12\nRUN echo 'deb https://x stable main' | tee /etc/apt/sources.list.d/x.list\n`,
            'FROM debian:12\nRUN printf "%s\\n" a b | sort\n',
            'FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1 | 2)\nEOF\n',
            'FROM debian:12\nONBUILD RUN a | b\n',
        ]) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('reports one finding per RUN', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a | b && c | d\n'), [[1, 'a | b']]);
    });
    it('inserts a SHELL with pipefail before the RUN: bash, ash on Alpine, or the stage’s own shell', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN wget -O - https://some.site | wc -l > /number\n'),
            'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l > /number\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM node:22-alpine\nRUN a | b\n')),
            crlf('FROM node:22-alpine\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b\n'),
        );
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nSHELL ["/bin/bash", "-x", "-c"]\nRUN a | b\n'),
            'FROM debian:12\nSHELL ["/bin/bash", "-x", "-c"]\nSHELL ["/bin/bash", "-o", "pipefail", "-x", "-c"]\nRUN a | b\n',
        );
        assert.equal(
            fixAndRelint(ID, 'from debian:12\nrun a | b\n'),
            'from debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nrun a | b\n',
        );
        assert.deepEqual(fixTitles(ID, 'FROM debian:12\nRUN a | b\n'), [
            'Insert SHELL ["/bin/bash", "-o", "pipefail", "-c"]*',
        ]);
    });
    it('answers to DL4006', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# hadolint ignore=DL4006\nRUN a | b\n'), []);
    });
});
