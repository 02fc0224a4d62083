import { type MessagePort, Worker } from 'node:worker_threads';
import type { LintConfig } from '../core/config';
import { lint, type LintDiagnostic, type LintResult } from '../core/lint';
import { instructionLineAt } from '../core/suppress';
import { type ShellCheckJob, shellCheckJobs } from '../shellcheck/jobs';
import type { Logger } from './logger';
import { errorText } from './logger';

/** What a lint produces, as plain data that crosses a thread boundary. */
export interface LintOutcome {
    diagnostics: LintDiagnostic[];
    failures: LintResult['failures'];
    /** First line of the instruction holding each diagnostic (where an ignore comment goes), or null. */
    instructionLines: (number | null)[];
    /** Set when linting was abandoned: it ran past the time limit, or its worker died. */
    abandoned?: 'timeout' | 'crash';
    /** The scripts for ShellCheck, when asked for (made here, in the worker, from the parsed file). */
    shellcheck?: ShellCheckJob[];
}

export function lintOutcome(text: string, config: LintConfig, shellcheck = false): LintOutcome {
    const result = lint(text, config);
    const model = result.model;
    let jobs: ShellCheckJob[] | undefined;
    if (shellcheck && model) {
        try {
            jobs = shellCheckJobs(model, config.inlineSuppressions !== false);
        } catch (e) {
            result.failures.push({ ruleId: 'shellcheck', error: errorText(e) });
        }
    }
    return {
        ...(jobs ? { shellcheck: jobs } : {}),
        diagnostics: result.diagnostics,
        failures: result.failures,
        instructionLines: result.diagnostics.map((d) =>
            model ? (instructionLineAt(model, d.range.start.line) ?? null) : null,
        ),
    };
}

export interface LintRunner {
    /** `shellcheck`: also make the ShellCheck jobs. */
    run(text: string, config: LintConfig, shellcheck?: boolean): Promise<LintOutcome>;
    /** Gets ready for the first file (starting a worker loads the whole bundle). */
    warmUp(): void;
    dispose(): void;
}

/** Lints on the calling thread (used when no worker can be started). */
export class InProcessLintRunner implements LintRunner {
    run(text: string, config: LintConfig, shellcheck = false): Promise<LintOutcome> {
        return Promise.resolve(lintOutcome(text, config, shellcheck));
    }
    warmUp(): void {}
    dispose(): void {}
}

interface Job {
    text: string;
    config: LintConfig;
    shellcheck: boolean;
    resolve(outcome: LintOutcome): void;
}

const abandoned = (why: 'timeout' | 'crash', error: string): LintOutcome => ({
    diagnostics: [],
    failures: [{ ruleId: 'lint', error }],
    instructionLines: [],
    abandoned: why,
});

/**
 * Lints in a worker thread, one file at a time. Linting a big file takes seconds (the parser and a
 * hundred rules), and on the server's thread it would hold up completion, hover and every other
 * request meanwhile; a rule that loops forever would hang the server for good. In the worker the
 * server stays responsive, a lint that runs past `timeoutMs` is abandoned (the worker is replaced),
 * and a worker that runs out of memory dies alone. If no worker can be started, linting happens
 * in-process.
 */
export class WorkerLintRunner implements LintRunner {
    private worker: Worker | undefined;
    private readonly queue: Job[] = [];
    private current: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined;
    private fallback: InProcessLintRunner | undefined;
    private disposed = false;

    constructor(
        private readonly script: string,
        private readonly timeoutMs: number,
        private readonly logger: Logger,
    ) {}

    run(text: string, config: LintConfig, shellcheck = false): Promise<LintOutcome> {
        if (this.fallback) {
            return this.fallback.run(text, config, shellcheck);
        }
        return new Promise((resolve) => {
            this.queue.push({ text, config, shellcheck, resolve });
            this.pump();
        });
    }

    warmUp(): void {
        if (!this.fallback && !this.disposed) {
            this.ensureWorker();
        }
    }

    dispose(): void {
        this.disposed = true;
        this.stopWorker();
        for (const job of this.queue.splice(0)) {
            job.resolve(abandoned('crash', 'the server is shutting down'));
        }
    }

    private pump(): void {
        if (this.current || this.disposed) {
            return;
        }
        const job = this.queue.shift();
        if (!job) {
            return;
        }
        const worker = this.ensureWorker();
        if (!worker) {
            void this.fallback!.run(job.text, job.config, job.shellcheck).then(job.resolve);
            for (const rest of this.queue.splice(0)) {
                void this.fallback!.run(rest.text, rest.config, rest.shellcheck).then(rest.resolve);
            }
            return;
        }
        const timer = setTimeout(() => {
            this.logger.warn(`Linting took longer than ${this.timeoutMs / 1000} s and was abandoned.`);
            this.finish(abandoned('timeout', `linting took longer than ${this.timeoutMs} ms`));
            this.stopWorker();
            this.pump();
        }, this.timeoutMs);
        this.current = { job, timer };
        worker.postMessage({ text: job.text, config: job.config, shellcheck: job.shellcheck });
    }

    private finish(outcome: LintOutcome): void {
        const current = this.current;
        if (!current) {
            return;
        }
        clearTimeout(current.timer);
        this.current = undefined;
        current.job.resolve(outcome);
    }

    private ensureWorker(): Worker | undefined {
        if (this.worker) {
            return this.worker;
        }
        try {
            // A worker that exhausts its heap dies on its own, not with the server.
            const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
            worker.on('message', (outcome: LintOutcome) => {
                this.finish(outcome);
                this.pump();
            });
            worker.on('error', (e) => {
                this.logger.error(`The lint worker failed: ${errorText(e)}`);
            });
            worker.on('exit', (code) => {
                if (this.worker !== worker) {
                    return; // Replaced on purpose (timeout, dispose).
                }
                this.worker = undefined;
                if (this.current) {
                    this.logger.error(`The lint worker exited (code ${code}) while linting; it is restarted.`);
                    this.finish(abandoned('crash', `the lint worker exited with code ${code}`));
                }
                this.pump();
            });
            worker.unref();
            this.worker = worker;
            return worker;
        } catch (e) {
            this.logger.error(`No lint worker could be started, linting in-process: ${errorText(e)}`);
            this.fallback = new InProcessLintRunner();
            return undefined;
        }
    }

    private stopWorker(): void {
        const worker = this.worker;
        this.worker = undefined;
        void worker?.terminate();
    }
}

/** The worker's side: lint each file the server posts and post the outcome back. */
export function serveLintRequests(port: MessagePort): void {
    port.on('message', ({ text, config, shellcheck }: { text: string; config: LintConfig; shellcheck?: boolean }) => {
        let outcome: LintOutcome;
        try {
            outcome = lintOutcome(text, config, shellcheck === true);
        } catch (e) {
            outcome = abandoned('crash', errorText(e));
        }
        port.postMessage(outcome);
    });
}
