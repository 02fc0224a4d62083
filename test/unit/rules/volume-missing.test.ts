import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixTitles } from '../fixHelpers';
import { applyFix, crlf, findings, hits } from '../helpers';

const ID = 'volume-missing';

function fixed(text: string, index = 0): string {
    const fix = findings(ID, text)[index]?.fixes[0];
    assert.ok(fix, 'a quick fix is offered');
    return applyFix(text, fix);
}

describe(ID, () => {
    it('flags a database started by CMD with no VOLUME on its data directory', () => {
        const text =
            'FROM debian:12\nRUN apt-get install -y postgresql\nCMD ["/usr/lib/postgresql/15/bin/postgres", "-D", "/srv/pgdata"]\n';
        assert.deepEqual(hits(ID, text), [[2, '"/usr/lib/postgresql/15/bin/postgres"']]);
        const [d] = findings(ID, text);
        assert.match(d!.message, /PostgreSQL keeps its data in \/srv\/pgdata/);
        assert.match(d!.message, /VOLUME \/srv\/pgdata/);
        // Adding a VOLUME is a decision (it changes how the image runs): offered, never auto-applied.
        assert.deepEqual(fixTitles(ID, text), ['Add VOLUME ["/srv/pgdata"]']);
        const after = fixed(text);
        assert.equal(
            after,
            'FROM debian:12\nRUN apt-get install -y postgresql\nVOLUME ["/srv/pgdata"]\nCMD ["/usr/lib/postgresql/15/bin/postgres", "-D", "/srv/pgdata"]\n',
        );
        assert.deepEqual(hits(ID, after), []);
    });
    it('flags the study guide’s MySQL started with service … start', () => {
        const text =
            'FROM ubuntu:22.04\nRUN apt-get install -y mysql-server apache2\nCMD service mysql start && service apache2 start\n';
        assert.deepEqual(hits(ID, text), [[2, 'mysql']]);
        assert.match(findings(ID, text)[0]!.message, /\/var\/lib\/mysql/);
    });
    it('flags an installed server package, adding the VOLUME at the end when there is no CMD', () => {
        const text = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y mysql-server';
        assert.deepEqual(hits(ID, text), [[1, 'mysql-server']]);
        assert.equal(fixed(text), `${text}\nVOLUME ["/var/lib/mysql"]\n`);
        assert.equal(fixed(`${text}\n`), `${text}\nVOLUME ["/var/lib/mysql"]\n`);
        assert.deepEqual(hits(ID, fixed(text)), []);
    });
    it('uses the directory the distribution package uses', () => {
        assert.match(
            findings(ID, 'FROM debian:12\nRUN apt-get install -y redis-server\n')[0]!.message,
            /\/var\/lib\/redis/,
        );
        assert.match(
            findings(ID, 'FROM rockylinux:9\nRUN dnf install -y postgresql-server\n')[0]!.message,
            /\/var\/lib\/pgsql/,
        );
        assert.match(
            findings(ID, 'FROM debian:12\nRUN apt-get install -y mongodb-org\n')[0]!.message,
            /\/var\/lib\/mongodb/,
        );
        assert.match(findings(ID, 'FROM alpine:3.20\nCMD ["mongod", "--bind_ip_all"]\n')[0]!.message, /\/data\/db/);
    });
    it('honours data-directory options and ENV PGDATA', () => {
        const cases: [string, string][] = [
            ['CMD ["mysqld", "--datadir=/srv/mysql"]', '/srv/mysql'],
            ['CMD ["mongod", "--dbpath", "/srv/mongo"]', '/srv/mongo'],
            ['CMD ["redis-server", "--dir", "/srv/redis"]', '/srv/redis'],
            ['ENV PGDATA=/srv/pg\nCMD ["postgres"]', '/srv/pg'],
            ['CMD ["dockerd", "--data-root", "/srv/docker"]', '/srv/docker'],
        ];
        for (const [lines, dir] of cases) {
            const text = `FROM debian:12\n${lines}\n`;
            assert.equal(findings(ID, text).length, 1, lines);
            assert.ok(findings(ID, text)[0]!.message.includes(`keeps its data in ${dir},`), lines);
        }
    });
    it('puts the VOLUME after the last RUN when RUN steps follow the CMD', () => {
        const text = 'FROM debian:12\nCMD ["mysqld"]\nRUN apt-get install -y mysql-server\n';
        assert.equal(fixed(text), `${text}VOLUME ["/var/lib/mysql"]\n`);
    });
    it('keeps exact ranges and line endings across continuations, CRLF and the escape directive', () => {
        const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    rabbitmq-server \\\n    curl\n';
        assert.deepEqual(hits(ID, text), [[2, 'rabbitmq-server']]);
        assert.deepEqual(hits(ID, crlf(text)), [[2, 'rabbitmq-server']]);
        assert.equal(fixed(crlf(text)), crlf(`${text}VOLUME ["/var/lib/rabbitmq"]\n`));
        const win = '# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    mariadb-server\n';
        assert.deepEqual(hits(ID, win), [[3, 'mariadb-server']]);
    });
    it('is satisfied by a VOLUME on the directory, a parent or a child, in any stage of the chain', () => {
        const good = [
            'FROM debian:12\nRUN apt-get install -y mysql-server\nVOLUME /var/lib/mysql\n',
            'FROM debian:12\nRUN apt-get install -y mysql-server\nVOLUME ["/var/lib/mysql/"]\n',
            'FROM debian:12\nRUN apt-get install -y postgresql\nVOLUME ["/var/lib/postgresql"]\n',
            'FROM debian:12\nRUN apt-get install -y postgresql\nVOLUME /var/lib/postgresql/data\n',
            'FROM alpine:3.20\nVOLUME /data\nCMD ["mongod", "--bind_ip_all"]\n',
            'FROM debian:12\nENV PGDATA=/srv/pg\nVOLUME $PGDATA\nCMD ["postgres"]\n',
            'FROM debian:12 AS base\nVOLUME /var/lib/mysql\nFROM base\nCMD ["mysqld"]\n',
            'FROM debian:12\nRUN apt-get install -y mysql-server\nVOLUME $DATA_DIR\n',
            "FROM debian:12\nRUN apt-get install -y mysql-server\nVOLUME ['/var/lib/mysql']\n",
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('trusts official images, and ignores stateless services, clients and build stages', () => {
        const good = [
            'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
            'FROM postgres:16\nCMD ["postgres", "-c", "max_connections=200"]\n',
            'FROM mysql:8.4\nCMD ["mysqld", "--character-set-server=utf8mb4"]\n',
            'FROM redis:7.4\nCMD ["redis-server", "--appendonly", "yes"]\n',
            'FROM debian:12\nRUN apt-get install -y memcached nginx\nCMD ["memcached"]\n',
            'FROM debian:12\nRUN apt-get install -y postgresql-client default-mysql-client redis-tools\n',
            'FROM debian:12 AS test\nRUN apt-get install -y postgresql\nFROM gcr.io/distroless/static-debian12\nCOPY --from=test /out /app\n',
            'FROM node:20\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('honours inline suppression on the instruction holding the word', () => {
        assert.deepEqual(
            hits(ID, 'FROM debian:12\n# dockwise ignore=volume-missing\nRUN apt-get install -y mysql-server\n'),
            [],
        );
    });
});
