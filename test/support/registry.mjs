// A real Registry v2 for the tests (Debian's docker-registry, distribution 2.8) on 127.0.0.1: a free port, its
// own storage folder, deletes enabled, optional htpasswd (bcrypt) basic auth. dockerd trusts 127.0.0.0/8 over
// plain HTTP, so `127.0.0.1:PORT/name:tag` pushes and pulls work without any daemon configuration.
// Installs docker-registry and apache2-utils when missing (root); under CI=true a missing registry is an error.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensurePackage } from './engine.mjs';

const log = (msg) => process.stderr.write(`[registry] ${msg}\n`);

/** Why the registry tests cannot run here (false when they can). Under CI=true this throws instead. */
export function registrySkip() {
    const ok = ensurePackage('docker-registry', 'docker-registry') && ensurePackage('htpasswd', 'apache2-utils');
    if (ok) {
        return false;
    }
    const why = 'docker-registry/htpasswd missing: run `apt-get install -y docker-registry apache2-utils` as root';
    if (process.env.CI === 'true') {
        throw new Error(why);
    }
    return why;
}

function freePort() {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.once('error', reject);
        s.listen(0, '127.0.0.1', () => {
            const { port } = s.address();
            s.close(() => resolve(port));
        });
    });
}

/** GET /v2/: 200 without auth, 401 with it; anything else (or nothing) is "not up yet". */
function answers(host) {
    return new Promise((resolve) => {
        const req = http.get(`http://${host}/v2/`, { timeout: 1000 }, (res) => {
            res.resume();
            resolve(res.statusCode === 200 || res.statusCode === 401);
        });
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(false));
    });
}

function config({ dir, port, auth, deleteEnabled }) {
    const lines = [
        'version: 0.1',
        'log: {level: warn, accesslog: {disabled: true}}',
        'storage:',
        `  filesystem: {rootdirectory: ${JSON.stringify(path.join(dir, 'data'))}}`,
        `  delete: {enabled: ${deleteEnabled ? 'true' : 'false'}}`,
        `http: {addr: "127.0.0.1:${port}"}`,
    ];
    if (auth) {
        const file = path.join(dir, 'htpasswd');
        const r = spawnSync('htpasswd', ['-Bbn', auth.user, auth.password], { encoding: 'utf8' });
        if (r.status !== 0) {
            throw new Error(`htpasswd failed: ${r.stderr}`);
        }
        fs.writeFileSync(file, r.stdout);
        lines.push('auth:', `  htpasswd: {realm: dockwise-test, path: ${JSON.stringify(file)}}`);
    }
    return `${lines.join('\n')}\n`;
}

/**
 * Starts a registry. `auth: { user, password }` turns on basic auth; `deleteEnabled` (default true) allows
 * manifest deletes. Returns { host: '127.0.0.1:PORT', url, dir, pid, kill(), stop(), throttled(bytesPerSecond) }.
 */
export async function startRegistry({ auth, deleteEnabled = true } = {}) {
    const skip = registrySkip();
    if (skip) {
        throw new Error(skip);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-registry-'));
    for (let attempt = 1; ; attempt++) {
        const port = await freePort();
        fs.writeFileSync(path.join(dir, 'config.yml'), config({ dir, port, auth, deleteEnabled }));
        const out = fs.openSync(path.join(dir, 'registry.log'), 'a');
        const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
            stdio: ['ignore', out, out],
        });
        fs.closeSync(out);
        let exited = false;
        child.once('exit', () => (exited = true));
        const host = `127.0.0.1:${port}`;
        const end = Date.now() + 15_000;
        while (!exited && Date.now() < end && !(await answers(host))) {
            await new Promise((r) => setTimeout(r, 50));
        }
        if (!exited && (await answers(host))) {
            return handle(child, host, dir);
        }
        child.kill('SIGKILL');
        // Another process may have taken the port between freePort() and the registry's listen: try another.
        if (attempt >= 3) {
            const tail = fs.readFileSync(path.join(dir, 'registry.log'), 'utf8').slice(-1500);
            fs.rmSync(dir, { recursive: true, force: true });
            throw new Error(`docker-registry did not start on ${host}:\n${tail}`);
        }
    }
}

function handle(child, host, dir) {
    const proxies = new Set();
    const gone = new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    const killNow = async (signal) => {
        if (child.exitCode === null && child.signalCode === null) {
            child.kill(signal);
        }
        await gone;
    };
    const onExit = () => child.kill('SIGKILL');
    process.once('exit', onExit);
    return {
        host,
        url: `http://${host}`,
        dir,
        /** The blob storage folder (to damage a blob on purpose). */
        blobs: path.join(dir, 'data', 'docker', 'registry', 'v2', 'blobs'),
        pid: child.pid,
        /** Gone at once, mid-request (SIGKILL): "the registry went away". */
        kill: () => killNow('SIGKILL'),
        async stop() {
            process.removeListener('exit', onExit);
            for (const p of proxies) {
                p.close();
            }
            await killNow('SIGTERM');
            fs.rmSync(dir, { recursive: true, force: true });
        },
        /** A loopback TCP relay to this registry sending at most `bytesPerSecond` back: slow pulls, same registry. */
        async throttled(bytesPerSecond) {
            const p = await throttle(Number(host.split(':')[1]), bytesPerSecond);
            proxies.add(p);
            return p;
        },
    };
}

/** Relays 127.0.0.1:<new port> → 127.0.0.1:target, pacing the answers in 50 ms slices. */
async function throttle(target, bytesPerSecond) {
    const sockets = new Set();
    const perTick = Math.max(1, Math.floor(bytesPerSecond / 20));
    const server = net.createServer((down) => {
        const up = net.connect(target, '127.0.0.1');
        sockets.add(down).add(up);
        const queue = [];
        let timer;
        let upClosed = false;
        const pump = () => {
            timer = undefined;
            let budget = perTick;
            while (budget > 0 && queue.length > 0) {
                const head = queue[0];
                const part = head.subarray(0, budget);
                budget -= part.length;
                queue[0] = head.subarray(part.length);
                if (queue[0].length === 0) {
                    queue.shift();
                }
                down.write(part);
            }
            if (queue.length > 0) {
                timer = setTimeout(pump, 50);
            } else if (upClosed) {
                end();
            } else {
                up.resume();
            }
        };
        up.on('data', (chunk) => {
            queue.push(chunk);
            up.pause();
            timer ??= setTimeout(pump, 0);
        });
        down.pipe(up);
        const end = () => {
            clearTimeout(timer);
            down.destroy();
            up.destroy();
        };
        // A registry that closes (or dies) still gets what it sent delivered first, slowly.
        up.on('close', () => {
            upClosed = true;
            if (queue.length === 0) {
                end();
            }
        });
        up.on('error', () => undefined);
        down.on('close', end).on('error', end);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
        host: `127.0.0.1:${server.address().port}`,
        close() {
            sockets.forEach((s) => s.destroy());
            server.close();
        },
    };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
    // `node test/support/registry.mjs` starts one for manual use and prints its address; Ctrl-C stops it.
    const r = await startRegistry({
        auth: process.argv[2] ? { user: process.argv[2], password: process.argv[3] } : undefined,
    });
    log(`registry on ${r.host} (storage ${r.dir}); Ctrl-C stops it`);
    process.on('SIGINT', () => void r.stop().then(() => process.exit(0)));
}
