import { canonicalReference } from '../../shared/imageReference';

/**
 * Well-known server images and what their own Dockerfiles already declare. A Dockerfile that
 * builds on one of them inherits its EXPOSE and VOLUME, so the port and volume rules stay quiet.
 */

export interface KnownImage {
    /** Repository without registry or `library/` (`nginx`, `bitnami/postgresql`), or with its registry when not on Docker Hub. */
    name: string;
    /** Only tags that match (`php:8.3-apache`); the first matching entry wins. */
    tag?: RegExp;
    /** Catalog ids of the services the image runs (see services.ts). */
    services: readonly string[];
    /** Ports its Dockerfile EXPOSEs. */
    expose: readonly string[];
    /** Directories its Dockerfile declares as VOLUME. */
    volumes: readonly string[];
}

function img(name: string, services: string[], expose: string[], volumes: string[] = [], tag?: RegExp): KnownImage {
    return { name, services, expose, volumes, tag };
}

const MYSQL_DATA = ['/var/lib/mysql'];
const PG_DATA = ['/var/lib/postgresql/data', '/var/lib/postgresql'];
const WEB_ROOT = ['/var/www/html'];

export const KNOWN_IMAGES: readonly KnownImage[] = [
    // Web and application servers
    img('nginx', ['nginx'], ['80']),
    img('nginxinc/nginx-unprivileged', ['nginx'], ['8080']),
    img('bitnami/nginx', ['nginx'], ['8080', '8443']),
    img('openresty/openresty', ['nginx'], ['80']),
    img('httpd', ['apache'], ['80']),
    img('bitnami/apache', ['apache'], ['8080', '8443']),
    img('php', ['apache'], ['80'], [], /apache/),
    img('php', ['php-fpm'], ['9000'], [], /fpm/),
    img('wordpress', [], [], WEB_ROOT, /cli/),
    img('wordpress', ['php-fpm'], ['9000'], WEB_ROOT, /fpm/),
    img('wordpress', ['apache'], ['80'], WEB_ROOT),
    img('drupal', ['php-fpm'], ['9000'], [], /fpm/),
    img('drupal', ['apache'], ['80']),
    img('joomla', ['php-fpm'], ['9000'], WEB_ROOT, /fpm/),
    img('joomla', ['apache'], ['80'], WEB_ROOT),
    img('nextcloud', ['php-fpm'], ['9000'], WEB_ROOT, /fpm/),
    img('nextcloud', ['apache'], ['80'], WEB_ROOT),
    img('matomo', ['php-fpm'], ['9000'], WEB_ROOT, /fpm/),
    img('matomo', ['apache'], ['80'], WEB_ROOT),
    img('mediawiki', ['php-fpm'], ['9000'], [], /fpm/),
    img('mediawiki', ['apache'], ['80']),
    img('phpmyadmin', ['php-fpm'], ['9000'], [], /fpm/),
    img('phpmyadmin', ['apache'], ['80']),
    img('tomcat', ['tomcat'], ['8080']),
    img('jetty', ['java-app'], ['8080']),
    img('caddy', ['caddy'], ['80', '443', '443/udp', '2019'], ['/data', '/config']),
    img('traefik', ['traefik'], ['80']),
    img('varnish', ['varnish'], ['80', '8443']),
    img('ghost', ['node-app'], ['2368'], ['/var/lib/ghost/content']),
    img('odoo', ['python-app'], ['8069', '8071', '8072'], ['/var/lib/odoo', '/mnt/extra-addons']),
    img('jenkins/jenkins', ['jenkins'], ['8080', '50000'], ['/var/jenkins_home']),
    img('grafana/grafana', ['grafana'], ['3000'], ['/var/lib/grafana']),
    img('prom/prometheus', ['prometheus'], ['9090'], ['/prometheus']),
    img('registry', [], ['5000'], ['/var/lib/registry']),
    img('minio/minio', [], ['9000'], ['/data']),
    // Databases, caches, brokers, search
    img('mysql', ['mysql'], ['3306', '33060'], MYSQL_DATA),
    img('percona', ['mysql'], ['3306'], MYSQL_DATA),
    img('percona/percona-server', ['mysql'], ['3306', '33060'], MYSQL_DATA),
    img('bitnami/mysql', ['mysql'], ['3306'], ['/bitnami/mysql/data']),
    img('mariadb', ['mariadb'], ['3306'], MYSQL_DATA),
    img('bitnami/mariadb', ['mariadb'], ['3306'], ['/bitnami/mariadb']),
    img('postgres', ['postgres'], ['5432'], PG_DATA),
    img('postgis/postgis', ['postgres'], ['5432'], PG_DATA),
    img('timescale/timescaledb', ['postgres'], ['5432'], PG_DATA),
    img('pgvector/pgvector', ['postgres'], ['5432'], PG_DATA),
    img('bitnami/postgresql', ['postgres'], ['5432'], ['/bitnami/postgresql']),
    img('mongo', ['mongodb'], ['27017'], ['/data/db', '/data/configdb']),
    img('mongodb/mongodb-community-server', ['mongodb'], ['27017'], ['/data/db', '/data/configdb']),
    img('bitnami/mongodb', ['mongodb'], ['27017'], ['/bitnami/mongodb']),
    img('mcr.microsoft.com/mssql/server', ['mssql'], ['1433']),
    img('cassandra', ['cassandra'], ['7000', '7001', '7199', '9042', '9160'], ['/var/lib/cassandra']),
    img('couchdb', ['couchdb'], ['4369', '5984', '9100'], ['/opt/couchdb/data']),
    img('influxdb', ['influxdb'], ['8086'], ['/var/lib/influxdb2', '/var/lib/influxdb']),
    img('neo4j', ['neo4j'], ['7473', '7474', '7687'], ['/data', '/logs']),
    img('clickhouse/clickhouse-server', ['clickhouse'], ['8123', '9000', '9009'], ['/var/lib/clickhouse']),
    img('redis', ['redis'], ['6379'], ['/data']),
    img('redis/redis-stack-server', ['redis'], ['6379'], ['/data']),
    img('redis/redis-stack', ['redis'], ['6379', '8001'], ['/data']),
    img('bitnami/redis', ['redis'], ['6379'], ['/bitnami/redis/data']),
    img('valkey/valkey', ['valkey'], ['6379'], ['/data']),
    img('memcached', ['memcached'], ['11211']),
    img('rabbitmq', ['rabbitmq'], ['4369', '5671', '5672', '15691', '15692', '25672'], ['/var/lib/rabbitmq']),
    img('eclipse-mosquitto', ['mosquitto'], ['1883'], ['/mosquitto/data', '/mosquitto/log']),
    img('nats', ['nats'], ['4222', '6222', '8222']),
    img('zookeeper', ['zookeeper'], ['2181', '2888', '3888', '8080'], ['/data', '/datalog']),
    img('elasticsearch', ['elasticsearch'], ['9200', '9300']),
    img('docker.elastic.co/elasticsearch/elasticsearch', ['elasticsearch'], ['9200', '9300']),
    img('opensearchproject/opensearch', ['opensearch'], ['9200', '9300', '9600', '9650']),
    img('docker', ['dockerd'], ['2375', '2376'], ['/var/lib/docker'], /dind/),
];

/** The known image a FROM reference names, if any; unknown images and variable repositories give undefined. */
export function knownImage(ref: string): KnownImage | undefined {
    const { registry, repository, tag } = canonicalReference(ref);
    // `php:${PHP_VERSION}-apache` is still php's Apache variant; `${BASE}` could be anything.
    if (repository.includes('$') || registry?.includes('$')) {
        return undefined;
    }
    const full = registry ? `${registry}/${repository}` : repository;
    return KNOWN_IMAGES.find(
        (k) => (k.name === full || k.name === repository) && (!k.tag || k.tag.test(tag ?? 'latest')),
    );
}
