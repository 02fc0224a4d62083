import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'consecutive-run';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN /foo.sh\nRUN /bar.sh\n'), [[2, 'RUN']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN /foo.sh && /bar.sh\n'), []);
        assert.equal(findings(ID, 'FROM debian:12\nRUN a\nRUN b\n')[0]!.severity, 'info');
    });
    it("follows hadolint's conditions: comments do not separate, other instructions, flags and long RUNs do", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a\n# why\nRUN b\n'), [[3, 'RUN']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a\nENV X=1\nRUN b\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a\nRUN --mount=type=cache,target=/root/.cache b\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a && b && c\nRUN d\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a\nRUN b && c && d\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a\nFROM debian:12\nRUN b\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a\nONBUILD RUN b\nRUN c\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a\nRUN ["b"]\nRUN <<EOF\nc\nEOF\n'), [
            [2, 'RUN'],
            [3, 'RUN'],
        ]);
    });
    it('merges the RUN into the previous one', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN /foo.sh\nRUN /bar.sh\n'),
            'FROM debian:12\nRUN /foo.sh && \\\n    /bar.sh\n',
        );
        assert.equal(
            fixAndRelint(
                ID,
                crlf('# escape=`\nFROM debian:12\nRUN mkdir -p `\n    /opt/app\n\nRUN chown nobody /opt/app | cat\n'),
            ),
            crlf('# escape=`\nFROM debian:12\nRUN mkdir -p `\n    /opt/app && `\n    chown nobody /opt/app | cat\n'),
        );
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN --network=none a || true\nRUN --network=none b\n'),
            'FROM debian:12\nRUN --network=none a || true && \\\n    b\n',
        );
    });
    it('offers no merge when it could change what runs', () => {
        for (const text of [
            'FROM debian:12\nRUN cd /x\nRUN make\n',
            'FROM debian:12\nRUN export A=1\nRUN b\n',
            'FROM debian:12\nRUN A=1\nRUN b\n',
            'FROM debian:12\nRUN a\nRUN b || c\n',
            'FROM debian:12\nRUN a\nRUN b; c\n',
            'FROM debian:12\nRUN a &\nRUN b\n',
            'FROM debian:12\nRUN a\n# why\nRUN b\n',
            'FROM debian:12\nRUN a\nRUN ["b"]\n',
            'FROM debian:12\nRUN a\nRUN if x; then y; fi\n',
            'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a\nRUN b\n',
        ]) {
            const [d] = findings(ID, text);
            assert.ok(d, text);
            assert.deepEqual(d.fixes, [], text);
        }
    });
    it('answers to DL3059', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN a\n# hadolint ignore=DL3059\nRUN b\n'), []);
    });
});
