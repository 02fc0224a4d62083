import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'yum-pin';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n'), [[1, 'httpd']]);
        assert.deepEqual(hits(ID, 'FROM centos:7\nRUN yum install -y httpd-2.24.2 && yum clean all\n'), []);
        assert.equal(findings(ID, 'FROM centos:7\nRUN yum install -y httpd\n')[0]!.severity, 'warning');
    });
    it('tells a version from a name with dashes', () => {
        assert.deepEqual(
            hits(ID, 'FROM centos:7\nRUN yum install -y python3-pip gcc-c++ nodejs-18.1.0-1.el9 x-1.2.x86_64\n'),
            [[1, 'python3-pip gcc-c++']],
        );
    });
    it('accepts files, groups, provides, constraints, option values and variables', () => {
        assert.deepEqual(
            hits(
                ID,
                'FROM centos:7\nRUN yum install -y --enablerepo epel --setopt tsflags=nodocs /tmp/a.rpm https://x/b.rpm @core "pkgconfig(zlib)" "x >= 1.2" $PKGS\n',
            ),
            [],
        );
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = [
            'FROM centos:7',
            `RUN sh -c 'yum install -y vim'`,
            'ONBUILD RUN yum install -y git',
            'RUN <<EOF',
            'yum install -y tar',
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
    it('answers to DL3033', () => {
        assert.deepEqual(hits(ID, 'FROM centos:7\n# hadolint ignore=DL3033\nRUN yum install -y httpd\n'), []);
    });
});
