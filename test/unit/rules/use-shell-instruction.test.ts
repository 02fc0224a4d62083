import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'use-shell-instruction';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n'), [
            [1, 'ln -sfv /bin/bash /bin/sh'],
        ]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n'), []);
        const [d] = findings(ID, 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n');
        assert.equal(d!.severity, 'warning');
        assert.deepEqual(d!.fixes, []);
    });
    it('only flags links that replace /bin/sh', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh && ln -sf bash /usr/bin/sh\n'), [
            [1, 'ln -sf bash /usr/bin/sh'],
        ]);
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = `FROM debian:12\nRUN sh -c 'ln -sf /bin/bash /bin/sh'\nONBUILD RUN ln -sf /bin/zsh /bin/sh\nRUN <<EOF\nln -sf /bin/dash /bin/sh\nEOF\n`;
        const want: [number, string][] = [
            [1, 'ln -sf /bin/bash /bin/sh'],
            [2, 'ln -sf /bin/zsh /bin/sh'],
            [4, 'ln -sf /bin/dash /bin/sh'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL4005', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# hadolint ignore=DL4005\nRUN ln -sf /bin/bash /bin/sh\n'), []);
    });
});
