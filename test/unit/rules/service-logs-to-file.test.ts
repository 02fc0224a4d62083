import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, crlf, findings, hits } from '../helpers';

const ID = 'service-logs-to-file';

/** Applies the finding's quick fix, checks the rule is then quiet, and returns the fixed text. */
function fixAndRelint(text: string, index = 0): string {
    const f = findings(ID, text)[index];
    assert.ok(f, 'a finding to fix');
    const fix = f.fixes.find((x) => x.preferred);
    assert.ok(fix, 'a preferred fix');
    const fixed = applyFix(text, fix);
    assert.equal(findings(ID, fixed).length, findings(ID, text).length - 1, 'the fixed finding is gone, no new one');
    return fixed;
}

describe(ID, () => {
    it('flags servers installed from packages that log to files', () => {
        const text = [
            'FROM ubuntu:24.04',
            'RUN apt-get update && apt-get install -y --no-install-recommends \\',
            '    apache2 mysql-server php8.3-fpm nginx=1.24.0-2ubuntu7 curl',
            'CMD ["apache2ctl", "-D", "FOREGROUND"]',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [2, 'apache2'],
            [2, 'mysql-server'],
            [2, 'php8.3-fpm'],
            [2, 'nginx=1.24.0-2ubuntu7'],
        ]);
        const [apache] = findings(ID, text);
        assert.match(apache!.message, /\/var\/log\/apache2\/access\.log/);
        assert.match(apache!.message, /other_vhosts_access\.log/);
        assert.match(apache!.message, /docker logs/);
    });
    it('knows the paths of each distribution family', () => {
        const rhel = 'FROM rockylinux:9\nRUN dnf install -y httpd php-fpm && dnf clean all\n';
        assert.deepEqual(hits(ID, rhel), [
            [1, 'httpd'],
            [1, 'php-fpm'],
        ]);
        assert.match(findings(ID, rhel)[0]!.message, /\/var\/log\/httpd\/access_log/);
        const alpine = 'FROM alpine:3.20\nRUN apk add --no-cache nginx php83-fpm\n';
        assert.match(findings(ID, alpine)[1]!.message, /\/var\/log\/php83\/error\.log/);
        const versionless = 'FROM debian:12\nRUN apt-get install -y php-fpm\n';
        const [php] = findings(ID, versionless);
        assert.match(php!.message, /files under `\/var\/log`/);
        assert.deepEqual(php!.fixes, []);
    });
    it('chains the links at the end of the installing RUN (no second RUN in a row), and the finding goes away', () => {
        const text =
            'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nginx\nCMD ["nginx", "-g", "daemon off;"]\n';
        const fixed = fixAndRelint(text);
        assert.equal(
            fixed,
            'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nginx' +
                ' && ln -sf /dev/stdout /var/log/nginx/access.log \\\n    && ln -sf /dev/stderr /var/log/nginx/error.log\n' +
                'CMD ["nginx", "-g", "daemon off;"]\n',
        );
        assert.deepEqual(findings('consecutive-run', fixed), []);
        const noEol = 'FROM ubuntu:24.04\nRUN apt-get install -y mysql-server';
        assert.equal(
            fixAndRelint(noEol),
            'FROM ubuntu:24.04\nRUN apt-get install -y mysql-server && ln -sf /dev/stderr /var/log/mysql/error.log',
        );
    });
    it('puts the links in a RUN of its own when the installing RUN cannot take them, and says so', () => {
        const text = 'FROM ubuntu:24.04\nRUN if true; then apt-get install -y mysql-server; fi\n';
        const [f] = findings(ID, text);
        assert.match(f!.fixes[0]!.title, /RUN of its own \(it leaves two RUNs in a row\)/);
        assert.equal(
            fixAndRelint(text),
            'FROM ubuntu:24.04\nRUN if true; then apt-get install -y mysql-server; fi\nRUN ln -sf /dev/stderr /var/log/mysql/error.log\n',
        );
    });
    it('keeps CRLF line endings and the escape character in the fix', () => {
        const text = crlf(
            '# escape=`\nFROM ubuntu:24.04\nRUN apt-get update && `\n    apt-get install -y nginx\nCMD ["app"]\n',
        );
        assert.deepEqual(hits(ID, text), [[3, 'nginx']]);
        const fixed = fixAndRelint(text);
        assert.ok(
            fixed.includes(
                '    apt-get install -y nginx\r\nRUN ln -sf /dev/stdout /var/log/nginx/access.log `\r\n    && ln -sf /dev/stderr /var/log/nginx/error.log\r\nCMD',
            ),
            fixed,
        );
    });
    it('links only the files that still need it', () => {
        const text = 'FROM ubuntu:24.04\nRUN apt-get install -y nginx && ln -sf /dev/stderr /var/log/nginx/error.log\n';
        const [f] = findings(ID, text);
        assert.doesNotMatch(f!.message, /error\.log/);
        assert.match(applyFix(text, f!.fixes[0]!), / && ln -sf \/dev\/stdout \/var\/log\/nginx\/access\.log\n$/);
    });
    it('accepts images that handle the logs', () => {
        const linked = [
            'FROM debian:12',
            'RUN apt-get update && apt-get install -y apache2 \\',
            '    && ln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log" \\',
            '    && ln -sfT /dev/stdout "$APACHE_LOG_DIR/access.log" \\',
            '    && ln -sfT /dev/stdout "$APACHE_LOG_DIR/other_vhosts_access.log"',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, linked), []);
        const reconfigured = [
            'FROM rockylinux:9',
            'RUN dnf install -y httpd && sed -ri -e "s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g" \\',
            '    -e "s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g" /etc/httpd/conf/httpd.conf',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, reconfigured), []);
        assert.deepEqual(hits(ID, 'FROM nginx:1.27\nRUN apt-get update && apt-get install -y nginx-extras\n'), []);
        assert.deepEqual(hits(ID, 'FROM php:8.3-apache\nRUN apt-get install -y apache2\n'), []);
        const copied = 'FROM ubuntu:24.04\nRUN apt-get install -y nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\n';
        assert.deepEqual(hits(ID, copied), []);
        assert.deepEqual(
            hits(ID, 'FROM ubuntu:24.04\nRUN apt-get install -y nginx-common curl libapache2-mod-php\n'),
            [],
        );
    });
    it('still flags the default files when the Dockerfile only adds more log files', () => {
        const text = [
            'FROM ubuntu:24.04',
            'RUN apt-get install -y apache2',
            "RUN echo 'ErrorLog /var/log/apache2/app-error.log' >> /etc/apache2/apache2.conf",
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [[1, 'apache2']]);
        const toStream = text.replace('/var/log/apache2/app-error.log', '/dev/stderr');
        assert.doesNotMatch(findings(ID, toStream)[0]!.message, /error\.log/);
    });
    it('only looks at the final image', () => {
        const text =
            'FROM ubuntu:24.04 AS build\nRUN apt-get install -y nginx\nFROM scratch\nCOPY --from=build /x /x\n';
        assert.deepEqual(hits(ID, text), []);
        const chain = 'FROM ubuntu:24.04 AS base\nRUN apt-get install -y nginx\nFROM base\nCMD ["nginx"]\n';
        assert.deepEqual(hits(ID, chain), [[1, 'nginx']]);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(
            hits(ID, 'FROM ubuntu:24.04\n# dockwise ignore=service-logs-to-file\nRUN apt-get install -y nginx\n'),
            [],
        );
    });
});
