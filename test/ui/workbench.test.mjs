#!/usr/bin/env node
// UI end-to-end tests: the packaged VSIX in code-server, driven through the workbench in headless Chromium.
//   node test/ui/workbench.test.mjs [--update-screenshots]   (needs dist/dockwise.vsix and `tsc -p .`)
// A failing test saves a PNG to test-results/ui/; --update-screenshots also refreshes media/screenshots/ (README).
// Engine: DOCKER_HOST if set, else test/support/engine.mjs finds or starts one. The "engine stopped" test uses
// a private second daemon that it starts and stops itself, never the engine of the rest of the run.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as engine from '../support/engine.mjs';
import { root, startTestEngine } from '../support/vscode.mjs';
import { RESULTS_DIR, SCREENSHOTS_DIR, Workbench } from './workbench.mjs';

const require = createRequire(import.meta.url);
const { BAD_FINDINGS, PRACTICES, PRACTICE_CATEGORIES } = require('../../out/test/vscode/suite/studyGuide.js');
const PRACTICE_CATEGORY = new Set(PRACTICE_CATEGORIES);
const { ruleById } = require('../../out/server/src/core/rules/index.js');
const Docker = require('dockerode');

const VSIX = path.resolve(process.env.DOCKWISE_VSIX ?? path.join(root, 'dist', 'dockwise.vsix'));
const UPDATE_SCREENSHOTS = process.argv.includes('--update-screenshots');
const LABEL = { [engine.TEST_LABEL]: 'ui' };
// A hang fails the run (with a screenshot) instead of blocking CI.
const DEADLINE_MS = Number(process.env.DOCKWISE_UI_DEADLINE_MINUTES ?? 15) * 60_000;

let wb;
let docker;
let mainEngine; // { host, stop }
const cleanups = [];

async function cleanup() {
    for (const fn of cleanups.splice(0).reverse()) {
        await Promise.resolve()
            .then(fn)
            .catch((e) => process.stderr.write(`[ui] cleanup: ${e.message}\n`));
    }
}
const deadline = setTimeout(async () => {
    process.stderr.write(`[ui] ✖ deadline of ${DEADLINE_MS / 60_000} min reached\n`);
    await wb?.screenshotOnFailure('deadline');
    await cleanup();
    process.exit(1);
}, DEADLINE_MS);
for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
        await cleanup();
        process.exit(sig === 'SIGINT' ? 130 : 143);
    });
}

function dockerFor(host) {
    return host.startsWith('unix://') ? new Docker({ socketPath: host.slice(7) }) : new Docker();
}

async function removeLabelled(d) {
    const label = Object.entries(LABEL).map(([k, v]) => `${k}=${v}`);
    for (const c of await d.listContainers({ all: true, filters: { label } })) {
        await d
            .getContainer(c.Id)
            .remove({ force: true, v: true })
            .catch(() => undefined);
    }
    for (const v of (await d.listVolumes({ filters: { label } })).Volumes ?? []) {
        await d
            .getVolume(v.Name)
            .remove()
            .catch(() => undefined);
    }
}

/** A running, labelled busybox container that greets, then ticks every second; SIGTERM ends it at once. */
async function runContainer(d, name) {
    const c = await d.createContainer({
        name,
        Image: engine.TEST_IMAGE,
        Cmd: [
            'sh',
            '-c',
            `trap 'exit 0' TERM; echo "hello from ${name}"; i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1 & wait $!; done`,
        ],
        Labels: LABEL,
        HostConfig: { NetworkMode: 'none' },
    });
    await c.start();
    return c;
}

/** Requires an engine: skips the test outside CI when there is none, fails under CI. */
function needEngine(t) {
    if (docker) {
        return true;
    }
    assert.notEqual(process.env.CI, 'true', 'no Docker engine (required under CI)');
    t.skip('no Docker engine');
    return false;
}

/** A test that saves a screenshot of the workbench when it fails. */
function uiTest(name, fn) {
    test(name, { timeout: 5 * 60_000 }, async (t) => {
        try {
            await fn(t);
        } catch (e) {
            const file = await wb?.screenshotOnFailure(name);
            if (file) {
                process.stderr.write(`[ui] screenshot of the failure: ${path.relative(root, file)}\n`);
            }
            throw e;
        }
    });
}

