import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { applyFix, crlf, findings, hits } from '../helpers';

const ID = 'expose-missing';

/** The port each finding's quick fix would expose ('' when there is no fix). */
function fixPorts(text: string): string[] {
    return findings(ID, text).map((d) => /EXPOSE (\d+)/.exec(d.fixes[0]?.title ?? '')?.[1] ?? '');
}

describe(ID, () => {
    it('flags a web server without EXPOSE and offers its default port', () => {
        const text = 'FROM ubuntu:24.04\nRUN apt-get install -y nginx\nCMD ["nginx", "-g", "daemon off;"]\n';
        assert.deepEqual(hits(ID, text), [[2, '"nginx"']]);
        assert.match(findings(ID, text)[0]!.message, /nginx listens on port 80/);
        // A default is a guess (the config may say otherwise): offered, but not applied by Auto Fix.
        assert.deepEqual(fixTitles(ID, text), ['Add EXPOSE 80']);
        const fixed = applyFix(text, findings(ID, text)[0]!.fixes[0]!);
        assert.equal(
            fixed,
            'FROM ubuntu:24.04\nRUN apt-get install -y nginx\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
        );
        assert.deepEqual(hits(ID, fixed), []);
    });
    it('uses the port from the command line and makes that fix preferred', () => {
        const text = 'FROM python:3.12-slim\nCMD ["gunicorn", "--bind", "0.0.0.0:9000", "app:app"]\n';
        assert.deepEqual(fixTitles(ID, text), ['Add EXPOSE 9000*']);
        assert.equal(
            fixAndRelint(ID, text),
            'FROM python:3.12-slim\nEXPOSE 9000\nCMD ["gunicorn", "--bind", "0.0.0.0:9000", "app:app"]\n',
        );
        const cases: [string, string][] = [
            ['CMD gunicorn -b :8001 app:app', '8001'],
            ['CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "9001"]', '9001'],
            ['CMD flask run --host=0.0.0.0 --port=5001', '5001'],
            ['CMD python3 -m http.server 8081 --bind 0.0.0.0', '8081'],
            ['CMD ["bundle", "exec", "rails", "server", "-b", "0.0.0.0", "-p", "4000"]', '4000'],
            ['CMD php -S 0.0.0.0:8002 -t public', '8002'],
            ['CMD python manage.py runserver 0.0.0.0:8003', '8003'],
            ['CMD ["java", "-Dserver.port=9090", "-jar", "/srv/billing.jar"]', '9090'],
            ['CMD redis-server --port 7000', '7000'],
            ['CMD ["npx", "next", "start", "-p", "3001"]', '3001'],
        ];
        for (const [line, port] of cases) {
            assert.deepEqual(fixPorts(`FROM debian:12\n${line}\n`), [port], line);
        }
    });
    it('reads the arguments an exec-form CMD passes to an exec-form ENTRYPOINT', () => {
        const text = 'FROM python:3.12\nENTRYPOINT ["gunicorn"]\nCMD ["-b", "0.0.0.0:9000", "app:app"]\n';
        assert.deepEqual(hits(ID, text), [[1, '"gunicorn"']]);
        assert.deepEqual(fixPorts(text), ['9000']);
    });
    it('reads the port from ENV, and defaults from ${VAR:-default}', () => {
        assert.deepEqual(fixPorts('FROM node:20\nENV PORT=8080\nCMD ["node", "server.js"]\n'), ['8080']);
        assert.deepEqual(fixPorts('FROM python:3.12\nENV FLASK_RUN_PORT=5050\nCMD flask run --host=0.0.0.0\n'), [
            '5050',
        ]);
        assert.deepEqual(fixPorts('FROM python:3.12\nENV APP_PORT=7001\nCMD uvicorn main:app --port $APP_PORT\n'), [
            '7001',
        ]);
        assert.deepEqual(fixPorts('FROM python:3.12\nCMD gunicorn -b "0.0.0.0:${PORT:-8000}" app:app\n'), ['8000']);
        assert.deepEqual(fixTitles(ID, 'FROM node:20\nENV PORT=8080\nCMD ["node", "server.js"]\n'), [
            'Add EXPOSE 8080*',
        ]);
    });
    it('knows the defaults of common servers', () => {
        const cases: [string, string, string][] = [
            ['CMD service apache2 start && tail -f /dev/null', 'apache2', '80'],
            ['CMD ["python", "-m", "http.server"]', '"http.server"', '8000'],
            ['CMD flask run', 'flask', '5000'],
            ['CMD ["postgres"]', '"postgres"', '5432'],
            ['CMD ["mysqld"]', '"mysqld"', '3306'],
            ['CMD ["mongod", "--bind_ip_all"]', '"mongod"', '27017'],
            ['CMD ["php-fpm", "-F"]', '"php-fpm"', '9000'],
            ['CMD ["catalina.sh", "run"]', '"catalina.sh"', '8080'],
        ];
        for (const [line, covered, port] of cases) {
            const text = `FROM debian:12\n${line}\n`;
            assert.deepEqual(hits(ID, text), [[1, covered]], line);
            assert.deepEqual(fixPorts(text), [port], line);
        }
    });
    it('flags servers whose port it cannot tell, without a fix', () => {
        for (const line of ['CMD ["npm", "start"]', 'CMD ["java", "-jar", "app.jar"]', 'CMD ["python", "app.py"]']) {
            const text = `FROM debian:12\n${line}\n`;
            assert.equal(hits(ID, text).length, 1, line);
            assert.deepEqual(fixPorts(text), [''], line);
            assert.match(findings(ID, text)[0]!.message, /EXPOSE <port>/);
        }
    });
    it('knows that ASP.NET Core listens on 8080 from .NET 8 on', () => {
        const text = (tag: string) =>
            `FROM mcr.microsoft.com/dotnet/aspnet:${tag}\nCOPY out/ /app/\nENTRYPOINT ["dotnet", "/app/Api.dll"]\n`;
        assert.deepEqual(fixPorts(text('8.0')), ['8080']);
        assert.deepEqual(fixPorts(text('6.0')), ['80']);
        assert.deepEqual(
            hits(ID, 'FROM mcr.microsoft.com/dotnet/runtime:8.0\nENTRYPOINT ["dotnet", "Tool.dll"]\n'),
            [],
        );
    });
    it('asks only for the front server when several share the container', () => {
        const text = 'FROM ubuntu:22.04\nCMD service mysql start && service apache2 start && tail -f /dev/null\n';
        assert.deepEqual(hits(ID, text), [[1, 'apache2']]);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nCMD php-fpm -D && nginx -g "daemon off;"\n'), [[1, 'nginx']]);
    });
    it('keeps exact ranges and line endings across continuations, CRLF and the escape directive', () => {
        const text = 'FROM python:3.12\nCMD gunicorn \\\n    --bind 0.0.0.0:8000 \\\n    app:app\n';
        assert.deepEqual(hits(ID, crlf(text)), [[1, 'gunicorn']]);
        assert.equal(
            applyFix(crlf(text), findings(ID, crlf(text))[0]!.fixes[0]!),
            crlf('FROM python:3.12\nEXPOSE 8000\nCMD gunicorn \\\n    --bind 0.0.0.0:8000 \\\n    app:app\n'),
        );
        const win = '# escape=`\nFROM python:3.12\nCMD python -m `\n    http.server 8080\n';
        assert.deepEqual(hits(ID, win), [[3, 'http.server']]);
    });
    it('is satisfied by any EXPOSE of the final image or an official server base image', () => {
        const good = [
            'FROM node:20\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
            'FROM node:20 AS base\nEXPOSE 3000\nFROM base\nCMD ["node", "server.js"]\n',
            'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
            'FROM nginx:1.27-alpine\nCMD ["nginx", "-g", "daemon off;"]\n',
            'FROM php:8.3-apache\nCMD ["apache2-foreground"]\n',
            'FROM docker.io/library/postgres:16\nCMD ["postgres", "-c", "max_connections=200"]\n',
            'FROM python:3.12\nEXPOSE $PORT\nCMD gunicorn app:app\n',
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('does not flag tools, workers and programs that publish nothing', () => {
        const good = [
            'FROM node:20\nCMD ["node", "cli.js"]\n',
            'FROM node:20\nCMD ["node", "index.js"]\n',
            'FROM python:3.12\nCMD ["python", "script.py"]\n',
            'FROM python:3.12\nCMD ["celery", "-A", "app", "worker"]\n',
            'FROM golang:1.23 AS build\nRUN go build -o /server .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /server /server\nENTRYPOINT ["/server"]\n',
            'FROM debian:12\nCMD ["/usr/sbin/sshd", "-D"]\n',
            'FROM debian:12\nCMD ["cron", "-f"]\n',
            'FROM python:3.12\nCMD ["uwsgi", "--socket", "/run/uwsgi.sock", "--module", "app"]\n',
            'FROM ${BASE}\nCMD ["nginx", "-g", "daemon off;"]\n',
            'FROM debian:12\nRUN nginx -t\nCMD ["bash"]\n',
            'FROM nginx:1.27 AS a\nCMD ["nginx"]\nFROM alpine:3.20\nCMD ["sh"]\n',
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('honours inline suppression', () => {
        assert.deepEqual(
            hits(ID, 'FROM debian:12\n# dockwise ignore=expose-missing\nCMD ["nginx", "-g", "daemon off;"]\n'),
            [],
        );
    });
});
