import { type Diagnostic, DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintConfig } from '../core/config';
import { ruleDocsUrl } from '../core/docs';
import type { LintDiagnostic } from '../core/lint';
import { ruleById } from '../core/rules';
import { isShellCheckCode, shellCheckUrl } from '../shellcheck/findings';
import type { ShellCheckService } from '../shellcheck/service';
import type { Severity } from '../core/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../shared/protocol';
import type { DockwiseSettings } from '../shared/settings';
import { isTooLarge, LINT_TIMEOUT_MS, MAX_DOCUMENT_CHARS } from './limits';
import type { LintOutcome, LintRunner } from './lintRunner';
import type { Logger } from './logger';
import { errorText } from './logger';
import { type ProjectConfig, settingsConfig } from './projectFiles';
import type { SettingsStore } from './settingsStore';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

export function lintConfig(settings: DockwiseSettings): LintConfig {
    return settingsConfig(settings);
}

/** A finding as an LSP diagnostic; `data` carries what the code actions need. */
export function toDiagnostic(
    d: LintDiagnostic,
    version: number,
    instructionLine: number | null | undefined,
): Diagnostic {
    const data: DiagnosticData = {
        ruleId: d.ruleId,
        version,
        instructionLine: instructionLine ?? undefined,
        fixes: d.fixes.map((f) => ({ title: f.title, preferred: f.preferred === true, edits: f.edits })),
    };
    return {
        range: d.range,
        severity: SEVERITY[d.severity],
        code: d.ruleId,
        // Only real rules have a page: `parse-error` has none; ShellCheck's codes link to its wiki.
        ...(ruleById(d.ruleId)
            ? { codeDescription: { href: ruleDocsUrl(d.ruleId) } }
            : isShellCheckCode(d.ruleId)
              ? { codeDescription: { href: shellCheckUrl(d.ruleId) } }
              : {}),
        source: DIAGNOSTIC_SOURCE,
        message: d.message,
        data,
    };
}

export interface DocumentSource {
    get(uri: string): TextDocument | undefined;
    all(): TextDocument[];
}

export interface LinterDeps {
    documents: DocumentSource;
    settings: SettingsStore;
    runner: LintRunner;
    publish(params: PublishDiagnosticsParams): void;
    logger: Logger;
    /** The config for a document from the files around it (hadolint config, .dockerignore). */
    configFor?(uri: string, settings: DockwiseSettings): ProjectConfig;
    /** Runs ShellCheck when `dockwise.shellcheck.enable` is on. */
    shellcheck?: ShellCheckService;
}

interface Linted {
    version: number;
    settings: DockwiseSettings;
    /** The config linted with, as JSON: a changed config file or .dockerignore makes a new lint. */
    configKey: string;
    problem: string | undefined;
    outcome: Promise<LintOutcome>;
}

/**
 * Lints open documents and publishes their diagnostics: at once on open, after
 * `dockwise.lint.debounceMs` of quiet on change (at once, for every change, when it is 0), and
 * again for every document when the configuration changes. The outcome for the current version
 * is kept for code actions and hover.
 */
export class DocumentLinter {
    private readonly cache = new Map<string, Linted>();
    private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
    /** The last version each open document was linted or scheduled for. */
    private readonly handled = new Map<string, number>();
    /** Rule failures already written to the log, so a broken rule does not log on every keystroke. */
    private readonly reported = new Set<string>();

    constructor(private readonly deps: LinterDeps) {}

    /** The lint outcome for the document's current text under `settings`, linting it if needed. */
    resultFor(doc: TextDocument, settings: DockwiseSettings): Promise<LintOutcome> {
        const { config, problem } = this.deps.configFor?.(doc.uri, settings) ?? { config: lintConfig(settings) };
        const configKey = JSON.stringify(config);
        const cached = this.cache.get(doc.uri);
        if (cached?.version === doc.version && cached.settings === settings && cached.configKey === configKey) {
            return cached.outcome;
        }
        const shellcheck = settings.shellcheck.enable && this.deps.shellcheck !== undefined;
        const outcome = this.deps.runner.run(doc.getText(), config, shellcheck);
        this.cache.set(doc.uri, { version: doc.version, settings, configKey, problem, outcome });
        void outcome.then((o) => this.logFailures(doc.uri, o));
        return outcome;
    }

    opened(doc: TextDocument): void {
        this.cancel(doc.uri);
        this.handled.set(doc.uri, doc.version);
        void this.lintWhenSettled(doc.uri);
    }

    changed(doc: TextDocument): void {
        if (this.handled.get(doc.uri) === doc.version) {
            return; // The change event that accompanies every open.
        }
        this.handled.set(doc.uri, doc.version);
        this.cancel(doc.uri);
        const settings = this.deps.settings.peek(doc.uri);
        if (settings === undefined) {
            void this.deps.settings.get(doc.uri).then(
                (s) => this.schedule(doc.uri, s),
                () => undefined,
            );
            return;
        }
        this.schedule(doc.uri, settings);
    }

    closed(uri: string): void {
        this.cancel(uri);
        this.cache.delete(uri);
        this.handled.delete(uri);
        this.deps.publish({ uri, diagnostics: [] });
    }

    /** Starts the lint worker before the first file arrives. */
    warmUp(): void {
        this.deps.runner.warmUp();
    }

    /** Settings changed: lint every open document again, now. */
    relintAll(): void {
        for (const doc of this.deps.documents.all()) {
            this.opened(doc);
        }
    }

