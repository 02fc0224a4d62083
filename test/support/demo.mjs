#!/usr/bin/env node
// `npm start`: Dockwise in a real VS Code in your browser, on a sample workspace, against a real Docker engine.
//   1. builds and packages the extension (dist/dockwise.vsix);
//   2. uses your Docker engine (DOCKER_HOST, or the default socket), or starts a private one when none answers
//      (needs root, as on CI machines: Debian's dockerd in a temp dir, no network bridge);
//   3. seeds a running container (a static site whose html folder is bind-mounted from the workspace), a stopped
//      one and a volume, all labelled dockwise.demo;
//   4. starts code-server (VS Code 1.139 from npm, installed once into .vscode-test/) with the VSIX installed,
//      on a copy of test/vscode/workspace, and prints the URL to open.
// Ctrl-C removes what it seeded, stops code-server and the private engine if it started one; nothing else.
// Options: --port <n> (code-server, default 8080 or a free one), --no-build (use the existing VSIX).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as engine from './engine.mjs';
import { VERSIONS, ensureAll, freePort, installVsix, root, startCodeServer, writeUserSettings } from './vscode.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const say = (msg) => process.stdout.write(`${msg}\n`);
const warn = (msg) => process.stderr.write(`[demo] ${msg}\n`);
const DEMO_LABEL = { 'dockwise.demo': '1' };
const demoDir = path.join(root, '.vscode-test', 'demo');

const cleanups = [];
let stopping;
function stopAll() {
    stopping ??= (async () => {
        for (const fn of cleanups.splice(0).reverse()) {
            try {
                await fn();
            } catch (e) {
                warn(`while stopping: ${e instanceof Error ? e.message : String(e)}`);
            }
        }
    })();
    return stopping;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
        say('\nStopping the demo…');
        void stopAll().then(() => {
            say('Stopped: the demo containers and volume are removed, code-server and any engine it started are down.');
            process.exit(0);
        });
    });
}

function step(title, cmd, cmdArgs) {
    say(`▶ ${title}`);
    const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
        throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
    }
}

function build() {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    if (
        !fs.existsSync(path.join(root, 'node_modules', 'esbuild')) ||
        !fs.existsSync(path.join(root, 'node_modules', '@vscode', 'vsce'))
    ) {
        step('npm ci', npm, ['ci', '--no-audit', '--no-fund']);
    }
    step('build and package the extension (npm run package)', npm, ['run', '--silent', 'package']);
}

function dockerFor(host) {
    const Docker = require('dockerode');
    return host.startsWith('unix://') ? new Docker({ socketPath: host.slice('unix://'.length) }) : new Docker();
}

/** The user's engine if one answers, else a private daemon (root only). Returns { host, private }. */
async function findEngine() {
    const candidates = process.env.DOCKER_HOST
        ? [process.env.DOCKER_HOST]
        : ['/var/run/docker.sock', path.join(os.homedir(), '.docker', 'run', 'docker.sock')].map((s) => `unix://${s}`);
    for (const host of candidates) {
        if (host.startsWith('unix://') || host.startsWith('tcp://')) {
            if (await engine.ping(host)) {
                return { host, private: false };
            }
        } else {
            return { host, private: false }; // ssh:// and the like: let the extension try it
        }
    }
    if (process.env.DOCKER_HOST) {
        throw new Error(`DOCKER_HOST=${process.env.DOCKER_HOST} does not answer`);
    }
    if (!engine.mayStartDaemon()) {
        throw new Error('no Docker engine answers; start Docker (or run as root to use a private engine)');
    }
    say('▶ no Docker engine answers: starting a private one (Debian dockerd in a temp dir)');
    const d = await engine.startPrivateDaemon();
    cleanups.push(() => d.stop());
    say(`  private engine ready in ${(d.startMs / 1000).toFixed(1)} s: ${d.host}`);
    return { host: d.host, private: true };
}

