import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'zypper-pin';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good ones", () => {
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\n'), [
            [1, 'httpd'],
        ]);
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n'), []);
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y "httpd>=2.4" && zypper clean\n'), []);
        assert.equal(findings(ID, 'FROM opensuse/leap:15.6\nRUN zypper in -y httpd\n')[0]!.severity, 'warning');
    });
    it('accepts versions, files, patterns, option values and variables', () => {
        assert.deepEqual(
            hits(
                ID,
                'FROM opensuse/leap:15.6\nRUN zypper -n in --from repo-oss httpd-2.4.46 "x<2" /tmp/y.rpm $PKGS && zypper -n in -t pattern devel_basis\n',
            ),
            [],
        );
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = [
            'FROM opensuse/leap:15.6',
            `RUN sh -c 'zypper -n in vim'`,
            'ONBUILD RUN zypper -n install git',
            'RUN <<EOF',
            'zypper -n in tar',
            'EOF',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [1, 'vim'],
            [2, 'git'],
            [4, 'tar'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL3037', () => {
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\n# hadolint ignore=DL3037\nRUN zypper in -y httpd\n'), []);
    });
});
