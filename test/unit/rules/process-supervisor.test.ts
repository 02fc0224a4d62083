import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'process-supervisor';

describe(ID, () => {
    it('flags supervisord as PID 1, exec and shell form, as information', () => {
        const text =
            'FROM ubuntu:24.04\nCMD ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisor/supervisord.conf"]\n';
        assert.deepEqual(hits(ID, text), [[1, '"/usr/bin/supervisord"']]);
        const [d] = findings(ID, text);
        assert.equal(d!.severity, 'info');
        assert.match(d!.message, /supervisord runs several programs/);
        assert.match(d!.message, /one process per container/);
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD exec supervisord -c /etc/supervisord.conf\n'), [
            [1, 'supervisord'],
        ]);
    });
    it('flags s6-overlay, runit, my_init, systemd, Circus and Procfile runners', () => {
        const cases: [string, string][] = [
            ['ENTRYPOINT ["/init"]', '"/init"'],
            ['CMD ["s6-svscan", "/etc/services.d"]', '"s6-svscan"'],
            ['CMD ["runsvdir", "-P", "/etc/service"]', '"runsvdir"'],
            ['CMD ["/sbin/my_init"]', '"/sbin/my_init"'],
            ['CMD ["/lib/systemd/systemd"]', '"/lib/systemd/systemd"'],
            ['ENTRYPOINT ["/sbin/init"]', '"/sbin/init"'],
            ['CMD circusd /etc/circus.ini', 'circusd'],
            ['CMD honcho start', 'honcho'],
            ['CMD ["npx", "concurrently", "npm:api", "npm:web"]', '"npx"'],
        ];
        for (const [line, covered] of cases) {
            assert.deepEqual(hits(ID, `FROM debian:12\n${line}\n`), [[1, covered]], line);
        }
    });
    it('flags PM2 with an ecosystem file or several scripts, not with one', () => {
        assert.deepEqual(hits(ID, 'FROM node:20\nCMD ["pm2-runtime", "start", "ecosystem.config.js"]\n'), [
            [1, '"pm2-runtime"'],
        ]);
        assert.deepEqual(hits(ID, 'FROM node:20\nCMD pm2-runtime api.js worker.js\n'), [[1, 'pm2-runtime']]);
        assert.deepEqual(hits(ID, 'FROM node:20\nCMD ["pm2-runtime", "server.js"]\n'), []);
    });
    it('looks inside sh -c', () => {
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD ["sh", "-c", "envsubst < t > c && exec supervisord -n"]\n'), [
            [1, 'supervisord'],
        ]);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text = 'FROM ubuntu:24.04\nCMD ["/usr/bin/supervisord", \\\n     "-n"]\n';
        assert.deepEqual(hits(ID, crlf(text)), [[1, '"/usr/bin/supervisord"']]);
        const win =
            '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD echo start && `\n    supervisord -n\n';
        assert.deepEqual(hits(ID, win), [[3, 'supervisord']]);
        assert.deepEqual(hits(ID, crlf(win)), [[3, 'supervisord']]);
    });
    it('does not flag a minimal init, one program, RUN steps or earlier stages', () => {
        const good = [
            'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]\n',
            'FROM node:20\nENTRYPOINT ["/usr/bin/dumb-init", "--"]\nCMD ["node", "server.js"]\n',
            'FROM debian:12\nCMD ["./init"]\n',
            'FROM debian:12\nENTRYPOINT ["/usr/local/bin/init-db.sh"]\n',
            'FROM debian:12\nRUN supervisord -c /etc/supervisord.conf && supervisorctl status\nCMD ["app"]\n',
            'FROM debian:12 AS a\nCMD ["supervisord"]\nFROM debian:12\nCMD ["app"]\n',
            'FROM debian:12\nCMD ["supervisord"]\nCMD ["app"]\n',
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('honours inline suppression', () => {
        assert.deepEqual(
            hits(ID, 'FROM ubuntu:24.04\n# dockwise ignore=process-supervisor\nCMD ["supervisord"]\n'),
            [],
        );
    });
});
