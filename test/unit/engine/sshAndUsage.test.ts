import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import * as http from 'node:http';
import { describe, it } from 'node:test';
import { toContainerInfo } from '../../../client/src/engine/mappers';
import { modemOptionsFor, sshOptionsFor } from '../../../client/src/engine/modemOptions';
import { toNetworkInfo } from '../../../client/src/engine/resourceMappers';
import { hostFieldMatches, knownHostsVerifier } from '../../../client/src/engine/ssh';
import type { ResolvedConnection } from '../../../client/src/engine/types';
import {
    containersUsingImage,
    containersUsingVolume,
    inUseError,
    namesForIds,
    withImageUsage,
    withNetworkMembers,
} from '../../../client/src/engine/usage';
import { fixture } from './fixtures';

const ssh: ResolvedConnection = {
    source: 'setting',
    host: 'ssh://ann@build.example:2222',
    scheme: 'ssh',
    hostname: 'build.example',
    port: 2222,
    username: 'ann',
    description: '',
};
const KEY = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyBlobForTests0123456789abcdef', 'base64');
const OTHER = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyBlobForTests0123456789abcd', 'base64');

describe('engine ssh: known_hosts', () => {
    it('matches plain, bracketed-port, wildcard, negated and hashed host fields', () => {
        assert.ok(hostFieldMatches('build.example,10.0.0.1', ['build.example']));
        assert.ok(hostFieldMatches('[build.example]:2222', ['[build.example]:2222']));
        assert.ok(!hostFieldMatches('build.example', ['[build.example]:2222']));
        assert.ok(hostFieldMatches('*.example', ['build.example']));
        assert.ok(!hostFieldMatches('*.example,!build.example', ['build.example']));
        const salt = Buffer.from('0123456789abcdef0123');
        const hash = createHmac('sha1', salt).update('[build.example]:2222').digest('base64');
        assert.ok(hostFieldMatches(`|1|${salt.toString('base64')}|${hash}`, ['[build.example]:2222']));
        assert.ok(!hostFieldMatches(`|1|${salt.toString('base64')}|${hash}`, ['other']));
    });

    it('accepts only the recorded key, and never a revoked one', () => {
        const known = [
            '# comment',
            `[build.example]:2222 ssh-ed25519 ${KEY.toString('base64')}`,
            `other.example ssh-ed25519 ${OTHER.toString('base64')}`,
        ].join('\n');
        const verify = knownHostsVerifier(known, 'build.example', 2222);
        assert.equal(verify(KEY), true);
        assert.equal(verify(OTHER), false);
        assert.equal(knownHostsVerifier(known, 'unknown.example', 22)(KEY), false);
        const revoked = `${known}\n@revoked [build.example]:2222 ssh-ed25519 ${KEY.toString('base64')}`;
        assert.equal(knownHostsVerifier(revoked, 'build.example', 2222)(KEY), false);
    });
});

