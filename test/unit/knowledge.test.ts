import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Command } from '../../server/src/core/commands';
import { buildModel } from '../../server/src/core/model';
import { knownImage } from '../../server/src/core/knowledge/officialImages';
import { canonicalReference } from '../../server/src/shared/imageReference';
import { looksLikeServer, portOf, serviceStart } from '../../server/src/core/knowledge/serverCommands';
import {
    SERVICES,
    serviceByInitName,
    serviceByPackage,
    serviceByProgram,
} from '../../server/src/core/knowledge/services';
import { mainCommands } from '../../server/src/core/kit';

/** The service id and port the (last) CMD command starts. */
function started(cmd: string, from = 'debian:12'): [string, string | undefined] | undefined {
    const commands: Command[] = mainCommands(buildModel(`FROM ${from}\nCMD ${cmd}\n`)).map((c) => c.cmd);
    for (const c of commands.reverse()) {
        const s = serviceStart(c, { baseImage: from });
        if (s) {
            return [s.service.id, s.port];
        }
    }
    return undefined;
}

describe('service catalog', () => {
    it('has unique ids and well-formed entries', () => {
        const ids = SERVICES.map((s) => s.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const s of SERVICES) {
            assert.ok(s.label.length > 0, s.id);
            for (const dir of s.dataDirs) {
                assert.match(dir, /^\/[^\s]*[^/]$/, `${s.id}: ${dir}`);
            }
            for (const port of s.ports) {
                assert.ok(port > 0 && port <= 65535, `${s.id}: ${port}`);
            }
        }
    });
    it('tells server packages from clients, per distribution family', () => {
        const servers: [string, string, string][] = [
            ['mysql-server', 'apt-get', 'mysql'],
            ['default-mysql-server', 'apt', 'mysql'],
            ['mysql-server-8.0', 'apt-get', 'mysql'],
            ['mariadb-server', 'apt-get', 'mariadb'],
            ['mariadb', 'apk', 'mariadb'],
            ['mariadb-server', 'dnf', 'mariadb'],
            ['postgresql', 'apt-get', 'postgres'],
            ['postgresql-16', 'apt-get', 'postgres'],
            ['postgresql16', 'apk', 'postgres'],
            ['postgresql16-server', 'yum', 'postgres'],
            ['redis-server', 'apt-get', 'redis'],
            ['redis', 'apk', 'redis'],
            ['mongodb-org', 'apt-get', 'mongodb'],
            ['nginx-full', 'apt-get', 'nginx'],
            ['apache2', 'apt-get', 'apache'],
            ['httpd', 'microdnf', 'apache'],
            ['php8.2-fpm', 'apt-get', 'php-fpm'],
            ['php83-fpm', 'apk', 'php-fpm'],
            ['tomcat10', 'apt-get', 'tomcat'],
            ['openssh-server', 'apt-get', 'sshd'],
        ];
        for (const [pkg, manager, id] of servers) {
            assert.equal(serviceByPackage(pkg, manager)?.id, id, `${manager} ${pkg}`);
        }
        const clients: [string, string][] = [
            ['mysql-client', 'apt-get'],
            ['default-mysql-client', 'apt-get'],
            ['default-libmysqlclient-dev', 'apt-get'],
            ['libmysqlclient-dev', 'apt-get'],
            ['mariadb-client', 'apk'],
            ['mariadb', 'dnf'],
            ['mysql', 'yum'],
            ['postgresql-client', 'apt-get'],
            ['postgresql-client-16', 'apt-get'],
            ['postgresql-contrib', 'apt-get'],
            ['postgresql-server-dev-16', 'apt-get'],
            ['postgresql16-client', 'apk'],
            ['libpq-dev', 'apt-get'],
            ['redis-tools', 'apt-get'],
            ['php-mysql', 'apt-get'],
            ['php-pgsql', 'apt-get'],
            ['libapache2-mod-php', 'apt-get'],
            ['php', 'apt-get'],
            ['mongodb-mongosh', 'apt-get'],
            ['nginx', 'pip'],
            ['docker.io', 'apt-get'],
            ['docker', 'apk'],
            ['docker-ce-cli', 'apt-get'],
        ];
        for (const [pkg, manager] of clients) {
            assert.equal(serviceByPackage(pkg, manager), undefined, `${manager} ${pkg}`);
        }
    });
    it('knows init-script and program names', () => {
        assert.equal(serviceByInitName('mysql')?.id, 'mysql');
        assert.equal(serviceByInitName('apache2')?.id, 'apache');
        assert.equal(serviceByInitName('php8.2-fpm')?.id, 'php-fpm');
        assert.equal(serviceByInitName('ssh')?.id, 'sshd');
        assert.equal(serviceByProgram('mysqld_safe')?.id, 'mysql');
        assert.equal(serviceByProgram('mariadbd')?.id, 'mariadb');
        assert.equal(serviceByProgram('apache2ctl')?.id, 'apache');
        assert.equal(serviceByProgram('php-fpm8.2')?.id, 'php-fpm');
        assert.equal(serviceByProgram('mysql'), undefined);
    });
});

