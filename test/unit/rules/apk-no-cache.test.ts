import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'apk-no-cache';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN apk update && apk add foo=1.0 && rm -rf /var/cache/apk/*\n'), [
            [1, 'apk add'],
        ]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN apk add --no-cache foo=1.0\n'), []);
        assert.equal(findings(ID, 'FROM alpine:3.20\nRUN apk add foo=1\n')[0]!.severity, 'info');
    });
    it('accepts --no-cache anywhere, --cache-dir and cache mounts', () => {
        for (const run of [
            'apk --no-cache add foo=1',
            'apk add foo=1 --no-cache',
            'apk add --cache-dir /tmp/apk foo=1',
            '--mount=type=cache,target=/var/cache/apk apk add foo=1',
            '--mount=type=cache,target=/var/cache apk --update add foo=1',
        ]) {
            assert.deepEqual(hits(ID, `FROM alpine:3.20\nRUN ${run}\n`), [], run);
        }
    });
    it('only looks at the stages that make the final image, ONBUILD and sh -c included', () => {
        const text = [
            'FROM alpine:3.20 AS build',
            'RUN apk add gcc=13.2.1_git20240309-r0',
            'FROM alpine:3.20',
            `RUN sh -c 'apk add curl=8.9.1-r2'`,
            'ONBUILD RUN apk add git=2.45.2-r0',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [3, 'apk add'],
            [4, 'apk add'],
        ]);
    });
    it('turns --update into --no-cache, or adds --no-cache after add', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.20\nRUN apk add --update foo=1.0 && rm -rf /var/cache/apk/*\n'),
            'FROM alpine:3.20\nRUN apk add --no-cache foo=1.0 && rm -rf /var/cache/apk/*\n',
        );
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.20\nRUN apk -U add foo=1.0\n'),
            'FROM alpine:3.20\nRUN apk --no-cache add foo=1.0\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('# escape=`\nFROM alpine:3.20\nRUN apk add `\n    foo=1.0\n')),
            crlf('# escape=`\nFROM alpine:3.20\nRUN apk add --no-cache `\n    foo=1.0\n'),
        );
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.20\nRUN ["apk", "add", "foo=1.0"]\n'),
            'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "foo=1.0"]\n',
        );
    });
    it('answers to DL3019 and DS-0025', () => {
        for (const id of ['DL3019', 'DS-0025']) {
            assert.deepEqual(hits(ID, `FROM alpine:3.20\n# hadolint ignore=${id}\nRUN apk add foo=1\n`), []);
        }
    });
});
