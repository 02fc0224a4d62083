import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'pointless-command';

describe(ID, () => {
    it("flags hadolint's bad example", () => {
        assert.deepEqual(hits(ID, 'FROM busybox:1.36\nRUN top\n'), [[1, 'top']]);
        const [d] = findings(ID, 'FROM busybox:1.36\nRUN top\n');
        assert.equal(d!.severity, 'info');
        assert.match(d!.message, /^`top` /);
    });
    it('knows every command of the list, ifconfig included, behind wrappers and in sh -c', () => {
        const text = [
            'FROM debian:12',
            'RUN ssh host true; vim /etc/x; shutdown -h now; service nginx start; ps aux; free -m',
            `RUN kill 1; mount -t tmpfs none /mnt; sudo ifconfig; sh -c 'top -b -n 1'`,
            '',
        ].join('\n');
        assert.deepEqual(
            hits(ID, text).map(([line, t]) => `${line}:${t}`),
            ['1:ssh', '1:vim', '1:shutdown', '1:service', '1:ps', '1:free', '2:kill', '2:mount', '2:ifconfig', '2:top'],
        );
    });
    it('ignores the names as packages or arguments, and other commands', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install -y vim openssh-client procps && echo ps\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN ssh-keyscan github.com >> /root/.ssh/known_hosts\n'), []);
    });
    it('checks ONBUILD and heredocs, with CRLF', () => {
        const text = 'FROM debian:12\nONBUILD RUN service cron start\nRUN <<EOF\nps -ef\nEOF\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'service'],
            [3, 'ps'],
        ]);
        assert.deepEqual(hits(ID, crlf(text)), [
            [1, 'service'],
            [3, 'ps'],
        ]);
    });
    it('answers to DL3001', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# hadolint ignore=DL3001\nRUN top\n'), []);
    });
});
