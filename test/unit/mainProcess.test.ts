import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { findings, hits } from './helpers';

// The practice rules read ENTRYPOINT and CMD together, as the one command Docker runs: an exec-form
// ENTRYPOINT gets the exec-form CMD as its arguments, a wrapper (`tini --`) or an entrypoint script
// hands over to the CMD, a shell-form ENTRYPOINT ignores CMD, and an ENTRYPOINT set in a later stage
// resets the CMD of an earlier one. Each rule is tried with ENTRYPOINT only, CMD only and both.

const df = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('daemonized-main-process reads ENTRYPOINT and CMD as one command', () => {
    const ID = 'daemonized-main-process';
    it('CMD only and ENTRYPOINT only: the daemon flag is found in either', () => {
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', 'CMD ["redis-server", "--daemonize", "yes"]')), [
            [1, '"--daemonize", "yes"'],
        ]);
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT ["redis-server", "--daemonize", "yes"]')), [
            [1, '"--daemonize", "yes"'],
        ]);
    });
    it('both: the CMD gives the foreground flag to the ENTRYPOINT program, so nothing forks', () => {
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT ["nginx"]', 'CMD ["-g", "daemon off;"]')), []);
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT ["php-fpm"]', 'CMD ["-F"]')), []);
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT ["/usr/sbin/sshd"]', 'CMD ["-D", "-e"]')), []);
    });
    it('both: a daemon flag in the CMD is found, and its fix stays inside the CMD', () => {
        const text = df('FROM debian:12-slim', 'ENTRYPOINT ["redis-server"]', 'CMD ["--daemonize", "yes"]');
        assert.deepEqual(hits(ID, text), [[2, '"--daemonize", "yes"']]);
        const mongo = df('FROM debian:12-slim', 'ENTRYPOINT ["mongod"]', 'CMD ["--fork"]');
        const [fork] = findings(ID, mongo);
        assert.deepEqual(fork!.fixes[0]!.edits[0]!.range.start.line, 2);
    });
    it('both: a wrapper ENTRYPOINT hands over to the CMD, which is judged as the program', () => {
        const text = df('FROM debian:12-slim', 'ENTRYPOINT ["tini", "--"]', 'CMD ["nginx"]');
        assert.deepEqual(hits(ID, text), [[2, '"nginx"']]);
        assert.deepEqual(
            hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT ["tini", "--"]', 'CMD ["nginx", "-g", "daemon off;"]')),
            [],
        );
        assert.deepEqual(
            hits(
                ID,
                df('FROM nginx:1.27', 'ENTRYPOINT ["/docker-entrypoint.sh"]', 'CMD ["nginx", "-g", "daemon off;"]'),
            ),
            [],
        );
    });
    it('both: a shell-form ENTRYPOINT ignores CMD, so the CMD is not judged', () => {
        const text = df('FROM debian:12-slim', 'ENTRYPOINT exec nginx -g "daemon off;"', 'CMD service nginx start');
        assert.deepEqual(hits(ID, text), []);
    });
    it('an ENTRYPOINT in a later stage resets the CMD of the stage it builds on', () => {
        const text = df(
            'FROM debian:12-slim AS base',
            'CMD service ssh start',
            'FROM base',
            'ENTRYPOINT ["/app/server"]',
        );
        assert.deepEqual(hits(ID, text), []);
        const same = df('FROM debian:12-slim AS base', 'ENTRYPOINT ["/app/server"]', 'FROM base', 'CMD ["nginx"]');
        assert.deepEqual(hits(ID, same), []);
    });
});

describe('keep-alive-hack reads ENTRYPOINT and CMD as one command', () => {
    const ID = 'keep-alive-hack';
    it('CMD only and ENTRYPOINT only', () => {
        assert.deepEqual(hits(ID, df('FROM alpine:3.20', 'CMD ["sleep", "infinity"]')), [[1, '"sleep", "infinity"']]);
        assert.deepEqual(hits(ID, df('FROM alpine:3.20', 'ENTRYPOINT ["sleep", "infinity"]')), [
            [1, '"sleep", "infinity"'],
        ]);
    });
    it('both: the hack split over the two instructions is one command', () => {
        assert.deepEqual(hits(ID, df('FROM alpine:3.20', 'ENTRYPOINT ["tail", "-f"]', 'CMD ["/dev/null"]')), [
            [1, '"tail", "-f"'],
        ]);
        assert.deepEqual(hits(ID, df('FROM alpine:3.20', 'ENTRYPOINT ["tini", "--"]', 'CMD ["sleep", "infinity"]')), [
            [2, '"sleep", "infinity"'],
        ]);
    });
    it('both: arguments to a real program are not a hack, nor a CMD that a shell ENTRYPOINT ignores', () => {
        assert.deepEqual(
            hits(ID, df('FROM alpine:3.20', 'ENTRYPOINT ["/app/worker"]', 'CMD ["--sleep", "86400"]')),
            [],
        );
        assert.deepEqual(hits(ID, df('FROM alpine:3.20', 'ENTRYPOINT ["/app/worker"]', 'CMD tail -f /dev/null')), []);
        assert.deepEqual(
            hits(ID, df('FROM alpine:3.20', 'ENTRYPOINT exec /app/worker', 'CMD ["sleep", "infinity"]')),
            [],
        );
    });
});

