#!/usr/bin/env node
// Finds a Docker engine for the engine tests, or starts a private one (Debian dockerd in a temp dir).
//   node test/support/engine.mjs start   prints DOCKER_HOST=… (and STARTED=1 when it started a daemon)
//   node test/support/engine.mjs stop    stops only a daemon this script started (state file), cleans up
// Also imported by engine tests to start a second, throw-away daemon (reconnection and TLS tests).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TEST_IMAGE = 'dockwise-test/busybox:latest';
export const TEST_LABEL = 'dockwise.test';
// The shared state file (manual `start`/`stop`); test/run.mjs passes its own in DOCKWISE_ENGINE_STATE so that
// concurrent runs never stop each other's daemon.
const SHARED_STATE = path.join(
    os.tmpdir(),
    `dockwise-engine-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.json`,
);
const STATE_FILE = process.env.DOCKWISE_ENGINE_STATE || SHARED_STATE;
const log = (msg) => process.stderr.write(`[engine] ${msg}\n`);

function which(cmd) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/sbin'])) {
        const p = path.join(dir, cmd);
        if (fs.existsSync(p)) {
            return p;
        }
    }
    return undefined;
}

/** GET /_ping over a unix socket or plain tcp; resolves true on "OK" within timeoutMs. */
export function ping(host, timeoutMs = 2000) {
    return new Promise((resolve) => {
        const opts = { path: '/_ping', timeout: timeoutMs };
        if (host.startsWith('unix://')) {
            opts.socketPath = host.slice('unix://'.length);
        } else if (host.startsWith('tcp://')) {
            const u = new URL(host);
            Object.assign(opts, { host: u.hostname, port: Number(u.port) });
        } else {
            resolve(false);
            return;
        }
        const req = http.get(opts, (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve(res.statusCode === 200 && body === 'OK'));
        });
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(false));
    });
}

/** Waits for `check()` to be true, polling briefly, until the deadline. */
async function waitFor(what, check, deadlineMs, failEarly) {
    const end = Date.now() + deadlineMs;
    for (;;) {
        if (await check()) {
            return;
        }
        const early = failEarly?.();
        if (early) {
            throw new Error(`${what}: ${early}`);
        }
        if (Date.now() > end) {
            throw new Error(`${what}: not ready within ${deadlineMs} ms`);
        }
        await new Promise((r) => setTimeout(r, 50));
    }
}

export function mayStartDaemon() {
    return process.getuid?.() === 0 || process.env.CI === 'true';
}

/** Installs Debian's engine and a static busybox when missing (root only, non-interactive). */
export function ensureBinaries() {
    if (which('dockerd') && fs.existsSync('/bin/busybox') && which('containerd') && which('runc')) {
        return;
    }
    if (process.getuid?.() !== 0) {
        throw new Error('dockerd/busybox missing: run `apt-get install -y docker.io busybox-static` as root');
    }
    log('installing docker.io and busybox-static with apt-get …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
        ['update', '-q'],
        ['install', '-y', '-q', '--no-install-recommends', 'docker.io', 'busybox-static'],
    ]) {
        const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
        if (r.status !== 0) {
            throw new Error(`apt-get ${args[0]} failed (exit ${r.status})`);
        }
    }
}