/** Keeps a screenshot of a passing state: always in test-results/ui, in media/screenshots when asked to. */
async function keepScreenshot(name) {
    await wb.screenshot(path.join(RESULTS_DIR, `${name}.png`));
    if (UPDATE_SCREENSHOTS) {
        fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
        fs.copyFileSync(path.join(RESULTS_DIR, `${name}.png`), path.join(SCREENSHOTS_DIR, `${name}.png`));
    }
}

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const names = { web: `dockwise-ui-web-${suffix}`, worker: `dockwise-ui-worker-${suffix}` };
const volumeName = `dockwise-ui-data-${suffix}`;

describe('Dockwise in the VS Code workbench (code-server)', { concurrency: 1 }, () => {
    before(
        async () => {
            assert.ok(fs.existsSync(VSIX), `${path.relative(root, VSIX)} is missing: run \`npm run package\` first`);
            mainEngine = startTestEngine();
            cleanups.push(mainEngine.stop);
            try {
                if (!mainEngine.host) {
                    throw new Error('none found, and none may be started here');
                }
                await engine.ensureTestImage(mainEngine.host);
                docker = dockerFor(mainEngine.host);
                await docker.ping();
            } catch (e) {
                docker = undefined;
                process.stderr.write(`[ui] no Docker engine: ${e.message}\n`);
            }
            if (docker) {
                await removeLabelled(docker);
                cleanups.push(() => removeLabelled(docker));
                await runContainer(docker, names.web);
                await runContainer(docker, names.worker);
                await docker.createVolume({ Name: volumeName, Labels: LABEL });
            }
            const env = { ...process.env };
            if (mainEngine?.host) {
                env.DOCKER_HOST = mainEngine.host;
            }
            // The test engine has no bridge network: RUN steps of a build use none.
            wb = await Workbench.start({ vsix: VSIX, env, settings: { 'dockwise.build.networkMode': 'none' } });
            cleanups.push(() => wb.stop());
        },
        { timeout: 10 * 60_000 },
    );

    after(async () => {
        clearTimeout(deadline);
        await cleanup();
    });

    uiTest('the Problems panel lists the best-practice findings of the bad Dockerfile', async () => {
        await wb.openFile('bad', 'Dockerfile');
        await wb.command('View: Focus Problems');
        const panel = wb.page.locator('.markers-panel');
        // Maximised, the panel draws every row (its list is virtual: only visible rows exist in the page).
        await wb.command('View: Toggle Maximized Panel');
        // A row reads "<message> dockwise <rule> [Ln 6, Col 5]" (source, code, position).
        const expected = BAD_FINDINGS.map(([line, col, rule]) => `${rule} [Ln ${line}, Col ${col}]`).sort();
        const shownFindings = async () =>
            (await panel.locator('.monaco-list-row').allInnerTexts())
                .map((t) => /\bdockwise\s*\(?([\w-]+)\)?\s*\[Ln (\d+), Col (\d+)\]\s*$/.exec(t.trim()))
                .filter((m) => m)
                .map((m) => ({ rule: m[1], text: `${m[1]} [Ln ${m[2]}, Col ${m[3]}]` }));
        const practiceRows = async () =>
            (await shownFindings())
                .filter((f) => PRACTICE_CATEGORY.has(ruleById(f.rule)?.category))
                .map((f) => f.text)
                .sort();
        await waitUntil('the best-practice findings in the Problems panel', async () =>
            JSON.stringify(await practiceRows()) === JSON.stringify(expected) ? true : undefined,
        ).catch(async (e) => {
            assert.deepEqual(await practiceRows(), expected); // shows the difference
            throw e;
        });
        const listed = new Set((await shownFindings()).map((f) => f.rule));
        for (const [practice, rules] of Object.entries(PRACTICES)) {
            assert.ok(
                rules.some((r) => listed.has(r)),
                `the practice "${practice}" is listed`,
            );
        }
        await wb.command('View: Toggle Maximized Panel');
        await panel.locator('.monaco-list-row', { hasText: 'secret-in-env' }).first().waitFor();
        await keepScreenshot('problems');
        await wb.command('View: Hide Panel');
    });

    uiTest('hovering a squiggle shows the rule documentation', async () => {
        const editor = await wb.openFile('bad', 'Dockerfile');
        await editor
            .locator('.view-line span', { hasText: /^MYSQL_ROOT_PASSWORD$/ })
            .first()
            .hover();
        const hover = wb.page.locator('.monaco-hover:visible', { hasText: 'Dockwise secret-in-env' });
        await hover.waitFor();
        const text = await hover.innerText();
        assert.match(text, /Do not bake secrets into ENV/, 'the rule title');
        assert.match(text, /Practice 4/, 'its practice');
        await wb.page.keyboard.press('Escape');
    });

    uiTest('the quick-fix menu offers the fix, and applying it edits the Dockerfile', async () => {
        const editor = await wb.openFile('bad', 'Dockerfile');
        const apache = BAD_FINDINGS.find(([, , rule]) => rule === 'expose-missing');
        const menu = wb.page.locator('.action-widget');
        const fix = menu.locator('.monaco-list-row', { hasText: 'Add EXPOSE 80' });
        // Ctrl+. can race the editor's code-action request on a loaded machine and show an empty or stale menu;
        // each attempt closes what is open, puts the cursor back on the finding and asks again.
        let shown = '';
        await waitUntil('the quick-fix menu to offer "Add EXPOSE 80"', async () => {
            await wb.page.keyboard.press('Escape');
            await wb.goTo(apache[0], apache[1]);
            await wb.page.keyboard.press('Control+.');
            try {
                await fix.waitFor({ timeout: 10_000 });
                return true;
            } catch {
                shown = (await menu.allInnerTexts().catch(() => [])).join(' | ');
                return undefined;
            }
        }).catch((e) => {
            throw new Error(`${e.message}; the menu showed: ${shown || '(nothing)'}`);
        });
        await keepScreenshot('quick-fix');
        await fix.click();
        await editor.locator('.view-line', { hasText: /^EXPOSE\s80$/ }).waitFor();
        const cmdLine = editor.locator('.view-line', { hasText: /^CMD\sservice\smysql\sstart/ });
        await cmdLine.waitFor();
        await wb.page.keyboard.press('Control+Z');
        await editor.locator('.view-line', { hasText: /^EXPOSE\s80$/ }).waitFor({ state: 'detached' });
    });

    uiTest('the Dockwise view lists the engine’s containers, images and volumes', async (t) => {
        if (!needEngine(t)) {
            return;
        }
        await wb.openDockwise();
        await wb.revealContainer(names.web);
        await wb.revealContainer(names.worker);
        assert.match(await wb.containerRow(names.web).getAttribute('aria-label'), /, running,/);
        await wb.paneBody('Images').locator(`.monaco-list-row[aria-label^="Image ${engine.TEST_IMAGE},"]`).waitFor();
        await wb.expandView('Volumes');
        await wb.paneBody('Volumes').locator(`.monaco-list-row[aria-label^="Volume ${volumeName},"]`).waitFor();
        await wb.revealContainer(names.web); // the Containers view got smaller
        await keepScreenshot('explorer');
    });

    uiTest('clicking Stop turns the container’s icon to stopped', async (t) => {
        if (!needEngine(t)) {
            return;
        }
        await wb.openDockwise();
        const row = await wb.revealContainer(names.worker);
        await row.locator('.custom-view-tree-node-item-icon.codicon-vm-running').waitFor();
        await row.hover();
        await row.locator('.actions .action-label[aria-label="Stop Container"]').click();
        await row.locator('.custom-view-tree-node-item-icon.codicon-debug-stop').waitFor();
        assert.match(await row.getAttribute('aria-label'), /, exited/);
        const state = (await docker.getContainer(names.worker).inspect()).State.Status;
        assert.equal(state, 'exited', 'the engine stopped it');
    });

    uiTest('View Logs shows the container’s output, live', async (t) => {
        if (!needEngine(t)) {
            return;
        }
        await wb.openDockwise();
        const row = await wb.revealContainer(names.web);
        await row.hover();
        await row.locator('.actions .action-label[aria-label="View Container Logs"]').click();
        await wb.page.locator('.tabs-container .tab.active', { hasText: `${names.web}.log` }).waitFor();
        const editor = wb.page.locator('.editor-instance .monaco-editor').first();
        // A later tick than the latest one seen proves the stream is live. Ctrl+End shows the end of the log
        // (Monaco draws only the visible lines, and reuses their elements: page order is not document order).
        const latestTick = async () => {
            await editor.locator('.view-lines').click();
            await wb.page.keyboard.press('Control+End');
            const texts = await editor.locator('.view-line').allInnerTexts();
            return Math.max(-1, ...texts.map((t) => Number(/^tick\s(\d+)$/.exec(t)?.[1] ?? -1)));
        };
        const seen = await waitUntil('a tick in the log view', async () => {
            const n = await latestTick();
            return n >= 0 ? n : undefined;
        });
        await waitUntil(`tick ${seen + 2} in the log view`, async () =>
            (await latestTick()) >= seen + 2 ? true : undefined,
        );
        await keepScreenshot('logs');
        // The container's first line is at the top.
        await wb.page.keyboard.press('Control+Home');
        await editor.locator('.view-line', { hasText: `hello from ${names.web}` }).waitFor();
    });

    uiTest('Build Image from the palette streams its steps and the image appears in the view', async (t) => {
        if (!needEngine(t)) {
            return;
        }
        const tag = `dockwise-ui-build-${suffix}:latest`;
        cleanups.push(() =>
            docker
                .getImage(tag)
                .remove({ force: true })
                .catch(() => undefined),
        );
        await wb.openFile('build', 'Dockerfile');
        await wb.command('Dockwise: Build Image…', { asks: true });
        const input = wb.page.locator('.quick-input-widget input');
        const step = async (title, answer) => {
            await wb.page.locator('.quick-input-widget', { hasText: title }).waitFor();
            if (answer !== undefined) {
                await input.fill(answer);
            }
            await input.press('Enter');
        };
        await step('build context');
        await step('Build Image: tag', tag);
        await step('target stage');
        await step('build args');
        await step('Build Image: options');
        const output = wb.page.locator('.panel .monaco-editor');
        // Monaco draws spaces as no-break spaces: \s matches both.
        await output
            .locator('.view-line', { hasText: /COPY\s--from=build/ })
            .first()
            .waitFor();
        await output
            .locator('.view-line', { hasText: new RegExp(`^Built\\s${tag}\\sin\\s`) })
            .first()
            .waitFor();
        await keepScreenshot('build');
        await wb.openDockwise();
        await wb.paneBody('Images').locator(`.monaco-list-row[aria-label^="Image ${tag},"]`).waitFor();
        await wb.command('View: Hide Panel');
    });

    uiTest('with the engine stopped the view shows the welcome message, and recovers when it restarts', async (t) => {
        if (!engine.mayStartDaemon()) {
            assert.notEqual(process.env.CI, 'true', 'starting a private engine needs root or CI=true');
            t.skip('a private engine needs root');
            return;
        }
        // A private second engine, so stopping it never touches the engine of the rest of the run.
        let daemon = await engine.startPrivateDaemon();
        const dir = daemon.dir;
        cleanups.push(() => daemon.stop());
        await engine.ensureTestImage(daemon.host);
        const privateName = `dockwise-ui-private-${suffix}`;
        await runContainer(dockerFor(daemon.host), privateName);

        wb.updateMachineSettings({ 'dockwise.docker.host': daemon.host });
        cleanups.push(() => wb.updateMachineSettings({ 'dockwise.docker.host': undefined }));
        await wb.openDockwise();
        await wb.revealContainer(privateName);

        await daemon.stop({ keepDir: true });
        const welcome = wb.paneBody('Containers').locator('.welcome-view-content', {
            hasText: 'Dockwise cannot reach the Docker engine',
        });
        await welcome.waitFor({ timeout: 90_000 });
        await welcome.locator('a, .monaco-button', { hasText: 'Retry' }).first().waitFor();
        await wb.screenshot(path.join(RESULTS_DIR, 'engine-stopped.png'));

        daemon = await engine.startPrivateDaemon({ dir });
        // No click: the explorer notices the engine is back (its container restarted with it or not, the row returns).
        await wb.containerRow(privateName).waitFor({ timeout: 90_000 });
        await welcome.waitFor({ state: 'hidden' });

        // Back to the engine of the rest of the run.
        wb.updateMachineSettings({ 'dockwise.docker.host': undefined });
        await wb.containerRow(privateName).waitFor({ state: 'detached' });
        await daemon.stop();
        if (docker) {
            await wb.revealContainer(names.web);
        }
    });
});

async function waitUntil(what, probe, timeoutMs = 60_000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const v = await probe();
        if (v !== undefined) {
            return v;
        }
        if (Date.now() > end) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        }
        await new Promise((r) => setTimeout(r, 250));
    }
}
