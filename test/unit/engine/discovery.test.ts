// Discovery over a real, temporary DOCKER_CONFIG folder shaped like the Docker CLI writes it, and the atomic
// currentContext write.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { contextDirName } from '../../../client/src/engine/connection';
import { discoverEngines, nodeDiscoveryInputs, type UserEngineSetting } from '../../../client/src/engine/discovery';
import { DockerConfigError, setCurrentContext } from '../../../client/src/engine/dockerConfigFile';
import { watchDockerConfig } from '../../../client/src/engine/dockerConfigWatch';

let tmp: string;
let cfg: string;

/** What `docker context create NAME --docker host=HOST[,ca=…,cert=…,key=…]` leaves on disk. */
function createContext(name: string, host: string, opts: { tls?: boolean; skipTLSVerify?: boolean } = {}): void {
    const dir = path.join(cfg, 'contexts', 'meta', contextDirName(name));
    fs.mkdirSync(dir, { recursive: true });
    const meta = {
        Name: name,
        Metadata: { Description: `the ${name} engine` },
        Endpoints: { docker: { Host: host, SkipTLSVerify: opts.skipTLSVerify ?? false } },
    };
    fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta));
    if (opts.tls) {
        const tls = path.join(cfg, 'contexts', 'tls', contextDirName(name), 'docker');
        fs.mkdirSync(tls, { recursive: true });
        for (const f of ['ca.pem', 'cert.pem', 'key.pem']) {
            fs.writeFileSync(path.join(tls, f), '-----BEGIN CERTIFICATE-----\n');
        }
    }
}

function discover(env: Record<string, string> = {}, user?: UserEngineSetting[]) {
    return discoverEngines(nodeDiscoveryInputs(user, { DOCKER_CONFIG: cfg, USER: 'ann', ...env }));
}

beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-discovery-'));
    cfg = path.join(tmp, 'docker-config');
    fs.mkdirSync(cfg);
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('engine discovery', () => {
    it('lists default and every context, marks the current one, reads context TLS material', () => {
        createContext('lab', 'tcp://127.0.0.1:2376', { tls: true });
        createContext('build-host', 'ssh://builder@127.0.0.1:2222');
        createContext('insecure', 'tcp://127.0.0.1:2377', { tls: true, skipTLSVerify: true });
        fs.writeFileSync(path.join(cfg, 'config.json'), JSON.stringify({ auths: {}, currentContext: 'lab' }));
        const { engines, problems } = discover();
        assert.deepEqual(problems, []);
        const contexts = engines.filter((e) => e.origin === 'context');
        assert.deepEqual(contexts.map((e) => e.name).sort(), ['build-host', 'default', 'insecure', 'lab']);
        assert.equal(contexts[0]?.name, 'default');
        assert.deepEqual(
            engines.filter((e) => e.cliCurrent).map((e) => e.id),
            ['context:lab'],
        );
        const lab = engines.find((e) => e.id === 'context:lab')!;
        assert.equal(lab.connection.scheme, 'tcp');
        assert.equal(lab.connection.port, 2376);
        assert.equal(lab.connection.tls?.verify, true);
        assert.equal(
            lab.connection.tls?.caPath,
            path.join(cfg, 'contexts', 'tls', contextDirName('lab'), 'docker', 'ca.pem'),
        );
        assert.equal(engines.find((e) => e.name === 'insecure')?.connection.tls?.verify, false);
        const ssh = engines.find((e) => e.name === 'build-host')!.connection;
        assert.deepEqual([ssh.scheme, ssh.username, ssh.hostname, ssh.port], ['ssh', 'builder', '127.0.0.1', 2222]);
    });

    it('DOCKER_CONTEXT wins over config.json for "current"; no config.json means default', () => {
        createContext('lab', 'tcp://127.0.0.1:2376');
        assert.equal(discover().engines.find((e) => e.cliCurrent)?.id, 'context:default');
        assert.equal(discover({ DOCKER_CONTEXT: 'lab' }).engines.find((e) => e.cliCurrent)?.id, 'context:lab');
    });

    it('a broken meta.json costs that context only, and says so', () => {
        createContext('good', 'unix:///run/good.sock');
        const bad = path.join(cfg, 'contexts', 'meta', contextDirName('bad'));
        fs.mkdirSync(bad, { recursive: true });
        fs.writeFileSync(path.join(bad, 'meta.json'), '{"Name": "bad", ');
        createContext('nohost', '');
        const { engines, problems } = discover();
        assert.ok(engines.some((e) => e.name === 'good'));
        assert.ok(!engines.some((e) => e.name === 'bad' || e.name === 'nohost'));
        assert.equal(problems.length, 2, problems.join('\n'));
        assert.match(problems.join('\n'), /not valid JSON/);
        assert.match(problems.join('\n'), /nohost.*no Docker endpoint/);
    });

    it('lists DOCKER_HOST and Podman sockets where Podman puts them', () => {
        const xdg = path.join(tmp, 'xdg');
        fs.mkdirSync(path.join(xdg, 'podman'), { recursive: true });
        fs.writeFileSync(path.join(xdg, 'podman', 'podman.sock'), '');
        const { engines } = discover({ DOCKER_HOST: 'tcp://127.0.0.1:2375', XDG_RUNTIME_DIR: xdg });
        const env = engines.find((e) => e.id === 'env');
        assert.equal(env?.connection.host, 'tcp://127.0.0.1:2375');
        const podman = engines.find((e) => e.origin === 'podman' && e.connection.socketPath?.startsWith(xdg));
        assert.equal(podman?.name, 'Podman (rootless)');
        assert.equal(podman?.connection.host, `unix://${path.join(xdg, 'podman', 'podman.sock')}`);
    });

    it('a Podman socket a context already points at is listed once', () => {
        const xdg = path.join(tmp, 'xdg');
        const sock = path.join(xdg, 'podman', 'podman.sock');
        fs.mkdirSync(path.dirname(sock), { recursive: true });
        fs.writeFileSync(sock, '');
        createContext('podman', `unix://${sock}`);
        const { engines } = discover({ XDG_RUNTIME_DIR: xdg });
        assert.deepEqual(
            engines.filter((e) => e.connection.socketPath === sock).map((e) => e.id),
            ['context:podman'],
        );
    });

    it('reads user engines with TLS and ssh options; rejects bad ones with a reason', () => {
        const certs = path.join(tmp, 'certs');
        fs.mkdirSync(certs);
        for (const f of ['ca.pem', 'cert.pem', 'key.pem']) {
            fs.writeFileSync(path.join(certs, f), 'PEM');
        }
        const { engines, problems } = discover({}, [
            { name: 'lab', host: 'tcp://127.0.0.1:2376', tlsCertPath: certs },
            { name: 'builder', host: 'ssh://me@127.0.0.1', sshIdentityFile: '/keys/id_builder' },
            { name: 'lab', host: 'tcp://127.0.0.1:1' },
            { name: 'broken', host: 'ftp://x' },
            { host: 'tcp://127.0.0.1:2' },
            { name: 'nocert', host: 'tcp://127.0.0.1:3', tlsCertPath: path.join(tmp, 'none') },
        ]);
        const lab = engines.find((e) => e.id === 'user:lab')!.connection;
        assert.deepEqual(lab.tls, {
            verify: true,
            caPath: path.join(certs, 'ca.pem'),
            certPath: path.join(certs, 'cert.pem'),
            keyPath: path.join(certs, 'key.pem'),
        });
        assert.equal(engines.find((e) => e.id === 'user:builder')?.connection.identityFile, '/keys/id_builder');
        assert.equal(problems.length, 4, problems.join('\n'));
        assert.match(problems[0]!, /dockwise\.engines\[2\].*used twice/);
        assert.match(problems[1]!, /dockwise\.engines\[3\].*unsupported scheme/);
        assert.match(problems[2]!, /needs a "name" and a "host"/);
        assert.match(problems[3]!, /no ca\.pem/);
    });
});

