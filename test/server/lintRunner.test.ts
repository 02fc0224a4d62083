import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintOutcome, WorkerLintRunner } from '../../server/src/features/lintRunner';
import type { Logger } from '../../server/src/features/logger';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('lint runner (worker thread)', () => {
    let dir: string;
    let script: string;
    before(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'dockwise-worker-'));
        script = path.join(dir, 'worker.js');
        // A stand-in worker: answers at once, loops forever on "hang", dies on "crash".
        writeFileSync(
            script,
            `const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ text }) => {
    if (text === 'hang') { for (;;) {} }
    if (text === 'crash') { process.exit(7); }
    parentPort.postMessage({ diagnostics: [], failures: [], instructionLines: [], text });
});`,
        );
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('abandons a lint that runs too long, and lints the next file in a fresh worker', async () => {
        const runner = new WorkerLintRunner(script, 1500, quiet);
        try {
            const [hung, next] = await Promise.all([runner.run('hang', {}), runner.run('FROM a', {})]);
            assert.equal(hung.abandoned, 'timeout');
            assert.equal(next.abandoned, undefined);
            assert.equal((next as unknown as { text: string }).text, 'FROM a');
        } finally {
            runner.dispose();
        }
    });

    it('survives a worker that dies', async () => {
        const runner = new WorkerLintRunner(script, 5000, quiet);
        try {
            const crashed = await runner.run('crash', {});
            assert.equal(crashed.abandoned, 'crash');
            const next = await runner.run('FROM b', {});
            assert.equal(next.abandoned, undefined);
        } finally {
            runner.dispose();
        }
    });

    it('falls back to linting in-process when no worker can start', async () => {
        const errors: string[] = [];
        const runner = new WorkerLintRunner(path.join(dir, 'missing.js'), 5000, {
            ...quiet,
            error: (m) => errors.push(m),
        });
        try {
            const text = 'FROM alpine\nCMD tail -f /dev/null\n';
            const outcome = await runner.run(text, {});
            // Either the worker failed at start (fallback lints in-process) or it died (abandoned): never a hang.
            if (outcome.abandoned) {
                assert.equal(outcome.abandoned, 'crash');
            } else {
                assert.deepEqual(outcome, lintOutcome(text, {}));
            }
            assert.ok(errors.length > 0);
        } finally {
            runner.dispose();
        }
    });

    it('computes the instruction line of every finding', () => {
        const outcome = lintOutcome('FROM alpine\nCMD echo hi && \\\n  tail -f /dev/null\n', {});
        const i = outcome.diagnostics.findIndex((d) => d.ruleId === 'keep-alive-hack');
        assert.ok(i >= 0);
        assert.equal(outcome.instructionLines[i], 1);
    });
});
