import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, crlf, findings, hits } from '../helpers';

const ID = 'log-to-file';

describe(ID, () => {
    it('flags redirections of the main process into files', () => {
        assert.deepEqual(hits(ID, 'FROM python:3.12\nCMD python app.py >> /var/log/app.log 2>&1\n'), [
            [1, '>> /var/log/app.log'],
        ]);
        assert.deepEqual(hits(ID, 'FROM python:3.12\nCMD python app.py > /tmp/out.log 2>/tmp/err.log\n'), [
            [1, '> /tmp/out.log'],
            [1, '2>/tmp/err.log'],
        ]);
        assert.deepEqual(hits(ID, 'FROM python:3.12\nCMD ["sh", "-c", "exec python app.py &> app.log"]\n'), [
            [1, '&> app.log'],
        ]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nENTRYPOINT exec >>/var/log/run.log 2>&1; exec app\n'), [
            [1, '>>/var/log/run.log'],
        ]);
    });
    it('accepts the standard streams, /dev/null and descriptors', () => {
        const text =
            'FROM alpine:3.20\nCMD app > /dev/stdout 2> /dev/stderr 2>&1 >&2 > /proc/1/fd/1 2>/proc/self/fd/2 > /dev/null > "$LOG"\n';
        assert.deepEqual(hits(ID, text), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN make > /tmp/build.log 2>&1\nCMD ["app"]\n'), []);
    });
    it('flags log file options of the main process', () => {
        const text =
            'FROM python:3.12\nCMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "/var/log/g.log", "--log-file=/tmp/x.log", "app:app"]\n';
        assert.deepEqual(hits(ID, text), [
            [1, '"--error-logfile", "/var/log/g.log"'],
            [1, '"--log-file=/tmp/x.log"'],
        ]);
        assert.deepEqual(hits(ID, 'FROM mongo:7\nCMD mongod --logpath /var/log/mongodb/mongod.log\n'), [
            [1, '--logpath /var/log/mongodb/mongod.log'],
        ]);
        assert.deepEqual(hits(ID, 'FROM redis:7\nCMD redis-server --logfile "" --loglevel warning\n'), []);
    });
    it('flags nginx log directives in -g, with a fix to the stream', () => {
        const text = 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off; error_log /var/log/nginx/debug.log debug;"]\n';
        const [f] = findings(ID, text);
        assert.deepEqual(hits(ID, text), [[1, 'error_log /var/log/nginx/debug.log']]);
        const fixed = applyFix(text, f!.fixes[0]!);
        assert.equal(fixed, 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off; error_log /dev/stderr debug;"]\n');
        assert.deepEqual(findings(ID, fixed), []);
        assert.deepEqual(hits(ID, 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off; error_log stderr;"]\n'), []);
    });
    it('flags log files configured by RUN lines and heredocs', () => {
        const text = [
            'FROM ubuntu:24.04',
            'RUN echo "access_log /var/log/nginx/app.log;" > /etc/nginx/conf.d/log.conf',
            "RUN sed -i 's|access_log .*;|access_log /srv/logs/b.log;|' /etc/nginx/nginx.conf",
            "RUN sed -i 's|error_log /var/log/x.log|error_log /dev/stderr|' /etc/nginx/nginx.conf",
            'RUN cat > /etc/nginx/conf.d/site.conf <<EOF',
            'server {',
            '    # access_log /var/log/nginx/old.log;',
            '    error_log /var/log/nginx/site.log warn;',
            '}',
            'EOF',
            'COPY <<EOF /etc/apache2/conf-enabled/logs.conf',
            'CustomLog ${APACHE_LOG_DIR}/custom.log combined',
            'ErrorLog /dev/stderr',
            'EOF',
            'CMD ["nginx", "-g", "daemon off;"]',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'access_log /var/log/nginx/app.log'],
            [2, 'access_log /srv/logs/b.log'],
            [7, 'error_log /var/log/nginx/site.log'],
            [11, 'CustomLog ${APACHE_LOG_DIR}/custom.log'],
        ]);
        const heredoc = findings(ID, text)[2]!;
        const fixed = applyFix(text, heredoc.fixes[0]!);
        assert.match(fixed, /error_log \/dev\/stderr warn;/);
        assert.equal(findings(ID, fixed).length, 3);
    });
    it('flags MySQL log settings written with printf', () => {
        const text =
            "FROM ubuntu:24.04\nRUN printf '[mysqld]\\nlog_error = /var/log/mysql/err.log\\ngeneral_log_file=/var/log/mysql/q.log\\n' > /etc/mysql/conf.d/log.cnf\n";
        assert.deepEqual(hits(ID, text), [
            [1, 'log_error = /var/log/mysql/err.log'],
            [1, 'general_log_file=/var/log/mysql/q.log'],
        ]);
    });
    it('accepts log files linked to the streams, by the Dockerfile or the official image', () => {
        const linked = [
            'FROM ubuntu:24.04',
            'RUN ln -sf /dev/stdout /var/log/app.log && ln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log"',
            'RUN echo "ErrorLog ${APACHE_LOG_DIR}/error.log" >> /etc/apache2/apache2.conf',
            'CMD app >> /var/log/app.log',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, linked), []);
        const official =
            'FROM nginx:1.27\nRUN echo "access_log /var/log/nginx/access.log main;" > /etc/nginx/conf.d/x.conf\n';
        assert.deepEqual(hits(ID, official), []);
    });
    it('flags tail -f of a log file as the main process', () => {
        const text = 'FROM ubuntu:24.04\nCMD service apache2 start && tail -F /var/log/apache2/access.log\n';
        assert.deepEqual(hits(ID, text), [[1, 'tail -F /var/log/apache2/access.log']]);
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD ["tail", "-n", "0", "-f", "/var/log/cron.log"]\n'), [
            [1, '"tail", "-n", "0", "-f", "/var/log/cron.log"'],
        ]);
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nCMD tail -f /dev/null\n'), []);
        assert.deepEqual(hits(ID, 'FROM ubuntu:24.04\nRUN tail -f /var/log/x.log\nCMD ["app"]\n'), []);
    });
    it('only looks at the final image', () => {
        const text = 'FROM alpine:3.20 AS build\nCMD make > build.log\nFROM alpine:3.20\nCMD ["app"]\n';
        assert.deepEqual(hits(ID, text), []);
        const chain = 'FROM alpine:3.20 AS base\nCMD app > app.log\nFROM base\nEXPOSE 80\n';
        assert.deepEqual(hits(ID, chain), [[1, '> app.log']]);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text = 'FROM alpine:3.20\nCMD app \\\n    --verbose \\\n    >> /var/log/app.log\n';
        assert.deepEqual(hits(ID, text), [[3, '>> /var/log/app.log']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, '>> /var/log/app.log']]);
        const tick = '# escape=`\nFROM alpine:3.20\nCMD app `\n    > /var/log/app.log\n';
        assert.deepEqual(hits(ID, tick), [[3, '> /var/log/app.log']]);
        assert.deepEqual(hits(ID, crlf(tick)), [[3, '> /var/log/app.log']]);
    });
    it('says what to do', () => {
        const [f] = findings(ID, 'FROM alpine:3.20\nCMD app > /var/log/app.log\n');
        assert.match(f!.message, /docker logs/);
        assert.match(f!.message, /stdout and stderr/);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# dockwise ignore=log-to-file\nCMD app > /var/log/app.log\n'), []);
    });
});
