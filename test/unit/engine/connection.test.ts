import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
    contextDirName,
    currentContextName,
    parseHost,
    resolveConnection,
    type ConnectionInputs,
} from '../../../client/src/engine/connection';
import { EngineError } from '../../../client/src/engine/types';

const HOME = '/home/ann';

/** Inputs over an in-memory file system. */
function inputs(over: Partial<ConnectionInputs> & { files?: Record<string, string> } = {}): ConnectionInputs {
    const files = over.files ?? {};
    return {
        hostSetting: over.hostSetting,
        env: over.env ?? {},
        platform: over.platform ?? 'linux',
        homedir: HOME,
        readFile: (f) => files[f],
        exists: (f) => f in files,
    };
}

function context(name: string, host: string, opts: { skipTLSVerify?: boolean; tls?: boolean; config?: string } = {}) {
    const cfg = opts.config ?? path.join(HOME, '.docker');
    const dir = contextDirName(name);
    const files: Record<string, string> = {
        [path.join(cfg, 'contexts', 'meta', dir, 'meta.json')]: JSON.stringify({
            Name: name,
            Metadata: {},
            Endpoints: { docker: { Host: host, SkipTLSVerify: opts.skipTLSVerify ?? false } },
        }),
    };
    if (opts.tls) {
        for (const f of ['ca.pem', 'cert.pem', 'key.pem']) {
            files[path.join(cfg, 'contexts', 'tls', dir, 'docker', f)] = 'PEM';
        }
    }
    return files;
}

function assertEngineError(fn: () => unknown, cause: string, pattern: RegExp): EngineError {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof EngineError, `expected EngineError, got ${String(e)}`);
        assert.equal(e.cause, cause);
        assert.match(`${e.message} ${e.fix ?? ''}`, pattern);
        return e;
    }
    assert.fail('expected an EngineError');
}

