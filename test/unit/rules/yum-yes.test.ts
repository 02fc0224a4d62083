import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'yum-yes';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM centos:7\nRUN yum install httpd-2.24.2 && yum clean all\n'), [
            [1, 'yum install'],
        ]);
        assert.deepEqual(hits(ID, 'FROM centos:7\nRUN yum install -y httpd-2.24.2 && yum clean all\n'), []);
        assert.equal(findings(ID, 'FROM centos:7\nRUN yum install x-1\n')[0]!.severity, 'warning');
    });
    it('accepts -y, --assumeyes, --setopt and yum.conf written by an earlier RUN', () => {
        for (const text of [
            'FROM centos:7\nRUN yum -y install x-1\n',
            'FROM centos:7\nRUN yum install --assumeyes x-1\n',
            'FROM centos:7\nRUN yum --setopt=assumeyes=1 install x-1\n',
            'FROM centos:7\nRUN echo "assumeyes=1" >> /etc/yum.conf\nRUN yum install x-1\n',
        ]) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('checks the sub-commands that change packages, in sh -c, heredocs and ONBUILD', () => {
        const text = [
            'FROM centos:7',
            'RUN yum update && yum groupinstall "Development Tools" && yum remove x && yum clean all && yum makecache',
            `ONBUILD RUN sh -c 'yum localinstall /tmp/x.rpm'`,
            'RUN <<EOF',
            'yum erase y',
            'EOF',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'yum update'],
            [1, 'yum groupinstall'],
            [1, 'yum remove'],
            [2, 'yum localinstall'],
            [4, 'yum erase'],
        ]);
    });
    it('adds -y after yum', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM centos:7\nRUN yum install httpd-2.24.2 && yum clean all\n'),
            'FROM centos:7\nRUN yum -y install httpd-2.24.2 && yum clean all\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('# escape=`\nFROM centos:7\nRUN yum `\n    install x-1 && yum clean all\n')),
            crlf('# escape=`\nFROM centos:7\nRUN yum -y `\n    install x-1 && yum clean all\n'),
        );
    });
    it('answers to DL3030', () => {
        assert.deepEqual(hits(ID, 'FROM centos:7\n# hadolint ignore=DL3030\nRUN yum install x-1\n'), []);
    });
});
