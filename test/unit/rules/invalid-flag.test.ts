import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'invalid-flag';

describe(ID, () => {
    it('flags unknown flags on ADD, COPY, FROM and HEALTHCHECK', () => {
        const text =
            'FROM --platfrom=linux/amd64 alpine:3.20\nCOPY --chwn=app . /app/\nADD --chmodd=644 a /a\nHEALTHCHECK --intervall=5s CMD true\n';
        assert.deepEqual(hits(ID, text), [
            [0, '--platfrom'],
            [1, '--chwn'],
            [2, '--chmodd'],
            [3, '--intervall'],
        ]);
        assert.equal(findings(ID, text)[1]!.message, 'Unknown flag: chwn');
    });
    it('flags duplicate, valueless and non-boolean flags', () => {
        const text = 'FROM alpine:3.20\nCOPY --chown=a --chown=b x /x\nCOPY --from x /x\nADD --link=yes a /a\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'chown'],
            [1, 'chown'],
            [2, 'from'],
            [3, 'yes'],
        ]);
    });
    it('flags bad HEALTHCHECK durations and retries', () => {
        const text =
            'FROM alpine:3.20\nHEALTHCHECK --interval=30 --timeout=1x --start-period=abc --retries=0 CMD true\nFROM alpine:3.20\nHEALTHCHECK --retries=two --interval=0s CMD true\n';
        assert.deepEqual(hits(ID, text), [
            [1, '30'],
            [1, '1x'],
            [1, 'abc'],
            [1, '0'],
            [3, 'two'],
            [3, 'interval'],
        ]);
        assert.deepEqual(
            findings(ID, text).map((d) => d.message),
            [
                'time: missing unit in duration 30: add a unit such as `s` or `m` (`30s`)',
                'time: unknown unit x in duration 1x',
                'time: invalid duration abc',
                '--retries must be at least 1 (not 0)',
                'parsing "two": invalid syntax',
                'Interval "interval" cannot be less than 1ms',
            ],
        );
    });
    it('accepts valid flags, and does not check RUN flags', () => {
        const text =
            'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN --mount=type=cache,target=/root/.cache go build\nFROM alpine:3.20\nCOPY --from=build --chown=app:app --chmod=755 --link /out /app/\nADD --checksum=sha256:abc --keep-git-dir=true https://example.com/a.tgz /a/\nHEALTHCHECK --interval=30s --timeout=3s --start-period=1m --start-interval=2s --retries=3 CMD true\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM alpine:3.20\nCOPY `\n    --chwn=app . /app/\n';
        assert.deepEqual(hits(ID, text), [[3, '--chwn']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, '--chwn']]);
    });
    it("renames a typo with the language service's fix or Dockwise's own", () => {
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nCOPY --chwn=app . /app/\n'), ['Convert to --chown*']);
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nCOPY --form=b /x /x\n'), ['Convert to --from*']);
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.20\nCOPY --chwn=app . /app/\n'),
            'FROM alpine:3.20\nCOPY --chown=app . /app/\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM alpine:3.20\nHEALTHCHECK --timout=3s CMD true\n')),
            crlf('FROM alpine:3.20\nHEALTHCHECK --timeout=3s CMD true\n'),
        );
        // Renames the language service does not know.
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.20\nHEALTHCHECK --start-intervl=2s CMD true\n'),
            'FROM alpine:3.20\nHEALTHCHECK --start-interval=2s CMD true\n',
        );
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.20\nADD --chmodd=644 a /a\n'),
            'FROM alpine:3.20\nADD --chmod=644 a /a\n',
        );
        assert.equal(
            fixAndRelint(ID, 'FROM --platfrom=$BUILDPLATFORM alpine:3.20\n'),
            'FROM --platform=$BUILDPLATFORM alpine:3.20\n',
        );
    });
    it('drops far-fetched renames the language service offers', () => {
        // dockerfile-language-service offers --chown for any unknown ADD flag, and --chown and --from on COPY.
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nADD --unpack=true a.tar /a/\n'), []);
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nCOPY --owner=app . /app/\n'), []);
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nHEALTHCHECK --every=5s CMD true\n'), []);
    });
});
