// The extension-host suite's entry: the `run()` that VS Code calls with --extensionTestsPath, both under
// @vscode/test-electron (desktop) and under VS Code's server driven by Chromium (test/vscode/run.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Files run in this order first (activation must be observed before anything else activates us). */
const FIRST = ['activation.test.js'];

export function run(): Promise<void> {
    const mocha = new Mocha({
        ui: 'tdd',
        color: process.env.DOCKWISE_TEST_COLOR === '1',
        timeout: 60_000,
        grep: process.env.MOCHA_GREP || undefined,
    });
    // Under the server runner the extension host's console reaches the terminal mixed with the workbench's
    // log: mark the reporter's lines so the runner can print exactly those.
    const mark = process.env.DOCKWISE_TEST_LOG_MARK;
    if (mark) {
        Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(mark + format(...args));
    }
    const files = fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith('.test.js'))
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const f of files) {
        mocha.addFile(path.join(__dirname, f));
    }
    return new Promise((resolve, reject) => {
        try {
            mocha.run((failures) =>
                failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve(),
            );
        } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
        }
    });
}

function rank(file: string): number {
    const i = FIRST.indexOf(file);
    return i < 0 ? FIRST.length : i;
}
