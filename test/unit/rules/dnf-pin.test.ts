import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'dnf-pin';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n'), [[1, 'httpd']]);
        assert.deepEqual(hits(ID, 'FROM fedora:41\nRUN dnf install -y httpd-2.4.46 && dnf clean all\n'), []);
        assert.equal(findings(ID, 'FROM fedora:41\nRUN dnf install -y httpd\n')[0]!.severity, 'warning');
    });
    it('checks microdnf, dnf5 and module streams', () => {
        const text = [
            'FROM fedora:41',
            'RUN microdnf install -y python3-pip && dnf5 install -y git-2.47.0',
            'RUN dnf module install -y nodejs:20 && dnf module install -y php',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'python3-pip'],
            [2, 'php'],
        ]);
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF and the escape directive', () => {
        const text = [
            '# escape=`',
            'FROM fedora:41',
            `RUN sh -c 'dnf install -y vim'`,
            'ONBUILD RUN dnf install -y `',
            '    git',
            'RUN <<EOF',
            'dnf install -y tar',
            'EOF',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [2, 'vim'],
            [4, 'git'],
            [6, 'tar'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL3041', () => {
        assert.deepEqual(hits(ID, 'FROM fedora:41\n# hadolint ignore=DL3041\nRUN dnf install -y httpd\n'), []);
    });
});
