#!/usr/bin/env node
// A private Podman API service for the engine tests (ENVIRONMENT.md's recipe): Debian's podman, rootful, its own
// storage in a temp dir, the Docker-compatible API on a private socket. Never touches a Podman the user runs.
//   import { startPodman } from './podman.mjs'  → { host, socketPath, dir, podman(args), stop() }
//   node test/support/podman.mjs start|stop    for trying it by hand (prints DOCKER_HOST=…)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackage, killProcessesOf, ping, unmountAndRemove } from './engine.mjs';

export const PODMAN_IMAGE = 'localhost/dockwise-test/busybox:latest';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STATE_FILE = path.join(
    os.tmpdir(),
    `dockwise-podman-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.json`,
);
const log = (msg) => process.stderr.write(`[podman] ${msg}\n`);

/**
 * Why Podman cannot be used here, or undefined when it can (installed, or installed now as root). Under CI=true
 * the caller turns a reason into a failure, never a skip.
 */
export function podmanUnavailable() {
    if (!ensurePackage('podman', 'podman')) {
        return 'podman is not installed (apt-get install -y --no-install-recommends podman, as root)';
    }
    if (process.getuid?.() !== 0) {
        return 'a private rootful Podman service needs root';
    }
    if (!fs.existsSync('/bin/busybox') && !ensurePackage('busybox', 'busybox-static')) {
        return 'busybox-static is not installed';
    }
    return undefined;
}

function flags(dir) {
    return [
        '--root',
        path.join(dir, 'root'),
        '--runroot',
        path.join(dir, 'run'),
        '--storage-driver',
        'vfs',
        '--cgroup-manager',
        'cgroupfs',
        '--events-backend',
        'file',
    ];
}

function envFor(dir) {
    return { ...process.env, CONTAINERS_CONF: path.join(dir, 'containers.conf') };
}

/** Starts `podman system service` on dir/podman.sock and imports the busybox test image. */
export async function startPodman(opts = {}) {
    const why = podmanUnavailable();
    if (why) {
        throw new Error(why);
    }
    const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-podman-'));
    // Without this runc fails with "error setting rlimits" in a container like this machine.
    fs.writeFileSync(path.join(dir, 'containers.conf'), '[containers]\ndefault_ulimits = []\n');
    const socketPath = path.join(dir, 'podman.sock');
    const host = `unix://${socketPath}`;
    const out = fs.openSync(path.join(dir, 'podman.log'), 'a');
    const child = spawn('podman', [...flags(dir), 'system', 'service', '--time=0', host], {
        detached: true,
        stdio: ['ignore', out, out],
        env: envFor(dir),
    });
    fs.closeSync(out);
    let exited;
    child.on('exit', (code, signal) => (exited = `podman exited (${code ?? signal})`));
    child.unref();
    const t0 = Date.now();
    const podman = (args, input) => {
        const r = spawnSync('podman', [...flags(dir), ...args], { env: envFor(dir), encoding: 'utf8', input });
        if (r.status !== 0) {
            throw new Error(`podman ${args.join(' ')}: ${r.stderr.trim()}`);
        }
        return r.stdout.trim();
    };
    const stop = () => stopPodman(child.pid, dir);
    for (;;) {
        if (await ping(host, 1000)) {
            break;
        }
        if (exited || Date.now() - t0 > 60_000) {
            const tail = fs.readFileSync(path.join(dir, 'podman.log'), 'utf8').slice(-1500);
            await stop();
            throw new Error(`${exited ?? 'podman service: not ready within 60 s'}\n${tail}`);
        }
        await new Promise((r) => setTimeout(r, 50));
    }
    const startMs = Date.now() - t0;
    importBusybox(dir, podman);
    return { host, socketPath, dir, pid: child.pid, startMs, podman, stop };
}

/** `podman import` of a folder holding bin/busybox and bin/sh -> busybox (ENVIRONMENT.md). */
function importBusybox(dir, podman) {
    const rootfs = path.join(dir, 'rootfs');
    fs.mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
    fs.copyFileSync('/bin/busybox', path.join(rootfs, 'bin', 'busybox'));
    fs.chmodSync(path.join(rootfs, 'bin', 'busybox'), 0o755);
    for (const tool of ['sh', 'echo', 'sleep', 'cat', 'ls', 'mkdir', 'touch']) {
        fs.symlinkSync('busybox', path.join(rootfs, 'bin', tool));
    }
    const tar = path.join(dir, 'rootfs.tar');
    const r = spawnSync('tar', ['-C', rootfs, '-cf', tar, '.']);
    if (r.status !== 0) {
        throw new Error(`tar of the busybox rootfs failed: ${r.stderr}`);
    }
    podman(['import', '--change', 'CMD ["/bin/sh"]', tar, PODMAN_IMAGE]);
}

function alive(pid, dir) {
    try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
    } catch {
        return false;
    }
}

/** Stops the service (and any conmon/container process of this dir), unmounts and removes the dir. */
export async function stopPodman(pid, dir) {
    if (pid && alive(pid, dir)) {
        process.kill(pid, 'SIGTERM');
        for (let i = 0; i < 100 && alive(pid, dir); i++) {
            await new Promise((r) => setTimeout(r, 50));
        }
    }
    killProcessesOf(dir);
    unmountAndRemove(dir);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        if (process.argv[2] === 'start') {
            const p = await startPodman();
            fs.writeFileSync(STATE_FILE, JSON.stringify({ pid: p.pid, dir: p.dir }));
            log(`podman service ready in ${p.startMs} ms (${p.dir})`);
            process.stdout.write(`DOCKER_HOST=${p.host}\n`);
        } else if (process.argv[2] === 'stop') {
            const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
            await stopPodman(state.pid, state.dir);
            fs.rmSync(STATE_FILE, { force: true });
        } else {
            process.stderr.write('usage: node test/support/podman.mjs start|stop\n');
            process.exit(2);
        }
    } catch (e) {
        log(e instanceof Error ? e.message : String(e));
        process.exit(1);
    }
}
