import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'multiple-services';

describe(ID, () => {
    it('flags the second service started with service … start', () => {
        const text = 'FROM ubuntu:24.04\nCMD service mysql start && service apache2 start && tail -f /dev/null\n';
        assert.deepEqual(hits(ID, text), [[1, 'service apache2 start']]);
        const [d] = findings(ID, text);
        assert.match(d!.message, /Apache httpd/);
        assert.match(d!.message, /MySQL/);
        assert.match(d!.message, /separate containers/);
        assert.match(d!.message, /network/);
    });
    it('flags each further service and names the ones before it', () => {
        const text =
            'FROM ubuntu:24.04\nCMD service ssh start; service mysql start && /etc/init.d/apache2 start && sleep infinity\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'service mysql start'],
            [1, '/etc/init.d/apache2 start'],
        ]);
        assert.match(findings(ID, text)[1]!.message, /the SSH server and MySQL/);
    });
    it('flags daemons chained with && and ;', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD redis-server --daemonize yes; nginx -g "daemon off;"\n'), [
            [1, 'nginx -g "daemon off;"'],
        ]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD php-fpm -D && exec nginx -g "daemon off;"\n'), [
            [1, 'exec nginx -g "daemon off;"'],
        ]);
    });
    it('flags a job sent to the background next to the main program', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD ./worker & ./server\n'), [[1, './server']]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD ./a & ./b & ./c\n'), [
            [1, './b'],
            [1, './c'],
        ]);
        assert.match(findings(ID, 'FROM alpine:3.20\nCMD ./worker & ./server\n')[0]!.message, /`\.\/worker`/);
    });
    it('looks inside sh -c, in shell and exec form', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD sh -c \'crond && nginx -g "daemon off;"\'\n'), [
            [1, 'nginx -g "daemon off;"'],
        ]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD ["sh", "-c", "nginx & php-fpm -F"]\n'), [[1, 'php-fpm -F']]);
    });
    it('keeps exact ranges past JSON escapes inside an exec-form sh -c', () => {
        const text = 'FROM alpine:3.20\nCMD ["sh", "-c", "php-fpm -D && nginx -g \\"daemon off;\\""]\n';
        assert.deepEqual(hits(ID, text), [[1, 'nginx -g \\"daemon off;\\"']]);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text =
            'FROM ubuntu:24.04\nCMD service mysql start \\\n    && service apache2 start \\\n    && tail -f /dev/null\n';
        assert.deepEqual(hits(ID, text), [[2, 'service apache2 start']]);
        assert.deepEqual(hits(ID, crlf(text)), [[2, 'service apache2 start']]);
        const win =
            '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD service mysql start && `\n    service apache2 start\n';
        assert.deepEqual(hits(ID, win), [[3, 'service apache2 start']]);
        assert.deepEqual(hits(ID, crlf(win)), [[3, 'service apache2 start']]);
    });
    it('does not count one service with helpers, clients or keep-alive hacks', () => {
        const good = [
            'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
            'FROM ubuntu:24.04\nCMD service nginx start && tail -f /dev/null\n',
            'FROM nginx:1.27\nCMD nginx -t && nginx -g "daemon off;"\n',
            'FROM alpine:3.20\nCMD ./migrate && exec ./server\n',
            'FROM mysql:8.4\nCMD mysqld_safe & sleep 5 && mysql -e "SELECT 1"\n',
            'FROM alpine:3.20\nCMD tail -F /var/log/app.log & exec ./server\n',
            'FROM node:20\nCMD ["node", "server.js"]\n',
            'FROM ubuntu:24.04\nCMD ["/usr/bin/supervisord", "-n"]\n',
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('ignores RUN steps, earlier stages and overridden CMDs', () => {
        assert.deepEqual(
            hits(
                ID,
                'FROM ubuntu:24.04\nRUN service mysql start && service apache2 start\nCMD ["apache2ctl", "-D", "FOREGROUND"]\n',
            ),
            [],
        );
        assert.deepEqual(
            hits(ID, 'FROM ubuntu:24.04 AS a\nCMD service mysql start && service apache2 start\nFROM nginx:1.27\n'),
            [],
        );
        assert.deepEqual(
            hits(
                ID,
                'FROM ubuntu:24.04\nCMD service mysql start && service apache2 start\nCMD ["apache2ctl", "-D", "FOREGROUND"]\n',
            ),
            [],
        );
    });
    it('follows the CMD a stage inherits from the stage it builds on', () => {
        const text =
            'FROM ubuntu:24.04 AS base\nCMD service mysql start && service apache2 start\nFROM base\nRUN true\n';
        assert.deepEqual(hits(ID, text), [[1, 'service apache2 start']]);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(
            hits(
                ID,
                'FROM ubuntu:24.04\n# dockwise ignore=multiple-services\nCMD service mysql start && service apache2 start\n',
            ),
            [],
        );
    });
});
