// The UI tests' workbench: code-server (the VS Code workbench as a user sees it) with the packaged VSIX
// installed, opened on a copy of the fixture workspace, in headless Chromium. Helpers drive it the way a user
// does (clicks, keys) and wait on what the UI shows (Playwright's auto-waiting locators), never on time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    QUIET_SETTINGS,
    ensureAll,
    installVsix,
    launchBrowser,
    root,
    startCodeServer,
    tempDir,
    writeUserSettings,
} from '../support/vscode.mjs';

export const RESULTS_DIR = path.join(root, 'test-results', 'ui');
export const SCREENSHOTS_DIR = path.join(root, 'media', 'screenshots');

export class Workbench {
    /** @param {{ vsix: string, env: Record<string,string|undefined>, settings?: object }} opts */
    static async start({ vsix, env, settings = {} }) {
        const wb = new Workbench();
        try {
            await wb.#start(vsix, env, settings);
        } catch (e) {
            await wb.screenshotOnFailure('startup');
            await wb.stop();
            throw e;
        }
        return wb;
    }

    /** @type {import('playwright-core').Page} */
    page;
    cleanups = [];
    userDataDir;
    workspace;

    async #start(vsix, env, settings) {
        const vsc = ensureAll();
        const work = tempDir('dockwise-ui-');
        this.cleanups.push(work.remove);
        this.workspace = path.join(work.dir, 'workspace');
        fs.cpSync(path.join(root, 'test', 'vscode', 'workspace'), this.workspace, { recursive: true });
        this.userDataDir = path.join(work.dir, 'user-data');
        const extensionsDir = path.join(work.dir, 'extensions');
        writeUserSettings(this.userDataDir, { ...QUIET_SETTINGS, ...settings });
        installVsix(vsc, vsix, { extensionsDir, userDataDir: this.userDataDir });
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const server = await startCodeServer(vsc, {
            folder: this.workspace,
            userDataDir: this.userDataDir,
            extensionsDir,
            env,
            logFile: path.join(RESULTS_DIR, 'code-server.log'),
        });
        this.cleanups.push(server.stop);
        this.url = server.url;
        const browser = await launchBrowser(vsc.chromium);
        this.cleanups.push(() => browser.close());
        this.page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        this.page.setDefaultTimeout(60_000);
        await this.page.goto(server.url, { waitUntil: 'commit' });
        // The workbench is usable once the explorer shows the workspace folder.
        await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 180_000 });
    }

    /**
     * Changes the remote machine settings (`<user-data-dir>/Machine/settings.json`) as editing them does: the
     * workbench watches that file. Machine-scoped settings such as `dockwise.docker.host` live there (a workspace
     * may not set them; and code-server does not pick up edits of the user settings file while it runs).
     */
    updateMachineSettings(changes) {
        const file = path.join(this.userDataDir, 'Machine', 'settings.json');
        const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
        for (const [k, v] of Object.entries(changes)) {
            if (v === undefined) {
                delete current[k];
            } else {
                current[k] = v;
            }
        }
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(current, null, 4) + '\n');
    }

    async stop() {
        for (const fn of this.cleanups.splice(0).reverse()) {
            await Promise.resolve()
                .then(fn)
                .catch(() => undefined);
        }
    }

    async screenshot(file) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await this.page.screenshot({ path: file });
        return file;
    }

    async screenshotOnFailure(name) {
        if (!this.page) {
            return undefined;
        }
        const file = path.join(RESULTS_DIR, `${name.replace(/[^\w-]+/g, '-').slice(0, 80)}.png`);
        return this.screenshot(file).catch(() => undefined);
    }

    /** Runs a command from the Command Palette (F1), by its title. */
    /** Runs a palette command; `asks: true` when the command opens its own quick input straight away. */
    async command(title, { asks = false } = {}) {
        await this.page.locator('.monaco-workbench').press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(`>${title}`);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
        await input.press('Enter');
        if (asks) {
            await this.page.locator('.quick-input-widget .quick-input-list', { hasNotText: title }).waitFor();
            return;
        }
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    /**
     * Shows a view container by clicking its activity-bar item, as a user does, until `shown` is visible. (A
     * click on the item of the container already showing hides the side bar; a second click brings it back.)
     */
    async showViewContainer(label, shown) {
        const item = this.page.locator('.activitybar .action-item', {
            has: this.page.locator(`.action-label[aria-label^="${label}"]`),
        });
        for (let i = 0; i < 2 && !(await shown.isVisible()); i++) {
            await item.click();
            await shown.waitFor({ timeout: 5_000 }).catch(() => undefined);
        }
        await shown.waitFor();
    }

    /** Opens a workspace file by clicking through the Explorer view. */
    async openFile(...segments) {
        await this.showViewContainer('Explorer', this.page.locator('.explorer-folders-view'));
        const tree = this.page.locator('.explorer-folders-view');
        // Rows are flat siblings; a name can repeat under several expanded folders (bad/Dockerfile, build/Dockerfile):
        // take the first row of that name after its parent's row.
        let parentIndex = -1;
        for (const [i, name] of segments.entries()) {
            const rows = tree.locator(`.monaco-list-row[aria-level="${i + 1}"][aria-label="${name}"]`);
            let row;
            for (const end = Date.now() + 30_000; !row;) {
                for (const candidate of await rows.all()) {
                    const index = Number(await candidate.getAttribute('data-index'));
                    if (index > parentIndex) {
                        row = candidate;
                        parentIndex = index;
                        break;
                    }
                }
                if (!row && Date.now() > end) {
                    throw new Error(`${segments.slice(0, i + 1).join('/')} is not in the Explorer`);
                }
                await this.page.waitForTimeout(row ? 0 : 100);
            }
            if (i < segments.length - 1) {
                if ((await row.getAttribute('aria-expanded')) !== 'true') {
                    await row.click();
                }
            } else {
                await row.click();
            }
        }
        const tab = this.page.locator('.tabs-container .tab.active', { hasText: segments.at(-1) });
        await tab.waitFor();
        return this.page.locator('.editor-instance .monaco-editor').first();
    }

    /** Moves the cursor to line:column with Go to Line (Ctrl+G). */
    async goTo(line, column) {
        await this.page.locator('.editor-instance .monaco-editor textarea').first().focus();
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(`:${line}:${column}`);
        await input.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await this.page
            .locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${column}\\b`) })
            .first()
            .waitFor();
    }

    /** Opens the Dockwise view container from the activity bar. */
    async openDockwise() {
        await this.showViewContainer('Dockwise', this.paneHeader('Containers'));
    }

    /** A side-bar view's header; its aria-label reads "Containers Section", "Images - 3 dangling hidden Section". */
    paneHeader(title) {
        return this.page.locator('.sidebar').locator(headerSelector(title));
    }

    /** Expands a view of the side bar if it is collapsed. */
    async expandView(title) {
        const header = this.paneHeader(title);
        if ((await header.getAttribute('aria-expanded')) !== 'true') {
            await header.click();
        }
        await this.page
            .locator('.sidebar .pane-header[aria-expanded="true"]', {
                has: this.page.locator(`h3.title:text-is("${title}")`),
            })
            .waitFor();
    }

    /** The body of a side-bar view, by title. */
    paneBody(title) {
        return this.page
            .locator('.sidebar .pane', { has: this.page.locator(headerSelector(title)) })
            .locator('.pane-body');
    }

    /** A row of the Containers view by container name (its aria label starts "Container <name>,"). */
    containerRow(name) {
        return this.paneBody('Containers').locator(`.monaco-list-row[aria-label^="Container ${name},"]`);
    }

    /**
     * The row of a container, scrolled into view. A tree draws only the rows in its viewport, so on a busy
     * engine the row may not exist in the page: then search the tree as a user does (Find, Ctrl+Alt+F), which
     * moves to the first match, and close the find box again.
     */
    async revealContainer(name, timeoutMs = 60_000) {
        const row = this.containerRow(name);
        if (await row.isVisible()) {
            return row;
        }
        const list = this.paneBody('Containers').locator('.monaco-list').first();
        const find = this.paneBody('Containers').locator('.monaco-tree-type-filter input');
        const deadline = Date.now() + timeoutMs;
        // The container may reach the tree after the search ran: search again until it shows (or the deadline).
        while (!(await row.isVisible())) {
            if (Date.now() > deadline) {
                throw new Error(`container ${name} did not show in the Containers view within ${timeoutMs} ms`);
            }
            if (!(await find.isVisible())) {
                await list.focus();
                await this.page.keyboard.press('Control+Alt+F');
                await find.waitFor();
            }
            await find.fill('');
            await find.pressSequentially(name);
            await row.waitFor({ timeout: 3_000 }).catch(() => undefined);
        }
        await find.press('Escape');
        await find.waitFor({ state: 'hidden' });
        await row.waitFor();
        return row;
    }
}

const headerSelector = (title) => `.pane-header[aria-label^="${title} "]`;
