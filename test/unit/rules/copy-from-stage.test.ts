import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'copy-from-stage';

describe(ID, () => {
    it('flags --from names that are no earlier stage (hadolint DL3022 example)', () => {
        const text = 'FROM debian:jessie\nCOPY --from=foo bar .\n';
        assert.deepEqual(hits(ID, text), [[1, 'foo']]);
        assert.match(findings(ID, text)[0]!.message, /foo:latest would be pulled/);
    });
    it('accepts earlier stages by name or index, and image references', () => {
        const text = [
            'FROM golang:1.23 AS Build',
            'FROM alpine:3.20',
            'COPY --from=build /app /app',
            'COPY --from=0 /app /app',
            'COPY --from=nginx:1.27 /etc/nginx /etc/nginx',
            'COPY --from=docker/buildx-bin /buildx /usr/libexec/docker/cli-plugins/docker-buildx',
            'COPY --from=${STAGE} /x /x',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, crlf(text)), []);
    });
    it('explains a stage defined later', () => {
        const text = 'FROM alpine:3.20\nCOPY --from=build /app /app\nFROM golang:1.23 AS build\n';
        assert.deepEqual(hits(ID, text), [[1, 'build']]);
        assert.match(findings(ID, text)[0]!.message, /defined later/);
    });
    it('leaves self-references to copy-from-self', () => {
        assert.deepEqual(hits(ID, 'FROM a AS x\nCOPY --from=x / /\n'), []);
    });
    it('answers to DL3022', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# hadolint ignore=DL3022\nCOPY --from=foo bar .\n'), []);
    });
});