describe('engine connection: parseHost', () => {
    const env = { env: { USER: 'ann' }, platform: 'linux' as const };
    it('parses unix, npipe, tcp, http(s), ssh and bare paths', () => {
        assert.deepEqual(parseHost('unix:///var/run/docker.sock', 'setting', env), {
            source: 'setting',
            host: 'unix:///var/run/docker.sock',
            scheme: 'unix',
            socketPath: '/var/run/docker.sock',
            description: 'unix:///var/run/docker.sock',
        });
        assert.equal(
            parseHost('/run/user/1000/podman/podman.sock', 'setting', env).socketPath,
            '/run/user/1000/podman/podman.sock',
        );
        assert.equal(parseHost('npipe:////./pipe/docker_engine', 'env', env).socketPath, '//./pipe/docker_engine');
        const tcp = parseHost('tcp://10.1.2.3:2375', 'env', env);
        assert.deepEqual([tcp.scheme, tcp.hostname, tcp.port, tcp.tls], ['tcp', '10.1.2.3', 2375, undefined]);
        assert.equal(parseHost('tcp://docker.example', 'env', env).port, 2375);
        const https = parseHost('https://docker.example', 'env', env);
        assert.deepEqual([https.port, https.tls], [2376, { verify: true }]);
        assert.equal(parseHost('tcp://[::1]:2375', 'env', env).hostname, '::1');
        assert.equal(parseHost('localhost:2375', 'setting', env).scheme, 'tcp');
        const ssh = parseHost('ssh://bob@build.example:2222', 'setting', env);
        assert.deepEqual([ssh.scheme, ssh.username, ssh.hostname, ssh.port], ['ssh', 'bob', 'build.example', 2222]);
        const sshDefault = parseHost('ssh://build.example', 'setting', env);
        assert.deepEqual([sshDefault.username, sshDefault.port], ['ann', 22]);
    });

    it('rejects bad values with a fix naming the setting and the accepted forms', () => {
        for (const bad of [
            'docker.sock',
            'unix://relative.sock',
            'tcp://',
            'fd://',
            'ftp://x',
            'tcp://host:2375/path',
            'npipe://',
        ]) {
            assertEngineError(
                () => parseHost(bad, 'setting', env),
                'invalidHost',
                /dockwise\.docker\.host` must look like unix:\/\/\/path.*tcp:\/\/host:port.*ssh:\/\/user@host/,
            );
        }
        assertEngineError(() => parseHost('bogus', 'env', env), 'invalidHost', /DOCKER_HOST/);
    });
});

describe('engine connection: resolveConnection', () => {
    it('prefers the setting, then DOCKER_HOST, then the context, then the default', () => {
        const files = {
            ...context('remote', 'tcp://192.0.2.10:2375'),
            [path.join(HOME, '.docker', 'config.json')]: JSON.stringify({ currentContext: 'remote' }),
        };
        const env = { DOCKER_HOST: 'unix:///env.sock' };
        assert.equal(resolveConnection(inputs({ hostSetting: 'unix:///set.sock', env, files })).source, 'setting');
        assert.equal(resolveConnection(inputs({ hostSetting: '  ', env, files })).source, 'env');
        const ctx = resolveConnection(inputs({ files }));
        assert.deepEqual([ctx.source, ctx.contextName, ctx.hostname], ['context', 'remote', '192.0.2.10']);
        assert.match(ctx.description, /context "remote"/);
        const def = resolveConnection(inputs());
        assert.deepEqual([def.source, def.host], ['default', 'unix:///var/run/docker.sock']);
    });

    it('DOCKER_CONTEXT wins over config.json, and "default" means the platform default', () => {
        const files = {
            ...context('a', 'unix:///a.sock'),
            ...context('b', 'unix:///b.sock'),
            [path.join(HOME, '.docker', 'config.json')]: JSON.stringify({ currentContext: 'a' }),
        };
        assert.equal(resolveConnection(inputs({ files, env: { DOCKER_CONTEXT: 'b' } })).socketPath, '/b.sock');
        assert.equal(resolveConnection(inputs({ files, env: { DOCKER_CONTEXT: 'default' } })).source, 'default');
        assert.equal(currentContextName(inputs({ files })), 'a');
    });

    it('reads contexts from $DOCKER_CONFIG with their TLS material and SkipTLSVerify', () => {
        const cfg = '/etc/dockercfg';
        const files = {
            ...context('secure', 'tcp://192.0.2.20:2376', { tls: true, config: cfg }),
            ...context('lax', 'tcp://192.0.2.21:2376', { tls: true, skipTLSVerify: true, config: cfg }),
        };
        const secure = resolveConnection(inputs({ files, env: { DOCKER_CONFIG: cfg, DOCKER_CONTEXT: 'secure' } }));
        const tlsDir = path.join(cfg, 'contexts', 'tls', contextDirName('secure'), 'docker');
        assert.deepEqual(secure.tls, {
            verify: true,
            caPath: path.join(tlsDir, 'ca.pem'),
            certPath: path.join(tlsDir, 'cert.pem'),
            keyPath: path.join(tlsDir, 'key.pem'),
        });
        const lax = resolveConnection(inputs({ files, env: { DOCKER_CONFIG: cfg, DOCKER_CONTEXT: 'lax' } }));
        assert.equal(lax.tls?.verify, false);
        assert.match(lax.description, /unverified/);
    });

    it('names a missing context and how to fix it', () => {
        assertEngineError(
            () => resolveConnection(inputs({ env: { DOCKER_CONTEXT: 'gone' } })),
            'invalidHost',
            /context "gone".*DOCKER_CONTEXT.*docker context use/s,
        );
    });

    it('ignores an unreadable config.json (the default still works)', () => {
        const files = { [path.join(HOME, '.docker', 'config.json')]: '{not json' };
        assert.equal(resolveConnection(inputs({ files })).source, 'default');
    });

    it('applies DOCKER_TLS_VERIFY and DOCKER_CERT_PATH to tcp hosts (setting or env)', () => {
        const files = { '/certs/ca.pem': '', '/certs/cert.pem': '', '/certs/key.pem': '' };
        const env = { DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' };
        const c = resolveConnection(inputs({ env, files }));
        assert.deepEqual(c.tls, {
            verify: true,
            caPath: '/certs/ca.pem',
            certPath: '/certs/cert.pem',
            keyPath: '/certs/key.pem',
        });
        const fromSetting = resolveConnection(inputs({ hostSetting: 'tcp://127.0.0.1:2376', env, files }));
        assert.equal(fromSetting.tls?.verify, true);
        // Without a cert path, ~/.docker is used, like the docker CLI.
        assertEngineError(
            () => resolveConnection(inputs({ env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' } })),
            'tlsFailure',
            /\.docker\/ca\.pem.*DOCKER_CERT_PATH/s,
        );
        assert.equal(
            resolveConnection(inputs({ env: { DOCKER_HOST: 'tcp://h:2375', DOCKER_TLS_VERIFY: '' } })).tls,
            undefined,
        );
        assert.equal(
            resolveConnection(inputs({ env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS: '1' } })).tls?.verify,
            false,
        );
    });

    it('finds Docker Desktop, rootless and Podman sockets when the system socket is absent', () => {
        const xdg = '/run/user/1000';
        const podman = resolveConnection(
            inputs({ env: { XDG_RUNTIME_DIR: xdg }, files: { [`${xdg}/podman/podman.sock`]: '' } }),
        );
        assert.equal(podman.host, 'unix:///run/user/1000/podman/podman.sock');
        const desktop = resolveConnection(inputs({ files: { [`${HOME}/.docker/run/docker.sock`]: '' } }));
        assert.equal(desktop.socketPath, `${HOME}/.docker/run/docker.sock`);
        const both = resolveConnection(
            inputs({
                env: { XDG_RUNTIME_DIR: xdg },
                files: { '/var/run/docker.sock': '', [`${xdg}/podman/podman.sock`]: '' },
            }),
        );
        assert.equal(both.socketPath, '/var/run/docker.sock');
    });

    it('uses the named pipe on Windows', () => {
        const c = resolveConnection(inputs({ platform: 'win32' }));
        assert.deepEqual([c.scheme, c.socketPath], ['npipe', '//./pipe/docker_engine']);
    });
});
