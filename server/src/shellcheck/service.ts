import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintConfig } from '../core/config';
import type { ShellCheckFinding } from './findings';
import type { ShellCheckJob } from './jobs';
import { SHELLCHECK_TIMEOUT_MS, shellCheckCommand, shellCheckDiagnostics } from './runner';

/**
 * The language server's side of ShellCheck: at most one batch in flight per document, the older
 * one cancelled (its processes killed) when a new edit comes; each batch under one deadline. A
 * missing or broken binary is logged once per path, never shown as a finding.
 */
export class ShellCheckService {
    private readonly inFlight = new Map<string, AbortController>();
    private readonly reported = new Set<string>();

    constructor(
        private readonly log: (message: string) => void,
        private readonly timeoutMs = SHELLCHECK_TIMEOUT_MS,
    ) {}

    /**
     * ShellCheck's findings for one version of a document, or undefined when the batch was
     * cancelled, failed or ShellCheck cannot be run (nothing to add to the Dockwise findings).
     */
    async check(
        uri: string,
        text: string,
        jobs: readonly ShellCheckJob[],
        config: LintConfig,
        pathSetting: string,
    ): Promise<ShellCheckFinding[] | undefined> {
        this.cancel(uri);
        const command = shellCheckCommand(pathSetting);
        if (!command) {
            this.once(`path ${pathSetting}`, `dockwise.shellcheck.path must be an absolute path: "${pathSetting}"`);
            return undefined;
        }
        if (jobs.length === 0) {
            return [];
        }
        const controller = new AbortController();
        this.inFlight.set(uri, controller);
        const doc = TextDocument.create(uri, 'dockerfile', 0, text);
        try {
            const result = await shellCheckDiagnostics(jobs, (o) => doc.positionAt(o), config, {
                command,
                timeoutMs: this.timeoutMs,
                signal: controller.signal,
            });
            if (result.error?.kind === 'missing') {
                this.once(
                    `missing ${command}`,
                    `ShellCheck is on, but ${command} was not found: install it or set dockwise.shellcheck.path.`,
                );
            } else if (result.error?.kind === 'timeout' || result.error?.kind === 'failed') {
                this.log(`ShellCheck on ${uri}: ${result.error.message}`);
            }
            return result.error ? undefined : result.diagnostics;
        } finally {
            if (this.inFlight.get(uri) === controller) {
                this.inFlight.delete(uri);
            }
        }
    }

    /** A new edit or a close: the batch for the old text is of no use any more. */
    cancel(uri: string): void {
        this.inFlight.get(uri)?.abort();
        this.inFlight.delete(uri);
    }

    dispose(): void {
        for (const uri of [...this.inFlight.keys()]) {
            this.cancel(uri);
        }
    }

    private once(key: string, message: string): void {
        if (!this.reported.has(key)) {
            this.reported.add(key);
            this.log(message);
        }
    }
}