describe('engine modem options', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });

    it('ssh: agent from SSH_AUTH_SOCK, a host key check, HTTP over one pooled ssh connection', () => {
        const s = sshOptionsFor(ssh, { SSH_AUTH_SOCK: '/tmp/agent.sock' }, '/nonexistent-home');
        assert.equal(s.agent, '/tmp/agent.sock');
        assert.equal(s.privateKey, undefined);
        assert.equal(typeof s.hostVerifier, 'function');
        const o = modemOptionsFor(ssh, { SSH_AUTH_SOCK: '/tmp/agent.sock', HOME: '/nonexistent-home' });
        assert.equal(o.protocol, 'http');
        assert.ok(o.agent instanceof http.Agent);
        assert.equal(o.socketPath, undefined, 'explicitly unset so docker-modem env defaults cannot leak in');
        (o.agent as http.Agent).destroy();
    });

    it('ssh without an agent: the first unencrypted default key', () => {
        const files: Record<string, Buffer> = {
            '/h/.ssh/id_ed25519': Buffer.from(
                '-----BEGIN OPENSSH PRIVATE KEY-----\nENCRYPTED\n-----END OPENSSH PRIVATE KEY-----\n',
            ),
            '/h/.ssh/id_rsa': Buffer.from(pem),
            '/h/.ssh/known_hosts': Buffer.from(`[build.example]:2222 ssh-ed25519 ${KEY.toString('base64')}\n`),
        };
        const s = sshOptionsFor(ssh, {}, '/h', (f) => files[f]);
        assert.equal(s.agent, process.platform === 'win32' ? '\\\\.\\pipe\\openssh-ssh-agent' : undefined);
        assert.equal(String(s.privateKey), pem);
        assert.equal((s.hostVerifier as (k: Buffer) => boolean)(KEY), true);
    });

    it('unix and tcp', () => {
        const unix = modemOptionsFor(
            { source: 'default', host: 'unix:///s', scheme: 'unix', socketPath: '/s', description: '' },
            {},
        );
        assert.deepEqual([unix.socketPath, unix.host, unix.protocol], ['/s', undefined, undefined]);
        const tcp = modemOptionsFor(
            { source: 'env', host: 'tcp://h:2375', scheme: 'tcp', hostname: 'h', port: 2375, description: '' },
            {},
        );
        assert.deepEqual([tcp.protocol, tcp.host, tcp.port, tcp.socketPath], ['http', 'h', 2375, undefined]);
    });

    it('tcp with TLS: unreadable material is a tlsFailure naming the file', () => {
        const conn: ResolvedConnection = {
            source: 'env',
            host: 'tcp://h:2376',
            scheme: 'tcp',
            hostname: 'h',
            port: 2376,
            tls: { verify: true, caPath: '/nonexistent/ca.pem' },
            description: '',
        };
        assert.throws(
            () => modemOptionsFor(conn, {}),
            (e: Error & { cause?: unknown }) => e.cause === 'tlsFailure' && /\/nonexistent\/ca\.pem/.test(e.message),
        );
    });
});

describe('engine usage: who uses what', () => {
    const containers = fixture<unknown[]>('containers-list.json').map(toContainerInfo);

    it('finds the containers mounting a volume, and names them in the refusal', () => {
        const users = containersUsingVolume(containers, 'dockwise-capture-data');
        assert.deepEqual(
            users.map((c) => c.name),
            ['dockwise-capture-web'],
        );
        const e = inUseError('Volume dockwise-capture-data', users, 'Remove those containers first.');
        assert.equal(e.cause, 'inUse');
        assert.deepEqual(e.details.usedBy, ['dockwise-capture-web']);
        assert.match(e.message, /used by container dockwise-capture-web \(running\)/);
        assert.deepEqual(containersUsingVolume(containers, 'other'), []);
    });

    it('counts containers per image and finds them', () => {
        const imageId = containers[0]?.imageId ?? '';
        assert.equal(containersUsingImage(containers, imageId.replace('sha256:', '')).length, containers.length);
        const [img] = withImageUsage(
            [{ id: imageId, repoTags: [], repoDigests: [], size: 0, created: 0, dangling: true, labels: {} }],
            containers,
        );
        assert.equal(img?.containers, containers.length);
    });

    it('fills network members from the containers', () => {
        const nets = fixture<unknown[]>('networks-list.json').map(toNetworkInfo);
        const host = withNetworkMembers(nets, containers).find((n) => n.name === 'host');
        assert.deepEqual(
            host?.containers.map((c) => c.name),
            ['dockwise-capture-hostnet'],
        );
    });

    it('replaces ids by names', () => {
        const web = containers.find((c) => c.name === 'dockwise-capture-web');
        assert.deepEqual(namesForIds([web?.id.slice(0, 12) ?? '', 'deadbeef'], containers), [
            'dockwise-capture-web',
            'deadbeef',
        ]);
    });
});
