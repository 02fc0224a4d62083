// The Run Image options, parsed and checked as `docker run` does: -p, -e, -v, --restart, --log-driver/--log-opt.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exposedPortEntries, parsePortSpec, parsePorts } from '../../../client/src/run/ports';
import {
    missingLogOptions,
    mountClash,
    mountEntry,
    parseEnv,
    parseLogOption,
    parseMount,
    parseRestart,
    readBackHint,
    restartConflict,
    validateLogDriver,
    withEnv,
} from '../../../client/src/run/runOptions';

const error = (r: object): string => (r as { error: string }).error;

describe('run: -p port mappings', () => {
    it('reads every form the CLI accepts', () => {
        assert.deepEqual(parsePortSpec('127.0.0.1:8080:80/tcp'), {
            ports: [{ containerPort: 80, hostPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1' }],
        });
        assert.deepEqual(parsePortSpec('127.0.0.1::53/UDP'), {
            ports: [{ containerPort: 53, hostPort: undefined, protocol: 'udp', hostIp: '127.0.0.1' }],
        });
        assert.deepEqual(parsePortSpec('[::1]:9000:9000/sctp'), {
            ports: [{ containerPort: 9000, hostPort: 9000, protocol: 'sctp', hostIp: '::1' }],
        });
        assert.deepEqual(parsePortSpec('8080-8081:80-81'), {
            ports: [
                { containerPort: 80, hostPort: 8080, protocol: 'tcp', hostIp: undefined },
                { containerPort: 81, hostPort: 8081, protocol: 'tcp', hostIp: undefined },
            ],
        });
        assert.deepEqual(parsePortSpec('8000-8010:80'), {
            ports: [{ containerPort: 80, hostPort: 8000, hostPortEnd: 8010, protocol: 'tcp', hostIp: undefined }],
        });
        assert.equal((parsePortSpec('3000-3002') as { ports: unknown[] }).ports.length, 3);
    });

    it('says what is wrong', () => {
        assert.match(error(parsePortSpec('80:http')), /not a port mapping/);
        assert.match(error(parsePortSpec('70000:80')), /1 to 65535/);
        assert.match(error(parsePortSpec('0:80')), /1 to 65535/);
        assert.match(error(parsePortSpec('8081-8080:80')), /1 to 65535/);
        assert.match(error(parsePortSpec('8080-8082:80-81')), /same length/);
        assert.match(error(parsePortSpec('80/icmp')), /tcp, udp or sctp/);
        assert.match(error(parsePortSpec('300.1.1.1:80:80')), /not an IP address/);
        assert.match(error(parsePorts('8080:80, 0.0.0.0:8080:81')), /8080\/tcp is used twice/);
        assert.match(error(parsePorts('127.0.0.1:8080:80 8080:81')), /used twice/, 'all interfaces include loopback');
        assert.ok('ports' in parsePorts('127.0.0.1:8080:80 127.0.0.2:8080:80 8080:80/udp'));
    });

    it('pre-fills the image EXPOSEd ports', () => {
        assert.deepEqual(exposedPortEntries(['80/tcp', '53/udp', '9/sctp', 'junk']), [
            '80:80',
            '53:53/udp',
            '9:9/sctp',
        ]);
    });
});

describe('run: -e, -v, --restart, logs', () => {
    it('environment variables are KEY=VALUE; a later key replaces an earlier one', () => {
        assert.deepEqual(parseEnv('JAVA_OPTS=-Xmx1g -Xms1g'), { value: { key: 'JAVA_OPTS', value: '-Xmx1g -Xms1g' } });
        assert.deepEqual(parseEnv('EMPTY='), { value: { key: 'EMPTY', value: '' } });
        assert.deepEqual(parseEnv('URL=a=b'), { value: { key: 'URL', value: 'a=b' } });
        assert.match(error(parseEnv('HOME')), /HOME=VALUE/);
        assert.match(error(parseEnv('=x')), /name before "=" is missing/);
        assert.match(error(parseEnv('MY KEY=x')), /no spaces/);
        assert.deepEqual(withEnv(['A=1', 'B=2'], 'A=3'), ['B=2', 'A=3']);
    });

    it('mounts: binds, named and anonymous volumes, read-only, relative and home paths', () => {
        assert.deepEqual(parseMount('/srv/site:/usr/share/nginx/html:ro'), {
            value: { type: 'bind', source: '/srv/site', target: '/usr/share/nginx/html', readOnly: true },
        });
        assert.deepEqual(parseMount('pgdata:/var/lib/postgresql/data'), {
            value: { type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data', readOnly: false },
        });
        assert.deepEqual(parseMount('/data'), { value: { type: 'volume', source: '', target: '/data' } });
        assert.deepEqual(parseMount('C:\\site:/html'), {
            value: { type: 'bind', source: 'C:\\site', target: '/html', readOnly: false },
        });
        assert.deepEqual(parseMount('./html:/html', { baseDir: '/work/app' }), {
            value: { type: 'bind', source: '/work/app/html', target: '/html', readOnly: false },
        });
        assert.deepEqual(parseMount('~/x:/x', { home: '/home/me' }), {
            value: { type: 'bind', source: '/home/me/x', target: '/x', readOnly: false },
        });
        assert.match(error(parseMount('./html:/html')), /absolute path/);
        assert.match(error(parseMount('data:relative')), /must be absolute/);
        assert.match(error(parseMount('v:/data')), /neither an absolute host path nor a volume name/);
        assert.match(error(parseMount('data:/data:z')), /ro \(read-only\) or rw/);
        assert.match(error(parseMount('data:/')), /cannot be \/ itself/);
        const a = parseMount('one:/data') as { value: never };
        const b = parseMount('/h:/data/') as { value: never };
        assert.match(mountClash([a.value, b.value]) ?? '', /Two mounts use/);
        assert.equal(mountEntry({ type: 'volume', source: 'db', target: '/d', readOnly: true }), 'db:/d:ro');
    });

    it('restart policies as the engine accepts them, and never with --rm', () => {
        assert.deepEqual(parseRestart('on-failure:5'), { value: { name: 'on-failure', maximumRetryCount: 5 } });
        assert.deepEqual(parseRestart('unless-stopped'), { value: { name: 'unless-stopped' } });
        assert.match(error(parseRestart('always:3')), /only goes with on-failure/);
        assert.match(error(parseRestart('sometimes')), /no, on-failure\[:N\], always or unless-stopped/);
        assert.match(restartConflict(true, 'always') ?? '', /exclude each other/);
        assert.equal(restartConflict(true, 'no'), undefined);
        assert.equal(restartConflict(false, 'always'), undefined);
    });

    it('log drivers: which can be read back, which options they need', () => {
        assert.match(readBackHint('json-file'), /read it back/);
        assert.match(readBackHint('none'), /Nothing is kept/);
        assert.match(readBackHint('syslog'), /dual-logging cache/);
        assert.equal(missingLogOptions('gelf', []), 'The gelf driver needs gelf-address=….');
        assert.equal(missingLogOptions('gelf', ['gelf-address=udp://127.0.0.1:12201']), undefined);
        assert.match(missingLogOptions('splunk', ['splunk-url=x']) ?? '', /splunk-token/);
        assert.deepEqual(parseLogOption('max-size=10m'), { value: { key: 'max-size', value: '10m' } });
        assert.ok('error' in parseLogOption('max-size'));
        assert.equal(validateLogDriver('myplugin/driver:latest'), undefined);
        assert.ok(validateLogDriver('no spaces'));
    });
});
