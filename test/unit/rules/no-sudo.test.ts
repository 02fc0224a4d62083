import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'no-sudo';

describe(ID, () => {
    it("flags hadolint's bad example as an error and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN sudo apt-get install\n'), [[1, 'sudo']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install\n'), []);
        assert.equal(findings(ID, 'FROM debian:12\nRUN sudo apt-get install\n')[0]!.severity, 'error');
    });
    it('finds sudo behind other wrappers, with options, in sh -c, heredocs and ONBUILD', () => {
        const text = [
            'FROM debian:12',
            'RUN env FOO=1 sudo -E make install && /usr/bin/sudo -u app whoami',
            `ONBUILD RUN sh -c 'sudo chown app /data'`,
            'RUN <<EOF',
            'sudo true',
            'EOF',
            'RUN echo sudo && apt-get install -y sudo',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'sudo'],
            [1, '/usr/bin/sudo'],
            [2, 'sudo'],
            [4, 'sudo'],
        ]);
        assert.deepEqual(hits(ID, crlf(text)).length, 4);
    });
    it('removes a plain sudo when the RUN runs as root', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN sudo mkdir -p /opt/app\n', { title: 'Remove `sudo`' }),
            'FROM debian:12\nRUN mkdir -p /opt/app\n',
        );
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nUSER app\nUSER root\nRUN sudo \\\n  mkdir /x\n', {
                title: 'Remove `sudo`',
            }),
            'FROM debian:12\nUSER app\nUSER root\nRUN mkdir /x\n',
        );
    });
    it('offers no fix as another user or with sudo options', () => {
        for (const text of [
            'FROM debian:12\nUSER app\nRUN sudo mkdir /x\n',
            'FROM debian:12\nRUN sudo -u app mkdir /x\n',
            'FROM debian:12\nRUN ["sudo", "mkdir", "/x"]\n',
        ]) {
            assert.deepEqual(findings(ID, text)[0]!.fixes, [], text);
        }
    });
    it('answers to DL3004 and DS-0010', () => {
        for (const id of ['DL3004', 'DS-0010']) {
            assert.deepEqual(hits(ID, `FROM debian:12\n# hadolint ignore=${id}\nRUN sudo true\n`), []);
        }
    });
});
