import type { LintConfig } from '../core/config';
import type { LintDiagnostic } from '../core/lint';
import type { DockerfileModel } from '../core/model';
import { shellCheckJobs } from '../shellcheck/jobs';
import { SHELLCHECK_TIMEOUT_MS, shellCheckDiagnostics } from '../shellcheck/runner';

export interface ShellCheckFile {
    name: string;
    model: DockerfileModel | undefined;
    config: LintConfig;
}

export interface CliShellCheckOutcome {
    /** ShellCheck's findings per file, in the order given. */
    findings: LintDiagnostic[][];
    /** stderr lines: ShellCheck missing, a file that ran past its time, … */
    warnings: string[];
}

/** Runs ShellCheck for `--shellcheck`: each file in turn, its RUN scripts two at a time, 5 s per file. */
export type CliShellCheck = (files: readonly ShellCheckFile[]) => Promise<CliShellCheckOutcome>;

export function cliShellCheck(command = 'shellcheck', timeoutMs = SHELLCHECK_TIMEOUT_MS): CliShellCheck {
    return async (files) => {
        const findings: LintDiagnostic[][] = files.map(() => []);
        const warnings: string[] = [];
        for (const [i, file] of files.entries()) {
            if (!file.model) {
                continue;
            }
            const model = file.model;
            const jobs = shellCheckJobs(model, file.config.inlineSuppressions !== false);
            const result = await shellCheckDiagnostics(jobs, (o) => model.positionAt(o), file.config, {
                command,
                timeoutMs,
                concurrency: 2,
            });
            if (result.error?.kind === 'missing') {
                // Never required: the Dockwise findings stand, and stderr says what is missing.
                warnings.push(`dockwise: warning: --shellcheck: ${command} was not found, no ShellCheck findings`);
                break;
            }
            if (result.error) {
                warnings.push(`dockwise: warning: ShellCheck on ${file.name}: ${result.error.message}`);
            }
            findings[i] = result.diagnostics.map(({ instructionLine: _, ...d }) => d);
        }
        return { findings, warnings };
    };
}