/** Installs one Debian package when its binary is missing (root only); false when that is not possible. */
export function ensurePackage(binary, pkg) {
    if (which(binary)) {
        return true;
    }
    if (process.getuid?.() !== 0) {
        return false;
    }
    log(`installing ${pkg} with apt-get …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const r = spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', pkg], { stdio: 'ignore', env });
    if (r.status !== 0) {
        spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore', env });
        spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', pkg], { stdio: 'ignore', env });
    }
    return !!which(binary);
}

function daemonAlive(pid, dir) {
    try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
    } catch {
        return false;
    }
}

/**
 * Starts a private dockerd per ENVIRONMENT.md in `dir` (its own data-root, exec-root, pidfile, socket).
 * `tcp`: { port, ca, cert, key } adds a TLS listener on 127.0.0.1. Returns { host, tcpHost, pid, dir, stop }.
 */
export async function startPrivateDaemon(opts = {}) {
    ensureBinaries();
    const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-engine-'));
    const sock = path.join(dir, 'docker.sock');
    const args = [
        '--bridge=none',
        '--iptables=false',
        '--ip6tables=false',
        '--data-root',
        path.join(dir, 'data'),
        '--exec-root',
        path.join(dir, 'exec'),
        '--pidfile',
        path.join(dir, 'dockerd.pid'),
        '-H',
        `unix://${sock}`,
    ];
    let tcpHost;
    if (opts.tcp) {
        tcpHost = `tcp://127.0.0.1:${opts.tcp.port}`;
        args.push('-H', tcpHost, '--tlsverify');
        args.push('--tlscacert', opts.tcp.ca, '--tlscert', opts.tcp.cert, '--tlskey', opts.tcp.key);
    }
    const t0 = Date.now();
    const out = fs.openSync(path.join(dir, 'dockerd.log'), 'a');
    const child = spawn(which('dockerd') ?? 'dockerd', args, { detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    let exited;
    child.on('exit', (code, signal) => (exited = `dockerd exited (${code ?? signal})`));
    child.unref();
    const host = `unix://${sock}`;
    try {
        await waitFor(
            'dockerd',
            () => ping(host, 1000),
            opts.deadlineMs ?? 60_000,
            () => (exited ? `${exited}; log tail:\n${tail(path.join(dir, 'dockerd.log'))}` : undefined),
        );
    } catch (e) {
        await stopDaemon(child.pid, dir, { keepDir: true });
        throw e;
    }
    const startMs = Date.now() - t0;
    return { host, tcpHost, pid: child.pid, dir, startMs, stop: (o) => stopDaemon(child.pid, dir, o) };
}

function tail(file, n = 15) {
    try {
        return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n');
    } catch {
        return '(no log)';
    }
}

/** SIGTERM, wait (deadline), SIGKILL; unmount leftovers; remove the dir unless keepDir. */
export async function stopDaemon(pid, dir, { keepDir = false } = {}) {
    if (pid && daemonAlive(pid, dir)) {
        process.kill(pid, 'SIGTERM');
        try {
            await waitFor('dockerd stop', () => !daemonAlive(pid, dir), 30_000);
        } catch {
            process.kill(pid, 'SIGKILL');
            await waitFor('dockerd kill', () => !daemonAlive(pid, dir), 10_000);
        }
    }
    // The managed containerd normally exits with dockerd; make sure no process of this dir survives.
    killProcessesOf(dir);
    if (keepDir) {
        return;
    }
    unmountAndRemove(dir);
}

/** SIGKILLs every process whose command line names `dir` (a daemon's leftovers), except this one. */
export function killProcessesOf(dir) {
    for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
        if (Number(p) !== process.pid && daemonAlive(Number(p), dir)) {
            try {
                process.kill(Number(p), 'SIGKILL');
            } catch {
                // already gone
            }
        }
    }
}

/** Unmounts whatever a daemon left mounted under `dir`, deepest first, then removes `dir`. */
export function unmountAndRemove(dir) {
    const mounts = fs
        .readFileSync('/proc/mounts', 'utf8')
        .split('\n')
        .map((l) => l.split(' ')[1])
        .filter((m) => m?.startsWith(dir + '/'))
        .sort((a, b) => b.length - a.length);
    for (const m of mounts) {
        spawnSync('umount', ['-l', m]);
    }
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** A minimal ustar writer: enough for a build context of a few regular files. */
export function tarOf(files) {
    const blocks = [];
    for (const { name, data, mode = 0o644 } of files) {
        const h = Buffer.alloc(512);
        const put = (s, off, len) => h.write(s.slice(0, len), off, 'ascii');
        const oct = (n, len) => n.toString(8).padStart(len - 1, '0') + '\0';
        put(name, 0, 100);
        put(oct(mode, 8), 100, 8);
        put(oct(0, 8), 108, 8);
        put(oct(0, 8), 116, 8);
        put(oct(data.length, 12), 124, 12);
        put(oct(Math.floor(Date.now() / 1000), 12), 136, 12);
        h.fill(' ', 148, 156);
        put('0', 156, 1);
        put('ustar\0', 257, 6);
        put('00', 263, 2);
        let sum = 0;
        for (const b of h) {
            sum += b;
        }
        put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
        blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
    blocks.push(Buffer.alloc(1024));
    return Buffer.concat(blocks);
}

function dockerFor(host) {
    const Docker = require('dockerode');
    if (host.startsWith('unix://')) {
        return new Docker({ socketPath: host.slice(7), host: undefined, port: undefined, protocol: undefined });
    }
    return new Docker(); // tcp/ssh: docker-modem reads DOCKER_HOST/DOCKER_TLS_VERIFY/DOCKER_CERT_PATH
}

/** Builds the offline busybox test image (FROM scratch + static busybox) unless it is there. */
export async function ensureTestImage(host, { force = false } = {}) {
    const docker = dockerFor(host);
    if (!force) {
        try {
            await docker.getImage(TEST_IMAGE).inspect();
            return { built: false, buildMs: 0 };
        } catch (e) {
            if (e.statusCode !== 404) {
                throw e;
            }
        }
    }
    ensureBinaries();
    const t0 = Date.now();
    const dockerfile = [
        'FROM scratch',
        'COPY busybox /bin/busybox',
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        `LABEL ${TEST_LABEL}=1`,
        'CMD ["/bin/sh"]',
        '',
    ].join('\n');
    const tar = tarOf([
        { name: 'Dockerfile', data: Buffer.from(dockerfile) },
        { name: 'busybox', data: fs.readFileSync('/bin/busybox'), mode: 0o755 },
    ]);
    const { Readable } = await import('node:stream');
    const stream = await docker.buildImage(Readable.from([tar]), {
        t: TEST_IMAGE,
        labels: { [TEST_LABEL]: '1' },
        version: '1',
        rm: true,
        forcerm: true,
    });
    await new Promise((resolve, reject) =>
        docker.modem.followProgress(stream, (err, out) => {
            const failed = err ?? out.find((o) => o.error)?.error;
            if (failed) {
                reject(new Error(`building ${TEST_IMAGE} failed: ${failed}`));
            } else {
                resolve();
            }
        }),
    );
    return { built: true, buildMs: Date.now() - t0 };
}

function readState(file = STATE_FILE) {
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
        return undefined;
    }
}

/** The engine tests' engine: DOCKER_HOST, else a default socket that answers, else a private daemon. */
export async function start() {
    // A daemon started earlier (this state, or a manual `start`): reuse it, it is not ours to stop.
    for (const state of [readState(), readState(SHARED_STATE)]) {
        if (state?.pid && daemonAlive(state.pid, state.dir) && (await ping(state.host))) {
            return { host: state.host, started: false, reused: true };
        }
    }
    if (process.env.DOCKER_HOST) {
        const host = process.env.DOCKER_HOST;
        const { built } = await ensureTestImage(host);
        if (built) {
            fs.writeFileSync(STATE_FILE, JSON.stringify({ host, builtImageOnUserEngine: true }));
        }
        return { host, started: false };
    }
    for (const sock of ['/var/run/docker.sock', path.join(os.homedir(), '.docker/run/docker.sock')]) {
        const host = `unix://${sock}`;
        if (fs.existsSync(sock) && (await ping(host))) {
            const { built } = await ensureTestImage(host);
            if (built) {
                // Leave the user's engine as found: `stop` removes the image we added.
                fs.writeFileSync(STATE_FILE, JSON.stringify({ host, builtImageOnUserEngine: true }));
            }
            return { host, started: false };
        }
    }
    if (!mayStartDaemon()) {
        throw new Error(
            'no Docker engine reachable (set DOCKER_HOST) and not allowed to start one (needs root or CI=true)',
        );
    }
    const d = await startPrivateDaemon();
    fs.writeFileSync(STATE_FILE, JSON.stringify({ host: d.host, pid: d.pid, dir: d.dir }));
    const { buildMs } = await ensureTestImage(d.host, { force: true });
    log(`private dockerd ready in ${d.startMs} ms (pid ${d.pid}, ${d.dir}); test image built in ${buildMs} ms`);
    return { host: d.host, started: true, startMs: d.startMs, buildMs };
}

export async function stop() {
    const state = readState();
    if (!state) {
        return false;
    }
    if (state.builtImageOnUserEngine) {
        await dockerFor(state.host)
            .getImage(TEST_IMAGE)
            .remove({ force: false })
            .catch((e) => log(`could not remove ${TEST_IMAGE}: ${e.message}`));
    } else if (state.pid) {
        await stopDaemon(state.pid, state.dir);
        log(`stopped private dockerd (pid ${state.pid})`);
    }
    fs.rmSync(STATE_FILE, { force: true });
    return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const cmd = process.argv[2];
    try {
        if (cmd === 'start') {
            const r = await start();
            process.stdout.write(`DOCKER_HOST=${r.host}\nSTARTED=${r.started ? 1 : 0}\n`);
        } else if (cmd === 'stop') {
            await stop();
        } else {
            process.stderr.write('usage: node test/support/engine.mjs start|stop\n');
            process.exit(2);
        }
    } catch (e) {
        log(e instanceof Error ? e.message : String(e));
        process.exit(1);
    }
}