describe('Make the default for the Docker CLI: currentContext written atomically', () => {
    const configFile = () => path.join(cfg, 'config.json');

    it('keeps every other key and the file mode, removes the key for "default"', () => {
        createContext('lab', 'tcp://127.0.0.1:2376');
        const before = { auths: { 'registry.example': { auth: 'YTpi' } }, credsStore: 'pass', psFormat: 'table' };
        fs.writeFileSync(configFile(), JSON.stringify(before), { mode: 0o640 });
        fs.chmodSync(configFile(), 0o640);
        setCurrentContext(cfg, 'lab');
        assert.deepEqual(JSON.parse(fs.readFileSync(configFile(), 'utf8')), { ...before, currentContext: 'lab' });
        assert.equal(fs.statSync(configFile()).mode & 0o777, 0o640);
        setCurrentContext(cfg, 'default');
        assert.deepEqual(JSON.parse(fs.readFileSync(configFile(), 'utf8')), before);
        assert.deepEqual(
            fs.readdirSync(cfg).filter((f) => f.endsWith('.tmp')),
            [],
            'no temp file left',
        );
    });

    it('creates config.json when there is none (mode 600)', () => {
        createContext('lab', 'tcp://127.0.0.1:2376');
        setCurrentContext(cfg, 'lab');
        assert.deepEqual(JSON.parse(fs.readFileSync(configFile(), 'utf8')), { currentContext: 'lab' });
        assert.equal(fs.statSync(configFile()).mode & 0o777, 0o600);
    });

    it('refuses a file it cannot parse, and an unknown context, leaving the file untouched', () => {
        createContext('lab', 'tcp://127.0.0.1:2376');
        fs.writeFileSync(configFile(), '{"auths": {');
        assert.throws(
            () => setCurrentContext(cfg, 'lab'),
            (e) => e instanceof DockerConfigError && /not valid JSON/.test(e.message),
        );
        assert.equal(fs.readFileSync(configFile(), 'utf8'), '{"auths": {');
        fs.writeFileSync(configFile(), '[1]');
        assert.throws(() => setCurrentContext(cfg, 'lab'), /does not hold a JSON object/);
        fs.writeFileSync(configFile(), '{}');
        assert.throws(() => setCurrentContext(cfg, 'nope'), /no Docker context "nope"/);
        assert.equal(fs.readFileSync(configFile(), 'utf8'), '{}');
    });

    it('writes through a symlinked config.json, keeping the link', () => {
        createContext('lab', 'tcp://127.0.0.1:2376');
        const real = path.join(tmp, 'dotfiles-config.json');
        fs.writeFileSync(real, '{"psFormat":"table"}');
        fs.symlinkSync(real, configFile());
        setCurrentContext(cfg, 'lab');
        assert.ok(fs.lstatSync(configFile()).isSymbolicLink());
        assert.deepEqual(JSON.parse(fs.readFileSync(real, 'utf8')), { psFormat: 'table', currentContext: 'lab' });
    });

    it('the watcher reports a change made behind our back (docker context use)', async () => {
        createContext('lab', 'tcp://127.0.0.1:2376');
        let changes = 0;
        const watch = watchDockerConfig(cfg, () => changes++, 50);
        try {
            await new Promise((r) => setTimeout(r, 150));
            fs.writeFileSync(configFile(), '{"currentContext":"lab"}');
            const end = Date.now() + 5000;
            while (changes === 0 && Date.now() < end) {
                await new Promise((r) => setTimeout(r, 25));
            }
            assert.equal(changes, 1);
        } finally {
            watch.dispose();
        }
    });
});