describe('official images', () => {
    it('parses references with registries, mirrors, tags and digests', () => {
        assert.deepEqual(canonicalReference('nginx'), {
            registry: undefined,
            repository: 'nginx',
            tag: undefined,
            digest: undefined,
        });
        assert.deepEqual(canonicalReference('docker.io/library/php:8.3-apache@sha256:abc'), {
            registry: 'docker.io',
            repository: 'php',
            tag: '8.3-apache',
            digest: 'sha256:abc',
        });
        assert.deepEqual(canonicalReference('localhost:5000/team/app:1'), {
            registry: 'localhost:5000',
            repository: 'team/app',
            tag: '1',
            digest: undefined,
        });
        assert.equal(canonicalReference('public.ecr.aws/docker/library/redis:7').repository, 'redis');
    });
    it('matches variants by tag and ignores variable repositories', () => {
        assert.deepEqual(knownImage('php:8.3-apache')?.services, ['apache']);
        assert.deepEqual(knownImage('php:8.3-fpm-alpine')?.expose, ['9000']);
        assert.equal(knownImage('php:8.3-cli'), undefined);
        assert.deepEqual(knownImage('php:${PHP_VERSION}-apache')?.services, ['apache']);
        assert.deepEqual(knownImage('wordpress')?.volumes, ['/var/www/html']);
        assert.deepEqual(knownImage('mcr.microsoft.com/mssql/server:2022-latest')?.services, ['mssql']);
        assert.equal(knownImage('${BASE}:latest'), undefined);
        assert.equal(knownImage('docker:27-cli'), undefined);
        assert.deepEqual(knownImage('docker:27-dind')?.volumes, ['/var/lib/docker']);
    });
});

describe('server commands', () => {
    it('recognises servers through wrappers, runners and interpreters', () => {
        const cases: [string, [string, string | undefined] | undefined][] = [
            ['service mysql start', ['mysql', undefined]],
            ['service mysql status', undefined],
            ['/etc/init.d/apache2 start', ['apache', undefined]],
            ['systemctl start nginx.service', ['nginx', undefined]],
            ['exec gosu postgres postgres -p 5433', ['postgres', '5433']],
            ['pg_ctl -D /data start', ['postgres', undefined]],
            ['pg_ctl status', undefined],
            ['apachectl -D FOREGROUND', ['apache', undefined]],
            ['apachectl configtest', undefined],
            ['nginx -t', undefined],
            ['bundle exec puma -b tcp://0.0.0.0:3000', ['puma', '3000']],
            ['bundle exec rails s -b 0.0.0.0', ['rails', undefined]],
            ['poetry run uvicorn app:app --port=8001', ['uvicorn', '8001']],
            ['python -u -m gunicorn -b 0.0.0.0:8002 app:app', ['gunicorn', '8002']],
            ['python -m django runserver 8004', ['django', '8004']],
            ['python -m pytest', undefined],
            ['node --require dotenv/config dist/main.js', ['node-app', undefined]],
            ['node dist/index.js', undefined],
            ['nodemon --watch src src/server.ts', ['node-app', undefined]],
            ['tsx watch src/app.ts', ['node-app', undefined]],
            ['node -e "require(\'./server\')"', undefined],
            ['yarn start', ['node-app', undefined]],
            ['npm run build', undefined],
            ['npm test', undefined],
            ['bun run start', ['node-app', undefined]],
            ['deno serve --port 8100 main.ts', ['node-app', '8100']],
            ['pm2-runtime start server.js', ['node-app', undefined]],
            ['ruby bin/rails server -p 3100', ['rails', '3100']],
            ['php artisan serve --port=8200', ['artisan', '8200']],
            ['php artisan migrate', undefined],
            ['java -cp app:app/lib/* org.springframework.boot.loader.launch.JarLauncher', ['java-app', undefined]],
            ['java -jar tool.jar', undefined],
            ['java -jar /usr/share/jenkins/jenkins.war', ['jenkins', undefined]],
            ['streamlit run app.py --server.port 8600', ['streamlit', '8600']],
            ['uwsgi --http :9100 --module app', ['uwsgi', '9100']],
        ];
        for (const [cmd, expected] of cases) {
            assert.deepEqual(started(cmd), expected, cmd);
        }
    });
    it('judges scripts by name', () => {
        for (const yes of [
            'server.js',
            'app.py',
            'src/api.ts',
            'bin/www',
            'my-app.jar',
            'app-0.0.1-SNAPSHOT.jar',
            'devserver.mjs',
            'dist/main.js',
        ]) {
            assert.ok(looksLikeServer(yes), yes);
        }
        for (const no of [
            'cli.js',
            'index.js',
            'script.py',
            'main.py',
            'build.js',
            'migrate.rb',
            'tool.jar',
            'appendix.py',
        ]) {
            assert.ok(!looksLikeServer(no), no);
        }
    });
    it('reduces addresses to their port', () => {
        assert.equal(portOf('8080'), '8080');
        assert.equal(portOf(':8080'), '8080');
        assert.equal(portOf('0.0.0.0:8080'), '8080');
        assert.equal(portOf('tcp://[::]:8080'), '8080');
        assert.equal(portOf('http://+:8080;http://+:8081'), '8080');
        assert.equal(portOf('0.0.0.0:$PORT'), '$PORT');
    });
});
