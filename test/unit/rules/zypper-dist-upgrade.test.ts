import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'zypper-dist-upgrade';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper dist-upgrade\n'), [[1, 'zypper dist-upgrade']]);
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n'), []);
        const [d] = findings(ID, 'FROM opensuse/leap:15.6\nRUN zypper dup\n');
        assert.equal(d!.severity, 'warning');
        assert.deepEqual(d!.fixes, []);
    });
    it('finds dup with global options, in sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = [
            'FROM opensuse/tumbleweed:20241120',
            'RUN zypper --non-interactive --gpg-auto-import-keys dup --allow-vendor-change',
            `ONBUILD RUN sh -c 'zypper -n dist-upgrade'`,
            'RUN <<EOF',
            'zypper -n dup',
            'EOF',
            'RUN zypper -n update',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [1, 'zypper --non-interactive --gpg-auto-import-keys dup'],
            [2, 'zypper -n dist-upgrade'],
            [4, 'zypper -n dup'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL3035', () => {
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\n# hadolint ignore=DL3035\nRUN zypper dup\n'), []);
    });
});
