import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'zypper-yes';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.46 && zypper clean\n'), [
            [1, 'zypper install'],
        ]);
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n'), []);
        assert.equal(findings(ID, 'FROM opensuse/leap:15.6\nRUN zypper in x=1\n')[0]!.severity, 'warning');
    });
    it('accepts the global -n before the sub-command and -y/--no-confirm after it', () => {
        for (const run of [
            'zypper -n install x=1',
            'zypper --non-interactive in x=1',
            'zypper -q -n rm x',
            'zypper install --no-confirm x=1',
            'zypper refresh && zypper clean -a && zypper search x',
        ]) {
            assert.deepEqual(hits(ID, `FROM opensuse/leap:15.6\nRUN ${run}\n`), [], run);
        }
        // After the sub-command, -n means something else.
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -n x=1\n'), [[1, 'zypper install']]);
    });
    it('checks every sub-command that changes packages, in sh -c, heredocs and ONBUILD', () => {
        const text = [
            'FROM opensuse/leap:15.6',
            'RUN zypper rm x && zypper patch && zypper up && zypper si y',
            `ONBUILD RUN sh -c 'zypper dup'`,
            'RUN <<EOF',
            'zypper in z=1',
            'EOF',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'zypper rm'],
            [1, 'zypper patch'],
            [1, 'zypper up'],
            [1, 'zypper si'],
            [2, 'zypper dup'],
            [4, 'zypper in'],
        ]);
    });
    it('adds -n after zypper', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.46 && zypper clean\n'),
            'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.46 && zypper clean\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('# escape=`\nFROM opensuse/leap:15.6\nRUN zypper `\n  in x=1 && zypper clean\n')),
            crlf('# escape=`\nFROM opensuse/leap:15.6\nRUN zypper -n `\n  in x=1 && zypper clean\n'),
        );
    });
    it('answers to DL3034', () => {
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\n# hadolint ignore=DL3034\nRUN zypper in x=1\n'), []);
    });
});
