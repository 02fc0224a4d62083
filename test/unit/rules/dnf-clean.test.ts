import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'dnf-clean';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM fedora:41\nRUN dnf install -y httpd-2.4.46\n'), [[1, 'dnf install']]);
        assert.deepEqual(hits(ID, 'FROM fedora:41\nRUN dnf install -y httpd-2.4.46 && dnf clean all\n'), []);
        assert.equal(findings(ID, 'FROM fedora:41\nRUN dnf install -y x-1\n')[0]!.severity, 'warning');
    });
    it('checks microdnf and dnf5 and accepts their clean-ups', () => {
        const ubi = 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4';
        assert.deepEqual(hits(ID, `${ubi}\nRUN microdnf install -y x-1\n`), [[1, 'microdnf install']]);
        assert.match(findings(ID, `${ubi}\nRUN microdnf install -y x-1\n`)[0]!.message, /`microdnf clean all`/);
        for (const run of [
            'microdnf install -y x-1 && microdnf clean all',
            'dnf5 install -y x-1 && dnf5 clean all',
            'dnf install -y x-1 && rm -rf /var/cache/dnf /var/cache/yum',
            'dnf install -y x-1 && rm -rf /var/cache/yum/*',
            '--mount=type=cache,target=/var/cache/dnf dnf install -y x-1',
        ]) {
            assert.deepEqual(hits(ID, `FROM fedora:41\nRUN ${run}\n`), [], run);
        }
    });
    it('only looks at the stages that make the final image, ONBUILD and sh -c included', () => {
        const text = [
            'FROM fedora:41 AS build',
            'RUN dnf install -y gcc-14.2.1',
            'FROM fedora:41',
            `RUN bash -c "dnf upgrade -y"`,
            'ONBUILD RUN dnf install -y x-1',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [3, 'dnf upgrade'],
            [4, 'dnf install'],
        ]);
    });
    it('appends the clean command of the same program', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM fedora:41\nRUN dnf install -y httpd-2.4.46\n'),
            'FROM fedora:41\nRUN dnf install -y httpd-2.4.46 && dnf clean all\n',
        );
        assert.equal(
            fixAndRelint(
                ID,
                crlf('FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y \\\n    x-1\n'),
            ),
            crlf(
                'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y \\\n    x-1 && microdnf clean all\n',
            ),
        );
    });
    it('answers to DL3040, DS-0019 and DS-0027', () => {
        for (const id of ['DL3040', 'DS-0019', 'DS-0027']) {
            assert.deepEqual(hits(ID, `FROM fedora:41\n# hadolint ignore=${id}\nRUN dnf install -y x-1\n`), []);
        }
    });
});