/** The sample containers and volume, labelled dockwise.demo; removed (by id) on exit. */
async function seed(docker, { host, private: isPrivate }, workspace) {
    const { built } = await engine.ensureTestImage(host);
    if (built && !isPrivate) {
        cleanups.push(() =>
            docker
                .getImage(engine.TEST_IMAGE)
                .remove()
                .catch(() => undefined),
        );
    }
    const stale = await docker.listContainers({ all: true, filters: { label: ['dockwise.demo=1'] } });
    if (stale.length > 0) {
        warn(`${stale.length} container(s) of an earlier demo are still there (label dockwise.demo=1): left alone`);
    }
    const suffix = Date.now().toString(36);
    const volume = await docker.createVolume({ Name: `dockwise-demo-data-${suffix}`, Labels: DEMO_LABEL });
    cleanups.push(() =>
        docker
            .getVolume(volume.Name)
            .remove()
            .catch(() => undefined),
    );

    // The static site: busybox httpd serving the workspace's site/html (bind-mounted, so edits show on reload).
    // A private engine has no bridge network: the container shares the host's network and listens on loopback.
    const sitePort = await freePort();
    const html = path.join(workspace, 'site', 'html');
    const listen = isPrivate ? `127.0.0.1:${sitePort}` : '80';
    const site = await docker.createContainer({
        name: `dockwise-demo-site-${suffix}`,
        Image: engine.TEST_IMAGE,
        Cmd: [
            'sh',
            '-c',
            `echo "serving ${html} on http://127.0.0.1:${sitePort}/"; exec httpd -f -v -p ${listen} -h /www`,
        ],
        Labels: { ...DEMO_LABEL, 'com.example.role': 'static site' },
        ExposedPorts: isPrivate ? undefined : { '80/tcp': {} },
        HostConfig: {
            Binds: [`${html}:/www:ro`, `${volume.Name}:/data`],
            NetworkMode: isPrivate ? 'host' : undefined,
            PortBindings: isPrivate ? undefined : { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(sitePort) }] },
        },
    });
    cleanups.push(() => site.remove({ force: true }).catch(() => undefined));
    await site.start();

    // A one-off job that already ran: a stopped container to Start from the explorer.
    const job = await docker.createContainer({
        name: `dockwise-demo-job-${suffix}`,
        Image: engine.TEST_IMAGE,
        Cmd: ['sh', '-c', 'echo "migrating the database…"; echo "done"'],
        Labels: DEMO_LABEL,
        HostConfig: { NetworkMode: 'none' },
    });
    cleanups.push(() => job.remove({ force: true }).catch(() => undefined));
    await job.start();
    return { siteUrl: `http://127.0.0.1:${sitePort}/`, siteName: `dockwise-demo-site-${suffix}` };
}

async function main() {
    if (!args.includes('--no-build')) {
        build();
    }
    const vsix = path.join(root, 'dist', 'dockwise.vsix');
    if (!fs.existsSync(vsix)) {
        throw new Error('dist/dockwise.vsix is missing (run without --no-build)');
    }
    const vsc = ensureAll();

    // A fresh copy of the sample workspace for each run (edits stay there until the next `npm start`).
    const workspace = path.join(demoDir, 'workspace');
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.cpSync(path.join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });

    const found = await findEngine();
    const docker = dockerFor(found.host);
    const seeded = await seed(docker, found, workspace);

    const userDataDir = path.join(demoDir, 'user-data');
    const extensionsDir = path.join(demoDir, 'extensions');
    if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) {
        writeUserSettings(userDataDir, {
            'chat.disableAIFeatures': true,
            'extensions.autoCheckUpdates': false,
            'extensions.autoUpdate': false,
            'telemetry.telemetryLevel': 'off',
            'workbench.startupEditor': 'none',
            'workbench.secondarySideBar.defaultVisibility': 'hidden',
        });
    }
    say('▶ installing dist/dockwise.vsix into code-server');
    installVsix(vsc, vsix, { extensionsDir, userDataDir });
    const port = Number(opt('--port') ?? 0) || ((await portFree(8080)) ? 8080 : 0);
    const server = await startCodeServer(vsc, {
        folder: workspace,
        userDataDir,
        extensionsDir,
        env: { ...process.env, DOCKER_HOST: found.host },
        logFile: path.join(demoDir, 'code-server.log'),
        port,
    });
    cleanups.push(server.stop);
    server.child.exited.then((code) => {
        if (!stopping) {
            warn(`code-server exited (${code}); see ${path.relative(root, path.join(demoDir, 'code-server.log'))}`);
            void stopAll().then(() => process.exit(1));
        }
    });

    say('');
    say(`  Dockwise demo: open ${server.url} in your browser (VS Code from code-server ${VERSIONS.codeServer})`);
    say('');
    say(`  Workspace   ${workspace}`);
    say('              bad/Dockerfile shows the six best-practice findings and their quick fixes;');
    say('              good/, multi-stage/ and site/ show the same ideas done right.');
    say(`  Engine      ${found.host}${found.private ? '  (private, started for the demo)' : ''}`);
    say(
        `  Seeded      ${seeded.siteName} (running: ${seeded.siteUrl}), a stopped job, a volume — label dockwise.demo=1`,
    );
    say('              Click the Dockwise icon in the activity bar: start, stop, view logs, inspect, remove.');
    say('');
    say('  Ctrl-C stops the demo: it removes what it seeded and stops what it started, nothing else.');
    await new Promise(() => undefined); // until a signal
}

function portFree(port) {
    return new Promise((resolve) => {
        const srv = net.createServer();
        srv.once('error', () => resolve(false));
        srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
}

try {
    await main();
} catch (e) {
    warn(`✖ ${e instanceof Error ? e.message : String(e)}`);
    await stopAll();
    process.exit(1);
}
