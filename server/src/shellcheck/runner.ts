import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import type { LintConfig } from '../core/config';
import { type ShellCheckFinding, shellCheckFindings } from './findings';
import { EXCLUDED_CODES, type ShellCheckJob } from './jobs';

/**
 * Runs the `shellcheck` binary on jobs (jobs.ts), one child process per RUN script fed on stdin,
 * a few at a time, under one deadline for the whole batch and cancellable. Only fixed arguments
 * are passed (no rc file, no SHELLCHECK_OPTS): nothing from the workspace reaches the command line.
 */
export interface ShellCheckOptions {
    /** The binary (`dockwise.shellcheck.path`, already checked by `shellCheckCommand`). */
    command: string;
    /** For the whole batch; the children still running then are killed. */
    timeoutMs: number;
    signal?: AbortSignal;
    /** Child processes at once. */
    concurrency?: number;
}

export type ShellCheckErrorKind = 'missing' | 'timeout' | 'cancelled' | 'failed';

export interface ShellCheckBatch {
    /** ShellCheck's parsed output per job; undefined where it gave none. */
    outputs: unknown[];
    error?: { kind: ShellCheckErrorKind; message: string };
}

export const SHELLCHECK_TIMEOUT_MS = 5000;
const MAX_OUTPUT = 4 * 1024 * 1024;

/**
 * The command for a `dockwise.shellcheck.path` value: empty means `shellcheck` on PATH; otherwise
 * an absolute path, or a bare name looked up on PATH. A relative path is refused (it would resolve
 * against whatever folder the server runs in).
 */
export function shellCheckCommand(setting: string | undefined): string | undefined {
    const value = (setting ?? '').trim();
    if (value === '') {
        return 'shellcheck';
    }
    if (path.isAbsolute(value) || !/[\\/]/.test(value)) {
        return value;
    }
    return undefined;
}

export function shellCheckArgs(job: ShellCheckJob): string[] {
    return ['--format=json1', `--shell=${job.shell}`, '--norc', `--exclude=${EXCLUDED_CODES.join(',')}`, '-'];
}

export function runShellCheck(jobs: readonly ShellCheckJob[], options: ShellCheckOptions): Promise<ShellCheckBatch> {
    const outputs: unknown[] = jobs.map(() => undefined);
    if (jobs.length === 0) {
        return Promise.resolve({ outputs });
    }
    const env = { ...process.env };
    delete env.SHELLCHECK_OPTS;
    const running = new Set<ReturnType<typeof spawn>>();
    let next = 0;
    let settled = false;
    return new Promise((resolve) => {
        const done = (error?: ShellCheckBatch['error']) => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            for (const child of running) {
                child.kill('SIGKILL');
            }
            resolve(error ? { outputs, error } : { outputs });
        };
        const timer = setTimeout(
            () => done({ kind: 'timeout', message: `ShellCheck took longer than ${options.timeoutMs} ms` }),
            options.timeoutMs,
        );
        const onAbort = () => done({ kind: 'cancelled', message: 'cancelled' });
        if (options.signal?.aborted) {
            onAbort();
            return;
        }
        options.signal?.addEventListener('abort', onAbort);
        let finished = 0;
        const start = (index: number) => {
            const job = jobs[index]!;
            let child: ReturnType<typeof spawn>;
            try {
                child = spawn(options.command, shellCheckArgs(job), {
                    cwd: tmpdir(),
                    env,
                    stdio: ['pipe', 'pipe', 'pipe'],
                    windowsHide: true,
                });
            } catch (e) {
                done({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
                return;
            }
            running.add(child);
            const chunks: Buffer[] = [];
            let size = 0;
            let stderr = '';
            child.stdout!.on('data', (b: Buffer) => {
                size += b.length;
                if (size <= MAX_OUTPUT) {
                    chunks.push(b);
                }
            });
            child.stderr!.on('data', (b: Buffer) => {
                stderr = (stderr + b.toString()).slice(-2000);
            });
            child.stdin!.on('error', () => undefined); // A child that exits early closes its stdin.
            child.on('error', (e: NodeJS.ErrnoException) => {
                running.delete(child);
                const missing = e.code === 'ENOENT';
                done({
                    kind: missing ? 'missing' : 'failed',
                    message: missing ? `${options.command} was not found` : e.message,
                });
            });
            child.on('close', (code) => {
                running.delete(child);
                if (settled) {
                    return;
                }
                // 0: no findings, 1: findings; anything else is ShellCheck failing.
                if (code !== 0 && code !== 1) {
                    done({ kind: 'failed', message: `${options.command} exited with ${code}: ${stderr.trim()}` });
                    return;
                }
                try {
                    outputs[index] = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                } catch {
                    done({ kind: 'failed', message: `${options.command} printed no JSON: ${stderr.trim()}` });
                    return;
                }
                finished++;
                if (finished === jobs.length) {
                    done();
                } else if (next < jobs.length) {
                    start(next++);
                }
            });
            child.stdin!.end(job.input);
        };
        const slots = Math.max(1, Math.min(options.concurrency ?? 2, jobs.length));
        while (next < slots) {
            start(next++);
        }
    });
}

export interface ShellCheckResult {
    diagnostics: ShellCheckFinding[];
    error?: ShellCheckBatch['error'];
}

/** Runs the jobs and maps every finding into the document. */
export async function shellCheckDiagnostics(
    jobs: readonly ShellCheckJob[],
    positionAt: (offset: number) => Position,
    config: LintConfig,
    options: ShellCheckOptions,
): Promise<ShellCheckResult> {
    const batch = await runShellCheck(jobs, options);
    if (batch.error) {
        return { diagnostics: [], error: batch.error };
    }
    const diagnostics = jobs.flatMap((job, i) => shellCheckFindings(batch.outputs[i], job, positionAt, config));
    return { diagnostics };
}