describe('multiple-services reads ENTRYPOINT and CMD as one command', () => {
    const ID = 'multiple-services';
    const two = 'service mariadb start && apache2ctl -D FOREGROUND';
    it('CMD only and ENTRYPOINT only', () => {
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', `CMD ${two}`)), [[1, 'apache2ctl -D FOREGROUND']]);
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', `ENTRYPOINT ${two}`)), [[1, 'apache2ctl -D FOREGROUND']]);
    });
    it('both: a `sh -c` ENTRYPOINT runs the CMD script', () => {
        const text = df('FROM debian:12-slim', 'ENTRYPOINT ["/bin/sh", "-c"]', `CMD ["${two}"]`);
        assert.deepEqual(hits(ID, text), [[2, 'apache2ctl -D FOREGROUND']]);
    });
    it('both: one service each in a shell ENTRYPOINT and the CMD it ignores is one service', () => {
        const text = df('FROM debian:12-slim', 'ENTRYPOINT exec nginx -g "daemon off;"', 'CMD ["redis-server"]');
        assert.deepEqual(hits(ID, text), []);
        const args = df('FROM debian:12-slim', 'ENTRYPOINT ["redis-server"]', 'CMD ["--port", "7000"]');
        assert.deepEqual(hits(ID, args), []);
    });
});

describe('process-supervisor reads ENTRYPOINT and CMD as one command', () => {
    const ID = 'process-supervisor';
    it('CMD only and ENTRYPOINT only', () => {
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', 'CMD ["supervisord", "-n"]')), [[1, '"supervisord"']]);
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT ["supervisord", "-n"]')), [
            [1, '"supervisord"'],
        ]);
    });
    it('both: reported once, on the instruction that names the supervisor', () => {
        assert.deepEqual(
            hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT ["supervisord"]', 'CMD ["-n", "-c", "/etc/s.conf"]')),
            [[1, '"supervisord"']],
        );
        assert.deepEqual(
            hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT ["tini", "--"]', 'CMD ["supervisord", "-n"]')),
            [[2, '"supervisord"']],
        );
        assert.deepEqual(hits(ID, df('FROM debian:12-slim', 'ENTRYPOINT exec /app/run', 'CMD ["supervisord"]')), []);
    });
});

describe('log-to-file reads ENTRYPOINT and CMD as one command', () => {
    const ID = 'log-to-file';
    it('CMD only and ENTRYPOINT only', () => {
        const opt = '"--access-logfile", "/var/log/web.log", "app:app"';
        assert.deepEqual(hits(ID, df('FROM python:3.12-slim', `CMD ["gunicorn", ${opt}]`)), [
            [1, '"--access-logfile", "/var/log/web.log"'],
        ]);
        assert.deepEqual(hits(ID, df('FROM python:3.12-slim', `ENTRYPOINT ["gunicorn", ${opt}]`)), [
            [1, '"--access-logfile", "/var/log/web.log"'],
        ]);
    });
    it('both: the option in the CMD belongs to the ENTRYPOINT program; a `sh -c` ENTRYPOINT runs the CMD script', () => {
        const text = df(
            'FROM python:3.12-slim',
            'ENTRYPOINT ["gunicorn"]',
            'CMD ["--error-logfile", "/var/log/e.log", "app:app"]',
        );
        assert.deepEqual(hits(ID, text), [[2, '"--error-logfile", "/var/log/e.log"']]);
        const sh = df(
            'FROM python:3.12-slim',
            'ENTRYPOINT ["/bin/sh", "-c"]',
            'CMD ["python app.py >> /var/log/app.log"]',
        );
        assert.deepEqual(hits(ID, sh), [[2, '>> /var/log/app.log']]);
        const ignored = df(
            'FROM python:3.12-slim',
            'ENTRYPOINT exec python app.py',
            'CMD ["--log-file", "/var/log/x.log"]',
        );
        assert.deepEqual(hits(ID, ignored), []);
    });
});

