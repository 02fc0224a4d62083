import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'apt-pin';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install python\n'), [[1, 'python']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install python=2.7\n'), []);
        const [d] = findings(ID, 'FROM debian:12\nRUN apt-get install python\n');
        assert.equal(d!.severity, 'warning');
        assert.match(d!.message, /`python`/);
        assert.deepEqual(d!.fixes, []);
    });
    it('reports the unpinned packages of a command together', () => {
        const text =
            'FROM debian:12\nRUN apt-get install -y --no-install-recommends \\\n    ca-certificates \\\n    curl=8.* \\\n    gnupg\n';
        assert.deepEqual(hits(ID, text), [[2, 'ca-certificates \\\n    curl=8.* \\\n    gnupg']]);
        assert.match(findings(ID, text)[0]!.message, /`ca-certificates`, `gnupg`/);
    });
    it('accepts release pins, .deb files, option values and variables', () => {
        const text = [
            'FROM debian:12',
            'RUN apt-get install -y -t bookworm-backports x=1 y/bookworm-backports ./local.deb /tmp/z.deb',
            'RUN apt-get install -y -o Dpkg::Options::=--force-confnew $PACKAGES "${MORE}"',
            'RUN apt-get install -y --target-release bookworm-backports x=1',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('checks apt install, sh -c, heredocs and ONBUILD, with CRLF and the escape directive', () => {
        const text = [
            '# escape=`',
            'FROM debian:12',
            'RUN apt install -y curl',
            `RUN sh -c 'apt-get install -y wget'`,
            'ONBUILD RUN apt-get install -y git',
            'RUN <<EOF',
            'apt-get install -y `',
            '  vim',
            'EOF',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [2, 'curl'],
            [3, 'wget'],
            [4, 'git'],
            [7, 'vim'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL3008', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install python\n'), []);
    });
});
