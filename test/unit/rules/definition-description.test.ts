import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/core/lint';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, hits } from '../helpers';

const ID = 'definition-description';

describe(ID, () => {
    it('is off by default and turned on by # check=experimental', () => {
        const text = '# Builds the CLI\nFROM golang:1.23 AS build-cli\n';
        assert.deepEqual(
            lint(text).diagnostics.filter((d) => d.ruleId === ID),
            [],
        );
        const on = lint(`# check=experimental=InvalidDefinitionDescription\n\n${text}`).diagnostics;
        assert.deepEqual(
            on.filter((d) => d.ruleId === ID).map((d) => d.range.start.line),
            [2],
        );
        const all = lint(`# check=experimental=all\n\n${text}`).diagnostics;
        assert.equal(all.filter((d) => d.ruleId === ID).length, 1);
        assert.deepEqual(
            lint(`# check=experimental=all\n\n${text}`, { rules: { [ID]: 'off' } }).diagnostics.filter(
                (d) => d.ruleId === ID,
            ),
            [],
        );
    });
    it('flags comments that do not start with the name (BuildKit docs examples)', () => {
        const text = '# Builds the CLI\nFROM golang:1.23 AS build-cli\n# Release to build\nARG VERSION=dev\n';
        assert.deepEqual(hits(ID, crlf(text)), [
            [0, '# Builds the CLI'],
            [2, '# Release to build'],
        ]);
    });
    it('accepts named descriptions, separated comments, directives and unnamed stages', () => {
        const text = [
            '# syntax=docker/dockerfile:1',
            '# VERSION is the release',
            'ARG VERSION=dev',
            '# a note',
            '',
            'FROM golang:1.23 AS build',
            '# just a stage',
            'FROM alpine:3.20',
            '# hadolint ignore=DL3006',
            'FROM debian AS run',
            '# several',
            'ARG A B',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('offers to prefix the name or separate the comment', () => {
        const text = 'FROM a\n# the version\nARG VERSION=1\n';
        assert.deepEqual(fixTitles(ID, text), [
            "Start the comment with 'VERSION'",
            'Separate the comment with an empty line',
        ]);
        assert.equal(
            fixAndRelint(ID, text, { title: "Start the comment with 'VERSION'" }),
            'FROM a\n# VERSION the version\nARG VERSION=1\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf(text), { title: 'Separate the comment with an empty line' }),
            crlf('FROM a\n# the version\n\nARG VERSION=1\n'),
        );
    });
});
