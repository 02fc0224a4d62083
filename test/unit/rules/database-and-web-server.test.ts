import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'database-and-web-server';

describe(ID, () => {
    it('flags the study guide: Apache and MySQL installed into one image', () => {
        const text =
            'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y apache2 mysql-server php libapache2-mod-php php-mysql\n';
        assert.deepEqual(hits(ID, text), [[1, 'mysql-server']]);
        const [d] = findings(ID, text);
        assert.match(d!.message, /MySQL \(database, from the package `mysql-server`\)/);
        assert.match(d!.message, /Apache httpd \(web server, from the package `apache2`\)/);
        assert.match(d!.message, /official `mysql` image/);
        assert.match(d!.message, /network/);
    });
    it('flags a database added to a web base image, and a web server added to a database image', () => {
        assert.deepEqual(hits(ID, 'FROM php:8.3-apache\nRUN apt-get update && apt-get install -y mariadb-server\n'), [
            [1, 'mariadb-server'],
        ]);
        assert.deepEqual(
            hits(ID, 'FROM wordpress:6.6\nRUN apt-get update && apt-get install -y default-mysql-server\n'),
            [[1, 'default-mysql-server']],
        );
        assert.deepEqual(hits(ID, 'FROM mysql:8.4\nRUN microdnf install -y nginx\n'), [[1, 'nginx']]);
    });
    it('knows the package names of each distribution family', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nRUN apk add --no-cache redis nginx\n'), [[1, 'nginx']]);
        assert.deepEqual(hits(ID, 'FROM rockylinux:9\nRUN dnf install -y httpd mariadb-server\n'), [
            [1, 'mariadb-server'],
        ]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install -y nginx postgresql-15\n'), [
            [1, 'postgresql-15'],
        ]);
        assert.deepEqual(hits(ID, 'FROM opensuse/leap:15.6\nRUN zypper install -y apache2 postgresql16-server\n'), [
            [1, 'postgresql16-server'],
        ]);
    });
    it('counts the servers the CMD starts', () => {
        const text = 'FROM node:20\nRUN apt-get update && apt-get install -y postgresql\nCMD ["node", "server.js"]\n';
        assert.deepEqual(hits(ID, text), [[2, '"node"']]);
        assert.match(findings(ID, text)[0]!.message, /a Node\.js server/);
    });
    it('reports each extra data service once', () => {
        const text =
            'FROM ubuntu:24.04\nRUN apt-get install -y nginx redis-server mysql-server\nCMD service redis-server start && nginx\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'redis-server'],
            [1, 'mysql-server'],
        ]);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text =
            'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y \\\n    apache2 \\\n    mysql-server \\\n    php\n';
        assert.deepEqual(hits(ID, text), [[3, 'mysql-server']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, 'mysql-server']]);
        const win = '# escape=`\nFROM ubuntu:22.04\nRUN apt-get install -y apache2 `\n    mysql-server\n';
        assert.deepEqual(hits(ID, win), [[3, 'mysql-server']]);
    });
    it('does not count client libraries, drivers or tools', () => {
        const clients =
            'FROM php:8.3-apache\nRUN apt-get update && apt-get install -y default-mysql-client mariadb-client postgresql-client libpq-dev default-libmysqlclient-dev redis-tools php-mysql php-pgsql php-redis sqlite3 postgresql-server-dev-16\n';
        assert.deepEqual(hits(ID, clients), []);
        assert.deepEqual(
            hits(ID, 'FROM alpine:3.20\nRUN apk add --no-cache nginx mysql-client postgresql16-client redis-cli\n'),
            [],
        );
        assert.deepEqual(hits(ID, 'FROM rockylinux:9\nRUN dnf install -y httpd mariadb mysql\n'), []);
    });
    it('does not flag one tier alone, official images or build stages', () => {
        const good = [
            'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
            'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
            'FROM ubuntu:24.04\nRUN apt-get install -y postgresql\n',
            'FROM ubuntu:24.04\nRUN apt-get install -y nginx php8.3-fpm\n',
            'FROM golang:1.23 AS test\nRUN apt-get install -y postgresql\nFROM nginx:1.27\nCOPY --from=test /out /usr/share/nginx/html\n',
            'FROM wordpress:6.6\nRUN apt-get update && apt-get install -y default-mysql-client\n',
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('honours inline suppression', () => {
        assert.deepEqual(
            hits(
                ID,
                'FROM php:8.3-apache\n# dockwise ignore=database-and-web-server\nRUN apt-get install -y mariadb-server\n',
            ),
            [],
        );
    });
});
