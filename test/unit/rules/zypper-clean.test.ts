import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'zypper-clean';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46\n'), [
            [1, 'zypper install'],
        ]);
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n'), []);
        assert.equal(findings(ID, 'FROM opensuse/leap:15.6\nRUN zypper in -y x=1\n')[0]!.severity, 'warning');
    });
    it('accepts cc, global options, removing the cache and cache mounts, not a clean before', () => {
        for (const run of [
            'zypper -n in x=1 && zypper -n cc -a',
            'zypper -n in x=1 && zypper --non-interactive clean --all',
            'zypper -n in x=1 && rm -rf /var/cache/zypp/*',
            '--mount=type=cache,target=/var/cache/zypp zypper -n in x=1',
        ]) {
            assert.deepEqual(hits(ID, `FROM opensuse/leap:15.6\nRUN ${run}\n`), [], run);
        }
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper -n in x=1\n'), [
            [1, 'zypper -n in'],
        ]);
    });
    it('only looks at the stages that make the final image, ONBUILD and sh -c included', () => {
        const text = [
            'FROM opensuse/leap:15.6 AS build',
            'RUN zypper -n in gcc=7',
            'FROM opensuse/leap:15.6',
            `RUN sh -c 'zypper -n up'`,
            'ONBUILD RUN zypper -n in x=1',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [3, 'zypper -n up'],
            [4, 'zypper -n in'],
        ]);
    });
    it('appends zypper clean --all', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46\n'),
            'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean --all\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM opensuse/leap:15.6\nRUN zypper -n in \\\n    x=1\n')),
            crlf('FROM opensuse/leap:15.6\nRUN zypper -n in \\\n    x=1 && zypper clean --all\n'),
        );
    });
    it('answers to DL3036 and DS-0020', () => {
        for (const id of ['DL3036', 'DS-0020']) {
            assert.deepEqual(hits(ID, `FROM opensuse/leap:15.6\n# hadolint ignore=${id}\nRUN zypper in -y x=1\n`), []);
        }
    });
});