    dispose(): void {
        for (const uri of [...this.timers.keys()]) {
            this.cancel(uri);
        }
        this.deps.runner.dispose();
        this.deps.shellcheck?.dispose();
    }

    private schedule(uri: string, settings: DockwiseSettings): void {
        const delay = settings.lint.debounceMs;
        if (delay <= 0) {
            void this.lintNow(uri, settings);
            return;
        }
        this.cancel(uri);
        this.timers.set(
            uri,
            setTimeout(() => {
                this.timers.delete(uri);
                void this.lintNow(uri, settings);
            }, delay),
        );
    }

    private async lintWhenSettled(uri: string): Promise<void> {
        const settings = await this.deps.settings.get(uri);
        await this.lintNow(uri, settings);
    }

    /** Lints the document as it is now and publishes the result, unless it was closed meanwhile. */
    private async lintNow(uri: string, settings: DockwiseSettings): Promise<void> {
        const doc = this.deps.documents.get(uri);
        if (!doc) {
            return;
        }
        // The document object is updated in place by later changes: keep what this lint is about.
        const version = doc.version;
        let diagnostics: Diagnostic[];
        try {
            diagnostics = isTooLarge(doc) ? [notice(doc, 'file-too-large')] : await this.diagnosticsOf(doc, settings);
        } catch (e) {
            // The runner never rejects; this is the last line of defence for the adapter itself.
            this.deps.logger.error(`Linting ${uri} failed: ${errorText(e)}`);
            diagnostics = [];
        }
        if (this.deps.documents.get(uri)) {
            this.deps.publish({ uri, version, diagnostics });
            void this.addShellCheck(uri, version, settings, diagnostics);
        }
    }

    /** ShellCheck's findings arrive after Dockwise's: published with them once ready, if the text is unchanged. */
    private async addShellCheck(
        uri: string,
        version: number,
        settings: DockwiseSettings,
        diagnostics: Diagnostic[],
    ): Promise<void> {
        const cached = this.cache.get(uri);
        const service = this.deps.shellcheck;
        if (!service || !settings.shellcheck.enable || cached?.version !== version) {
            return;
        }
        const jobs = (await cached.outcome).shellcheck;
        const doc = this.deps.documents.get(uri);
        if (!jobs || doc?.version !== version) {
            return;
        }
        const config = this.deps.configFor?.(uri, settings).config ?? lintConfig(settings);
        const found = await service.check(uri, doc.getText(), jobs, config, settings.shellcheck.path);
        if (found && found.length > 0 && this.deps.documents.get(uri)?.version === version) {
            const more = found.map((d) => toDiagnostic(d, version, d.instructionLine));
            this.deps.publish({ uri, version, diagnostics: [...diagnostics, ...more] });
        }
    }

    private async diagnosticsOf(doc: TextDocument, settings: DockwiseSettings): Promise<Diagnostic[]> {
        const version = doc.version;
        const outcome = await this.resultFor(doc, settings);
        if (outcome.abandoned) {
            return [notice(doc, outcome.abandoned === 'timeout' ? 'lint-timeout' : 'lint-failed')];
        }
        const problem = this.cache.get(doc.uri)?.problem;
        const diagnostics = outcome.diagnostics.map((d, i) => toDiagnostic(d, version, outcome.instructionLines[i]));
        return problem ? [configProblem(doc, problem), ...diagnostics] : diagnostics;
    }

    private cancel(uri: string): void {
        this.deps.shellcheck?.cancel(uri);
        const timer = this.timers.get(uri);
        if (timer !== undefined) {
            clearTimeout(timer);
            this.timers.delete(uri);
        }
    }

    private logFailures(uri: string, outcome: LintOutcome): void {
        for (const f of outcome.failures) {
            const key = `${f.ruleId}\n${f.error}`;
            if (this.reported.has(key)) {
                continue;
            }
            if (this.reported.size > 1000) {
                this.reported.clear();
            }
            this.reported.add(key);
            this.deps.logger.warn(`Rule ${f.ruleId} failed on ${uri} and was skipped: ${f.error}`);
        }
    }
}

/** The hadolint config is broken: said on the first line, since it changes what is reported here. */
function configProblem(doc: TextDocument, message: string): Diagnostic {
    const end = doc.positionAt(doc.getText().search(/\r?\n|$/));
    return {
        range: { start: { line: 0, character: 0 }, end },
        severity: DiagnosticSeverity.Warning,
        code: 'hadolint-config',
        source: DIAGNOSTIC_SOURCE,
        message,
    };
}

/** Why a file has no findings: Dockwise did not (fully) lint it. Information, not a problem in the file. */
function notice(doc: TextDocument, code: 'file-too-large' | 'lint-timeout' | 'lint-failed'): Diagnostic {
    const size = doc.offsetAt({ line: doc.lineCount, character: 0 });
    const message = {
        'file-too-large': `Dockwise does not lint files over ${MAX_DOCUMENT_CHARS / 1_000_000} MB (this one has ${(size / 1_000_000).toFixed(1)} MB).`,
        'lint-timeout': `Dockwise stopped linting this file: it took longer than ${LINT_TIMEOUT_MS / 1000} s. The output (Dockwise: Show Output) has details.`,
        'lint-failed':
            'Dockwise could not lint this file: the linter failed. The output (Dockwise: Show Output) has the error.',
    }[code];
    return {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        code,
        source: DIAGNOSTIC_SOURCE,
        message,
    };
}
