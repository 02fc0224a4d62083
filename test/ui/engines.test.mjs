#!/usr/bin/env node
// UI test: one window, two engines — the run's dockerd (DOCKER_HOST) and a private Podman offered through the
// user's dockwise.engines setting. Switches this window's engine from the status bar item's quick pick, and
// shows both in the Engines view (README screenshot with --update-screenshots).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as engine from '../support/engine.mjs';
import { podmanUnavailable, startPodman, PODMAN_IMAGE } from '../support/podman.mjs';
import { root, startTestEngine } from '../support/vscode.mjs';
import { RESULTS_DIR, SCREENSHOTS_DIR, Workbench } from './workbench.mjs';

const require = createRequire(import.meta.url);
const Docker = require('dockerode');
const VSIX = path.resolve(process.env.DOCKWISE_VSIX ?? path.join(root, 'dist', 'dockwise.vsix'));
const UPDATE_SCREENSHOTS = process.argv.includes('--update-screenshots');
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const names = { docker: `dockwise-ui-on-docker-${suffix}`, podman: `dockwise-ui-on-podman-${suffix}` };
const LABEL = { [engine.TEST_LABEL]: 'ui-engines' };

const cleanups = [];
let wb;
let skip = false;

async function shot(name) {
    await wb.screenshot(path.join(RESULTS_DIR, `${name}.png`));
    if (UPDATE_SCREENSHOTS) {
        fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
        fs.copyFileSync(path.join(RESULTS_DIR, `${name}.png`), path.join(SCREENSHOTS_DIR, `${name}.png`));
    }
}

describe('engines in the VS Code workbench: Docker and Podman in one window', { concurrency: 1 }, () => {
    before(
        async () => {
            const why = podmanUnavailable();
            const main = startTestEngine();
            cleanups.push(main.stop);
            if (why || !main.host) {
                assert.notEqual(process.env.CI, 'true', `required under CI: ${why ?? 'no Docker engine'}`);
                skip = true;
                return;
            }
            await engine.ensureTestImage(main.host);
            const docker = new Docker({ socketPath: main.host.replace(/^unix:\/\//, '') });
            const c = await docker.createContainer({
                name: names.docker,
                Image: engine.TEST_IMAGE,
                Cmd: ['sleep', '600'],
                Labels: LABEL,
                HostConfig: { NetworkMode: 'none' },
            });
            cleanups.push(() => c.remove({ force: true }).catch(() => undefined));
            await c.start();
            const podman = await startPodman();
            cleanups.push(() => podman.stop());
            podman.podman(['run', '-d', '--name', names.podman, '--network', 'none', PODMAN_IMAGE, 'sleep', '600']);
            wb = await Workbench.start({
                vsix: VSIX,
                env: { ...process.env, DOCKER_HOST: main.host },
                settings: { 'dockwise.engines': [{ name: 'podman-laptop', host: podman.host }] },
            });
            cleanups.push(() => wb.stop());
        },
        { timeout: 10 * 60_000 },
    );
    after(async () => {
        for (const fn of cleanups.splice(0).reverse()) {
            await Promise.resolve()
                .then(fn)
                .catch((e) => process.stderr.write(`[ui] cleanup: ${e.message}\n`));
        }
    });

    test('the status bar item switches this window from Docker to Podman', { timeout: 5 * 60_000 }, async (t) => {
        if (skip) {
            t.skip('no Podman or no Docker engine');
            return;
        }
        try {
            await wb.openDockwise();
            // Two containers in all: their rows are drawn without searching the tree.
            await wb.containerRow(names.docker).waitFor({ timeout: 60_000 });
            const item = wb.page.locator('.statusbar-item[aria-label^="Dockwise engine"]');
            await item.filter({ hasText: 'DOCKER_HOST' }).waitFor();
            await item.click();
            const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'podman-laptop' });
            // Each row's state fills in as its probe answers.
            await row.filter({ hasText: /Podman 4\.\d+\.\d+ · 1 running/ }).waitFor({ timeout: 30_000 });
            await wb.page
                .locator('.quick-input-list .monaco-list-row', { hasText: 'DOCKER_HOST' })
                .filter({ hasText: /Docker \d+/ })
                .waitFor({ timeout: 30_000 });
            await shot('engine-picker');
            await row.click();
            await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
            await item.filter({ hasText: 'podman-laptop' }).waitFor();
            await wb.containerRow(names.podman).waitFor({ timeout: 60_000 });
            assert.equal(await wb.containerRow(names.docker).count(), 0, 'the Docker container is not listed');

            // The Engines view: both engines, which one this window uses.
            await wb.expandView('Engines');
            const engines = wb.paneBody('Engines');
            await engines
                .locator('.monaco-list-row', { hasText: 'podman-laptop' })
                .filter({ hasText: /Podman 4.*in use/ })
                .waitFor({ timeout: 30_000 });
            await engines
                .locator('.monaco-list-row', { hasText: 'DOCKER_HOST' })
                .filter({ hasText: /Docker \d+/ })
                .waitFor({ timeout: 30_000 });
            await shot('engines-view');
        } catch (e) {
            const file = await wb?.screenshotOnFailure('engines');
            if (file) {
                process.stderr.write(`[ui] screenshot of the failure: ${path.relative(root, file)}\n`);
            }
            throw e;
        }
    });
});