describe('expose-missing, volume-missing and database-and-web-server read ENTRYPOINT and CMD as one command', () => {
    it('expose-missing: the port given in the CMD to the ENTRYPOINT server', () => {
        const cmd = df('FROM python:3.12-slim', 'CMD ["gunicorn", "--bind", "0.0.0.0:9000", "app:app"]');
        const entry = df('FROM python:3.12-slim', 'ENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:9000", "app:app"]');
        const both = df(
            'FROM python:3.12-slim',
            'ENTRYPOINT ["gunicorn"]',
            'CMD ["--bind", "0.0.0.0:9000", "app:app"]',
        );
        for (const text of [cmd, entry, both]) {
            assert.deepEqual(
                findings('expose-missing', text).map((d) => d.fixes.map((f) => f.title)),
                [['Add EXPOSE 9000']],
                text,
            );
        }
    });
    it('volume-missing: the data directory given in the CMD', () => {
        const cmd = df('FROM debian:12-slim', 'CMD ["mongod", "--dbpath", "/srv/mongo"]');
        const entry = df('FROM debian:12-slim', 'ENTRYPOINT ["mongod", "--dbpath", "/srv/mongo"]');
        const both = df('FROM debian:12-slim', 'ENTRYPOINT ["mongod"]', 'CMD ["--dbpath", "/srv/mongo"]');
        for (const text of [cmd, entry, both]) {
            assert.deepEqual(
                findings('volume-missing', text).map((d) => d.fixes.map((f) => f.title)),
                [['Add VOLUME ["/srv/mongo"]']],
                text,
            );
        }
    });
    it('database-and-web-server: a database the CMD starts through the entrypoint script, not one a shell ENTRYPOINT ignores', () => {
        const ID = 'database-and-web-server';
        assert.equal(findings(ID, df('FROM nginx:1.27', 'CMD ["mysqld"]')).length, 1);
        assert.equal(findings(ID, df('FROM nginx:1.27', 'ENTRYPOINT ["mysqld"]')).length, 1);
        assert.equal(
            findings(ID, df('FROM nginx:1.27', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["mysqld"]')).length,
            1,
        );
        assert.equal(findings(ID, df('FROM nginx:1.27', 'ENTRYPOINT exec /app/site', 'CMD ["mysqld"]')).length, 0);
    });
});

describe('cmd-exec-form and secret-in-run with ENTRYPOINT only, CMD only and both', () => {
    it('cmd-exec-form: each shell-form instruction; exec form for both is quiet', () => {
        const ID = 'cmd-exec-form';
        assert.deepEqual(hits(ID, df('FROM alpine:3.20', 'CMD /app/server --port 80')), [[1, '/app/server --port 80']]);
        assert.deepEqual(hits(ID, df('FROM alpine:3.20', 'ENTRYPOINT /app/server')), [[1, '/app/server']]);
        assert.deepEqual(hits(ID, df('FROM alpine:3.20', 'ENTRYPOINT ["/app/server"]', 'CMD ["--port", "80"]')), []);
        const [shell] = findings(ID, df('FROM alpine:3.20', 'ENTRYPOINT /app/server', 'CMD ["--port", "80"]'));
        assert.match(shell!.message, /ignores CMD/);
    });
    it('secret-in-run: a password the CMD gives to the ENTRYPOINT client is found, on the CMD', () => {
        const ID = 'secret-in-run';
        const cmd = df('FROM debian:12-slim', 'CMD ["mysql", "-uroot", "-pS3cretPass"]');
        const entry = df('FROM debian:12-slim', 'ENTRYPOINT ["mysql", "-uroot", "-pS3cretPass"]');
        const both = df('FROM debian:12-slim', 'ENTRYPOINT ["mysql", "-uroot"]', 'CMD ["-pS3cretPass"]');
        assert.deepEqual(hits(ID, cmd), [[1, 'S3cretPass']]);
        assert.deepEqual(hits(ID, entry), [[1, 'S3cretPass']]);
        assert.deepEqual(hits(ID, both), [[2, 'S3cretPass']]);
        assert.match(findings(ID, both)[0]!.message, /on the CMD command line/);
    });
});

describe('practice rules that do not read the main command give the same findings whatever its shape', () => {
    const PRACTICES = new Set(['one-process', 'ports', 'persistence', 'configuration', 'logging', 'foreground']);
    const COMMAND_RULES = new Set([
        'daemonized-main-process',
        'keep-alive-hack',
        'multiple-services',
        'process-supervisor',
        'log-to-file',
        'expose-missing',
        'volume-missing',
        'database-and-web-server',
        'cmd-exec-form',
        'secret-in-run',
    ]);
    const body = [
        'FROM debian:12-slim',
        'ENV API_TOKEN=abc123',
        'RUN apt-get update && apt-get install -y --no-install-recommends nginx',
        'EXPOSE 80/TCP 99999',
        "VOLUME ['/data']",
    ];
    const shapes = [
        df(...body, 'CMD ["/app/server"]'),
        df(...body, 'ENTRYPOINT ["/app/server"]'),
        df(...body, 'ENTRYPOINT ["/app/server"]', 'CMD ["--verbose"]'),
    ];
    for (const rule of RULES.filter((r) => PRACTICES.has(r.category) && !COMMAND_RULES.has(r.id))) {
        it(rule.id, () => {
            const [cmd, entry, both] = shapes.map((t) => findings(rule.id, t).map((d) => d.message));
            assert.deepEqual(entry, cmd);
            assert.deepEqual(both, cmd);
        });
    }
});
