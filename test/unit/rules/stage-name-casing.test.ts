import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'stage-name-casing';

describe(ID, () => {
    it('flags stage names with uppercase letters (BuildKit docs example)', () => {
        assert.deepEqual(hits(ID, 'FROM alpine AS BuilderBase\nFROM alpine AS builder\n'), [[0, 'BuilderBase']]);
        assert.equal(findings(ID, 'FROM a AS B\n')[0]!.message, "Stage name 'B' should be lowercase.");
    });
    it('renames the stage and every reference', () => {
        const text = [
            'FROM golang:1.23 AS BuildApp',
            'RUN go build -o /app .',
            'FROM BuildApp AS test',
            'RUN --mount=type=cache,from=buildapp,target=/cache go test',
            'FROM alpine:3.20',
            'COPY --from=BUILDAPP /app /app',
            '',
        ].join('\n');
        const fixed = fixAndRelint(ID, crlf(text));
        assert.equal(fixed, crlf(text.replace(/BuildApp|BUILDAPP/g, 'buildapp')));
    });
    it('answers to StageNameCasing', () => {
        assert.deepEqual(hits(ID, '# dockwise ignore=StageNameCasing\nFROM a AS B\n'), []);
    });
});
