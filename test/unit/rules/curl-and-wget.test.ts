import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'curl-and-wget';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN wget http://google.com\nRUN curl http://bing.com\n'), [
            [2, 'curl'],
        ]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN curl http://google.com\nRUN curl http://bing.com\n'), []);
        const [d] = findings(ID, 'FROM debian:12\nRUN wget http://google.com\nRUN curl http://bing.com\n');
        assert.equal(d!.severity, 'warning');
        assert.match(d!.message, /already downloads with `wget`/);
    });
    it('reports the second tool within one RUN, and every later use of it', () => {
        const text =
            'FROM debian:12\nRUN curl -O https://x/a && wget https://x/b\nRUN curl -O https://x/c && wget https://x/d\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'wget'],
            [2, 'wget'],
        ]);
    });
    it('treats each stage on its own, ONBUILD and sh -c included', () => {
        const text = [
            'FROM debian:12 AS a',
            'RUN curl -O https://x/a',
            'FROM debian:12',
            'RUN wget https://x/b',
            `ONBUILD RUN sh -c 'curl -O https://x/c'`,
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [[4, 'curl']]);
        assert.deepEqual(hits(ID, crlf(text)), [[4, 'curl']]);
    });
    it('leaves alone a script that uses whichever tool is installed', () => {
        const text = [
            'FROM debian:12',
            'RUN curl -fsSLO https://x/a',
            'RUN if command -v wget; then wget -q https://x/b; else curl -fsSLO https://x/b; fi',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('ignores curl and wget as package names', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install -y curl wget\nRUN curl -O https://x/a\n'), []);
    });
    it('answers to DL4001 and DS-0014', () => {
        for (const id of ['DL4001', 'DS-0014']) {
            assert.deepEqual(
                hits(ID, `FROM debian:12\nRUN wget https://x\n# hadolint ignore=${id}\nRUN curl https://y\n`),
                [],
            );
        }
    });
});
