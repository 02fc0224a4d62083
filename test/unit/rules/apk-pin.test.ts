import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'apk-pin';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN apk add python\n'), [[1, 'python']]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN apk add python=2.7.12-r0\n'), []);
        assert.equal(findings(ID, 'FROM alpine:3.20\nRUN apk add python\n')[0]!.severity, 'warning');
    });
    it('accepts constraints, files and option values', () => {
        const text = [
            'FROM alpine:3.20',
            'RUN apk add --no-cache --virtual .build-deps gcc~13.2 "musl-dev>1.2"',
            'RUN apk add --no-cache -t .deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing "x<2" /tmp/y.apk ./z.apk',
            'RUN apk add --no-cache --repository=https://example.com/repo $PACKAGES',
            'RUN apk del .build-deps && apk upgrade --no-cache',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = [
            'FROM alpine:3.20',
            `RUN sh -c "apk add --no-cache curl jq=1.7.1-r0 git"`,
            'ONBUILD RUN apk add --no-cache bash',
            'RUN <<EOF',
            'apk add --no-cache tini',
            'EOF',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [1, 'curl jq=1.7.1-r0 git'],
            [2, 'bash'],
            [4, 'tini'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
        assert.match(findings(ID, text)[0]!.message, /`curl`, `git`/);
    });
    it('answers to DL3018', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n'), []);
    });
});
