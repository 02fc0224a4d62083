import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'yum-clean';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM centos:7\nRUN yum install -y httpd-2.24.2\n'), [[1, 'yum install']]);
        assert.deepEqual(hits(ID, 'FROM centos:7\nRUN yum install -y httpd-2.24.2 && yum clean all\n'), []);
        assert.equal(findings(ID, 'FROM centos:7\nRUN yum install -y x-1\n')[0]!.severity, 'warning');
    });
    it('accepts removing the cache and cache mounts, not a clean before the install', () => {
        for (const run of [
            'yum -y update && yum -y clean all',
            'yum install -y x-1 && rm -rf /var/cache/yum',
            '--mount=type=cache,target=/var/cache/yum yum install -y x-1',
        ]) {
            assert.deepEqual(hits(ID, `FROM centos:7\nRUN ${run}\n`), [], run);
        }
        assert.deepEqual(hits(ID, 'FROM centos:7\nRUN yum clean all && yum install -y x-1\n'), [[1, 'yum install']]);
        assert.deepEqual(hits(ID, 'FROM centos:7\nRUN yum install -y x-1 && yum clean packages\n'), [
            [1, 'yum install'],
        ]);
    });
    it('reports once per RUN, in the final image, ONBUILD and sh -c included', () => {
        const text = [
            'FROM centos:7 AS build',
            'RUN yum install -y gcc-4.8.5',
            'FROM centos:7',
            `RUN sh -c 'yum install -y x-1 && yum install -y y-1'`,
            'ONBUILD RUN yum update -y',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [3, 'yum install'],
            [4, 'yum update'],
        ]);
    });
    it('appends yum clean all', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM centos:7\nRUN yum install -y httpd-2.24.2\n'),
            'FROM centos:7\nRUN yum install -y httpd-2.24.2 && yum clean all\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM centos:7\nRUN <<EOF\nset -e\nyum install -y x-1\nEOF\n')),
            crlf('FROM centos:7\nRUN <<EOF\nset -e\nyum install -y x-1\nyum clean all\nEOF\n'),
        );
    });
    it('answers to DL3032 and DS-0015', () => {
        for (const id of ['DL3032', 'DS-0015']) {
            assert.deepEqual(hits(ID, `FROM centos:7\n# hadolint ignore=${id}\nRUN yum install -y x-1\n`), []);
        }
    });
});
