import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, crlf, findings, hits } from '../helpers';

const ID = 'daemonized-main-process';

/** Applies the preferred fix; the rule must have one finding less afterwards. Returns the fixed text. */
function fix(text: string, index = 0): string {
    const all = findings(ID, text);
    const f = all[index];
    assert.ok(f, 'a finding');
    const preferred = f.fixes.find((x) => x.preferred);
    assert.ok(preferred, 'a preferred fix');
    const fixed = applyFix(text, preferred);
    assert.equal(findings(ID, fixed).length, all.length - 1, `fixed:\n${fixed}`);
    return fixed;
}

describe(ID, () => {
    it('flags services started in the background', () => {
        const text = 'FROM ubuntu:24.04\nCMD service mysql start && service apache2 start && tail -f /dev/null\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'service mysql start'],
            [1, 'service apache2 start'],
        ]);
        assert.match(findings(ID, text)[0]!.message, /mysqld/);
        assert.deepEqual(hits(ID, 'FROM debian:12\nCMD /etc/init.d/ssh start; sleep infinity\n'), [
            [1, '/etc/init.d/ssh start'],
        ]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD ["sh", "-c", "rc-service nginx start && exec app"]\n'), [
            [1, 'rc-service nginx start'],
        ]);
        const [systemd] = findings(ID, 'FROM debian:12\nCMD systemctl start nginx\n');
        assert.match(systemd!.message, /systemd/);
    });
    it('rewrites the last `service x start` as the foreground command', () => {
        assert.equal(
            fix('FROM ubuntu:24.04\nCMD service nginx start\n'),
            'FROM ubuntu:24.04\nCMD nginx -g "daemon off;"\n',
        );
        assert.equal(
            fix('FROM ubuntu:24.04\nCMD ["service", "apache2", "start"]\n'),
            'FROM ubuntu:24.04\nCMD ["apache2ctl", "-D", "FOREGROUND"]\n',
        );
        assert.deepEqual(findings(ID, 'FROM ubuntu:24.04\nCMD service mysql start\n')[0]!.fixes, []);
    });
    it('flags nginx without daemon off and adds it', () => {
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD ["nginx"]\n'), [[1, '"nginx"']]);
        assert.equal(
            fix('FROM ubuntu:24.04\nCMD ["nginx"]\n'),
            'FROM ubuntu:24.04\nCMD ["nginx", "-g", "daemon off;"]\n',
        );
        assert.equal(fix('FROM ubuntu:24.04\nCMD nginx\n'), 'FROM ubuntu:24.04\nCMD nginx -g "daemon off;"\n');
        assert.equal(
            fix('FROM ubuntu:24.04\nCMD /usr/sbin/nginx -e stderr\n'),
            'FROM ubuntu:24.04\nCMD /usr/sbin/nginx -g "daemon off;" -e stderr\n',
        );
        // Not the last command: reported, but a fix would block the commands after it.
        const notLast = findings(ID, 'FROM ubuntu:24.04\nCMD nginx && tail -f /var/log/nginx/access.log\n');
        assert.equal(notLast.length, 1);
        assert.deepEqual(notLast[0]!.fixes, []);
        assert.deepEqual(findings(ID, 'FROM ubuntu:24.04\nCMD nginx -g "pid /tmp/nginx.pid;"\n')[0]!.fixes, []);
    });
    it('trusts nginx config it cannot see or that says daemon off', () => {
        assert.deepEqual(hits(ID, 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCOPY nginx.conf /etc/nginx/nginx.conf\nCMD ["nginx"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCOPY rootfs/ /\nCMD ["nginx"]\n'), []);
        const written = 'FROM ubuntu:24.04\nRUN echo "daemon off;" >> /etc/nginx/nginx.conf\nCMD ["nginx"]\n';
        assert.deepEqual(hits(ID, written), []);
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD ["nginx", "-c", "/app/nginx.conf"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD nginx -t && exec nginx -g "daemon off;"\n'), []);
    });
    it('flags Apache started in the background, with a fix', () => {
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD apachectl start\n'), [[1, 'start']]);
        assert.equal(
            fix('FROM ubuntu:24.04\nCMD apache2ctl start\n'),
            'FROM ubuntu:24.04\nCMD apache2ctl -D FOREGROUND\n',
        );
        assert.equal(
            fix('FROM rockylinux:9\nCMD ["httpd", "-k", "start"]\n'),
            'FROM rockylinux:9\nCMD ["httpd", "-D", "FOREGROUND"]\n',
        );
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD ["apache2ctl", "-D", "FOREGROUND"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM httpd:2.4\nCMD ["httpd-foreground"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM busybox:1.36\nCMD ["httpd", "-f", "-p", "8080"]\n'), []);
    });
    it('flags daemon flags and default-daemonizing servers', () => {
        const text = [
            'FROM debian:12',
            'CMD php-fpm8.2 -D; redis-server --daemonize yes; memcached -d -u nobody; /usr/sbin/sshd; cron; exec app',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, '-D'],
            [1, '--daemonize yes'],
            [1, '-d'],
            [1, '/usr/sbin/sshd'],
            [1, 'cron'],
        ]);
        assert.equal(fix('FROM debian:12\nCMD ["php-fpm8.2", "-D"]\n'), 'FROM debian:12\nCMD ["php-fpm8.2", "-F"]\n');
        assert.equal(fix('FROM debian:12\nCMD ["php-fpm8.2"]\n'), 'FROM debian:12\nCMD ["php-fpm8.2", "-F"]\n');
        assert.equal(fix('FROM debian:12\nCMD ["/usr/sbin/sshd"]\n'), 'FROM debian:12\nCMD ["/usr/sbin/sshd", "-D"]\n');
        assert.equal(
            fix('FROM redis:7\nCMD redis-server --daemonize yes\n'),
            'FROM redis:7\nCMD redis-server --daemonize no\n',
        );
        assert.equal(
            fix('FROM memcached:1\nCMD ["memcached", "-d", "-m", "64"]\n'),
            'FROM memcached:1\nCMD ["memcached", "-m", "64"]\n',
        );
    });
    it('accepts foreground servers and official images', () => {
        const good = [
            'FROM php:8.3-fpm\nCMD ["php-fpm"]\n',
            'FROM debian:12\nCMD ["php-fpm8.2", "-F"]\n',
            'FROM debian:12\nCMD ["/usr/sbin/sshd", "-D", "-e"]\n',
            'FROM alpine:3.20\nCMD ["crond", "-f", "-l", "2"]\n',
            'FROM redis:7\nCMD ["redis-server", "--appendonly", "yes"]\n',
            'FROM postgres:16\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n',
            'FROM mysql:8.4\nCMD ["mysqld"]\n',
            'FROM ubuntu:24.04\nCMD ["sh", "-c", "trap \'kill $PID\' TERM; app & PID=$!; wait $PID"]\n',
            'FROM ubuntu:24.04\nRUN service mysql start && mysql < /init.sql\nCMD ["mysqld"]\n',
            'FROM ubuntu:24.04 AS build\nCMD nginx\nFROM ubuntu:24.04\nCMD ["app"]\n',
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('flags commands put in the background with &', () => {
        const text = 'FROM ubuntu:24.04\nCMD mysqld_safe & apache2ctl -D FOREGROUND\n';
        assert.deepEqual(hits(ID, text), [[1, '&']]);
        assert.match(findings(ID, text)[0]!.message, /SIGTERM/);
        const trailing = 'FROM ubuntu:24.04\nCMD nohup java -jar /app.jar > /dev/null &\n';
        assert.deepEqual(hits(ID, trailing), [[1, '&']]);
        assert.match(findings(ID, trailing)[0]!.message, /exits right after/);
        assert.equal(fix(trailing), 'FROM ubuntu:24.04\nCMD nohup java -jar /app.jar > /dev/null\n');
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text = 'FROM ubuntu:24.04\nCMD service mysql start && \\\n    service apache2 \\\n      start\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'service mysql start'],
            [2, 'service apache2 \\\n      start'],
        ]);
        assert.deepEqual(hits(ID, crlf(text)), [
            [1, 'service mysql start'],
            [2, 'service apache2 \\\r\n      start'],
        ]);
        const tick = '# escape=`\nFROM ubuntu:24.04\nCMD app `\n    &\n';
        assert.deepEqual(hits(ID, tick), [[3, '&']]);
        assert.deepEqual(hits(ID, crlf(tick)), [[3, '&']]);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# dockwise ignore=daemonized-main-process\nCMD service nginx start\n'), []);
    });
});
