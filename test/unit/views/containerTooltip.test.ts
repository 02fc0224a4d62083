import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerTooltip, logDriverNote, mountLine, publishedPorts } from '../../../client/src/views/containerTooltip';
import { container, details } from './fixtures';

describe('published ports', () => {
    const ports = [
        { privatePort: 80, publicPort: 8080, type: 'tcp' as const, ip: '0.0.0.0' },
        { privatePort: 80, publicPort: 8080, type: 'tcp' as const, ip: '::' },
        { privatePort: 53, publicPort: 5353, type: 'udp' as const, ip: '0.0.0.0' },
        { privatePort: 9000, publicPort: 9000, type: 'tcp' as const, ip: '192.168.1.5' },
        { privatePort: 443, type: 'tcp' as const },
    ];
    it('dedupes IPv4/IPv6 bindings and links TCP ports only', () => {
        assert.deepEqual(publishedPorts(container({ ports })), [
            { hostPort: 5353, containerPort: 53, protocol: 'udp', url: undefined },
            { hostPort: 8080, containerPort: 80, protocol: 'tcp', url: 'http://localhost:8080' },
            { hostPort: 9000, containerPort: 9000, protocol: 'tcp', url: 'http://192.168.1.5:9000' },
        ]);
    });
    it('uses the remote engine host for wildcard bindings', () => {
        assert.equal(publishedPorts(container({ ports }), 'build-box')[1]!.url, 'http://build-box:8080');
    });
    it('brackets IPv6 binding addresses', () => {
        const p = publishedPorts(
            container({ ports: [{ privatePort: 80, publicPort: 81, type: 'tcp', ip: 'fd00::5' }] }),
        );
        assert.equal(p[0]!.url, 'http://[fd00::5]:81');
    });
});

describe('mount lines', () => {
    it('say bind or volume, source → destination and access', () => {
        assert.equal(
            mountLine({ type: 'bind', source: '/home/me/src', destination: '/app', rw: false }),
            'bind mount `/home/me/src` → `/app` (**read-only**)',
        );
        assert.equal(
            mountLine({
                type: 'volume',
                source: '/var/lib/docker/volumes/data/_data',
                name: 'data',
                destination: '/data',
                rw: true,
            }),
            'volume `data` → `/data` (read-write)',
        );
        assert.equal(
            mountLine({ type: 'tmpfs', source: '', destination: '/tmp', rw: true }),
            'tmpfs → `/tmp` (in memory, read-write)',
        );
    });
});

describe('log driver notes', () => {
    it('are silent for drivers docker logs reads', () => {
        assert.equal(logDriverNote({ type: 'json-file', config: {} }), undefined);
        assert.equal(logDriverNote({ type: 'local', config: {} }), undefined);
        assert.equal(logDriverNote({ type: 'journald', config: {} }), undefined);
    });
    it('explain none, remote drivers and a disabled cache', () => {
        assert.match(logDriverNote({ type: 'none', config: {} }) ?? '', /disabled/);
        assert.match(logDriverNote({ type: 'syslog', config: {} }) ?? '', /cache/);
        assert.match(logDriverNote({ type: 'gelf', config: { 'cache-disabled': 'true' } }) ?? '', /cannot read/);
    });
});

describe('container tooltip', () => {
    const d = details({
        id: 'abcdef0123456789'.repeat(4),
        name: 'web',
        ports: [
            { privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' },
            { privatePort: 443, type: 'tcp' },
        ],
        mounts: [
            { type: 'bind', source: '/srv/site', destination: '/usr/share/nginx/html', rw: false },
            {
                type: 'volume',
                source: '/var/lib/docker/volumes/cache/_data',
                name: 'cache',
                destination: '/cache',
                rw: true,
            },
        ],
        networkDetails: [{ name: 'backend', ipAddress: '172.20.0.2' }],
        health: 'unhealthy',
        healthLog: [{ exitCode: 1, output: 'curl: (7) Failed to connect\n' }],
        logConfig: { type: 'syslog', config: {} },
        composeProject: 'shop',
        composeService: 'web',
    });
    const md = containerTooltip(d);

    it('names the container with its short id', () => {
        assert.match(md, /^\*\*web\*\* `abcdef012345`/);
    });
    it('links published TCP ports to localhost and lists unpublished ones', () => {
        assert.ok(md.includes('- [http://localhost:8080](http://localhost:8080) → 80/tcp'), md);
        assert.ok(md.includes('- 443/tcp (exposed, not published)'), md);
    });
    it('lists mounts with kind, direction and access', () => {
        assert.ok(md.includes('- bind mount `/srv/site` → `/usr/share/nginx/html` (**read-only**)'), md);
        assert.ok(md.includes('- volume `cache` → `/cache` (read-write)'), md);
    });
    it('shows the log driver with its caveat, networks, health and compose', () => {
        assert.ok(md.includes('**Logging**: `syslog`'), md);
        assert.match(md, /⚠ logs go to syslog/);
        assert.ok(md.includes('- `backend` — `172.20.0.2`'), md);
        assert.ok(md.includes('**Health**: unhealthy'), md);
        assert.ok(md.includes('Last check: exit 1 — `curl: (7) Failed to connect`'), md);
        assert.ok(md.includes('Compose: project `shop` / service `web`'), md);
    });
    it('escapes Markdown in engine-controlled names', () => {
        const evil = containerTooltip(container({ name: 'x*[click](command:evil)*' }));
        assert.ok(evil.startsWith('**x\\*\\[click\\]\\(command:evil\\)\\***'), evil);
    });
    it('works from list data alone (before inspect)', () => {
        const plain = containerTooltip(container({ networks: ['bridge'] }));
        assert.ok(plain.includes('- `bridge`'));
        assert.ok(!plain.includes('**Logging**'));
    });
});
