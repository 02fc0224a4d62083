import {
    baseImage,
    commandServices,
    imageServices,
    packageServices,
    type ServiceEvidence,
} from '../knowledge/finalImage';
import { isDataService, isWebService, kindLabel } from '../knowledge/services';
import type { Finding, Rule } from '../types';

function before(a: ServiceEvidence, b: ServiceEvidence): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function describe(e: ServiceEvidence): string {
    const how = e.source === 'image' ? 'base image' : e.source === 'package' ? 'package' : 'command';
    return `${e.service.label} (${kindLabel(e.service.kind)}, from the ${how} \`${e.text}\`)`;
}

export const databaseAndWebServer: Rule = {
    id: 'database-and-web-server',
    title: 'Keep the database and the web server in separate containers',
    category: 'one-process',
    defaultSeverity: 'warning',
    docs: {
        why: 'A database (or cache, broker, search engine) and a web or application server in one image cannot be scaled, upgraded or restarted separately, and the database’s data ends up tied to the web container’s life. Run each from its own image, usually the official one, and connect them over a network.',
        bad: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends apache2 php libapache2-mod-php php-mysql mysql-server\n',
        good: '# The web tier only. The database runs as its own container: docker run -d --network app mysql:8.4\nFROM php:8.3-apache\nRUN docker-php-ext-install mysqli\nCOPY src/ /var/www/html/\n',
        notes: 'Looks at the final image only: its base image (`FROM mysql`, `FROM php:*-apache`, `FROM wordpress`), the server packages it installs (apt-get, apk, yum, dnf, microdnf, zypper, pacman) and what CMD/ENTRYPOINT start. Client libraries and drivers (`mysql-client`, `libpq-dev`, `php-mysql`, `postgresql-client`, `redis-tools`) are not servers and are not counted. A database installed in a build stage (for example to run tests) does not count either.',
    },
    equivalents: {},
    check({ model }) {
        const base = baseImage(model);
        const later = [...packageServices(model), ...commandServices(model, { baseImage: base?.ref })].sort(before);
        const evidence = [...imageServices(base), ...later];
        const data = evidence.filter((e) => isDataService(e.service));
        const web = evidence.filter((e) => isWebService(e.service));
        const firstData = data[0];
        const firstWeb = web[0];
        if (!firstData || !firstWeb) {
            return [];
        }
        // The group that appears second is what makes the image two services: report each of its services once.
        const dataFirst = evidence.indexOf(firstData) < evidence.indexOf(firstWeb);
        const anchor = dataFirst ? firstData : firstWeb;
        const flagged = dataFirst ? web : data;
        const findings: Finding[] = [];
        const seen = new Set<string>();
        for (const e of flagged) {
            if (seen.has(e.service.id) || e.source === 'image') {
                continue;
            }
            seen.add(e.service.id);
            const [db, server] = dataFirst ? [anchor, e] : [e, anchor];
            findings.push({
                range: e.range,
                message: `This image holds both ${describe(db)} and ${describe(server)}. Run the ${kindLabel(db.service.kind)} in its own container (for example from the official \`${officialFor(db)}\` image) and connect the two over a network (a user-defined network or Docker Compose).`,
            });
        }
        return findings;
    },
};

const OFFICIAL: Record<string, string> = {
    mysql: 'mysql',
    mariadb: 'mariadb',
    postgres: 'postgres',
    mongodb: 'mongo',
    redis: 'redis',
    valkey: 'valkey/valkey',
    memcached: 'memcached',
    rabbitmq: 'rabbitmq',
    elasticsearch: 'elasticsearch',
    cassandra: 'cassandra',
    couchdb: 'couchdb',
    influxdb: 'influxdb',
    neo4j: 'neo4j',
    mssql: 'mcr.microsoft.com/mssql/server',
};

function officialFor(e: ServiceEvidence): string {
    return OFFICIAL[e.service.id] ?? e.service.id;
}
