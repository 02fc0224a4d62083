import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'apt-get-over-apt';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt install -y python=2.7\n'), [[1, 'apt']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install -y python=2.7\n'), []);
        assert.equal(findings(ID, 'FROM debian:12\nRUN apt list\n')[0]!.severity, 'warning');
    });
    it('flags every apt command, with sudo, in sh -c and in ONBUILD, but not apt as a word', () => {
        const text = [
            'FROM debian:12',
            `RUN sudo /usr/bin/apt update && sh -c 'apt list --installed'`,
            'ONBUILD RUN apt search curl',
            'RUN echo apt && apt-get install -y apt-utils=2.6.1',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, '/usr/bin/apt'],
            [1, 'apt'],
            [2, 'apt'],
        ]);
    });
    it('replaces apt by apt-get or apt-cache where they behave the same', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN apt install -y python=2.7\n'),
            'FROM debian:12\nRUN apt-get install -y python=2.7\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM debian:12\nRUN /usr/bin/apt update\n')),
            crlf('FROM debian:12\nRUN /usr/bin/apt-get update\n'),
        );
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN apt show curl\n'),
            'FROM debian:12\nRUN apt-cache show curl\n',
        );
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN ["apt", "install", "-y", "x=1"]\n'),
            'FROM debian:12\nRUN ["apt-get", "install", "-y", "x=1"]\n',
        );
        assert.deepEqual(fixTitles(ID, 'FROM debian:12\nRUN apt install -y x=1\n'), ['Use `apt-get`*']);
    });
    it('offers no fix for apt upgrade, apt list or a quoted apt', () => {
        for (const text of [
            'FROM debian:12\nRUN apt upgrade -y\n',
            'FROM debian:12\nRUN apt list\n',
            `FROM debian:12\nRUN 'apt' install -y x=1\n`,
        ]) {
            assert.deepEqual(findings(ID, text)[0]!.fixes, [], text);
        }
    });
    it('keeps the fix consistent with the other apt rules', () => {
        // After the fix, apt-get draws exactly the findings apt drew.
        const text = 'FROM debian:12\nRUN apt update && apt install curl\n';
        const once = fixAndRelint(ID, text);
        assert.equal(fixAndRelint(ID, once), 'FROM debian:12\nRUN apt-get update && apt-get install curl\n');
    });
    it('answers to DL3027', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# hadolint ignore=DL3027\nRUN apt install -y x=1\n'), []);
    });
});
