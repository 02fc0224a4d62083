import { severityAtLeast } from '../core/config';
import { equivalentsText, ruleDocsUrl, ruleMarkdown } from '../core/docs';
import { lint, type LintDiagnostic } from '../core/lint';
import { withDockerignore } from '../core/projectConfig';
import { RULES } from '../core/rules';
import type { Rule, Severity } from '../core/types';
import { HELP, type LintOptions, parseArgs, type Threshold } from './args';
import { buildLintConfig, ruleIndex } from './config';
import { CliError, didYouMean, errorText } from './errors';
import { findFiles, readSources } from './files';
import { formatCheckstyle } from './format/checkstyle';
import { formatJson } from './format/json';
import type { Report } from './format/report';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { HadolintConfigs, readDockerignore, readGivenConfig } from './projectFiles';
import { CATEGORY_LABEL, defaultText, equivalentsJson, hasFix, rulesByCategory } from './ruleFacts';
import { type CliShellCheck, cliShellCheck, type ShellCheckFile } from './shellcheck';

export interface CliIo {
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    stdoutIsTTY: boolean;
    readStdin: () => string;
    version: string;
}

/** What a run produced; nothing is written until the whole run has succeeded. */
export interface CliOutcome {
    exitCode: number;
    stdout: string;
    /** Lines for stderr (warnings, or the one error line of an exit 2). */
    stderr: string[];
    /** `--output`: the report goes to this file instead of stdout. */
    outputFile?: string;
}

const FORMATTERS = { stylish: formatStylish, json: formatJson, sarif: formatSarif, checkstyle: formatCheckstyle };

/** Runs a command synchronously; `--shellcheck` (child processes) needs `runCliAsync`. */
export function runCli(argv: readonly string[], io: CliIo, rules: readonly Rule[] = RULES): CliOutcome {
    try {
        return dispatch(argv, io, rules, undefined) as CliOutcome;
    } catch (e) {
        return failure(e);
    }
}

/** What `dockwise` runs (main.ts): like `runCli`, and `--shellcheck` waits for ShellCheck. */
export async function runCliAsync(
    argv: readonly string[],
    io: CliIo,
    rules: readonly Rule[] = RULES,
    shellcheck: CliShellCheck = cliShellCheck(),
): Promise<CliOutcome> {
    try {
        return await dispatch(argv, io, rules, shellcheck);
    } catch (e) {
        return failure(e);
    }
}

function dispatch(
    argv: readonly string[],
    io: CliIo,
    rules: readonly Rule[],
    shellcheck: CliShellCheck | undefined,
): CliOutcome | Promise<CliOutcome> {
    const invocation = parseArgs(argv);
    switch (invocation.command) {
        case 'help':
            return { exitCode: 0, stdout: HELP, stderr: [] };
        case 'version':
            return { exitCode: 0, stdout: `${io.version}\n`, stderr: [] };
        case 'rules':
            return { exitCode: 0, stdout: invocation.json ? rulesJson(rules) : rulesTable(rules), stderr: [] };
        case 'docs':
            return { exitCode: 0, stdout: docs(invocation.rule, rules), stderr: [] };
        case 'lint':
            return runLint(invocation.options, io, rules, shellcheck);
    }
}

function failure(e: unknown): CliOutcome {
    if (e instanceof CliError) {
        return { exitCode: 2, stdout: '', stderr: [`dockwise: ${e.message}`] };
    }
    return { exitCode: 2, stdout: '', stderr: [`dockwise: internal error: ${errorText(e)}`] };
}

function runLint(
    options: LintOptions,
    io: CliIo,
    rules: readonly Rule[],
    shellcheck: CliShellCheck | undefined,
): CliOutcome | Promise<CliOutcome> {
    if (options.shellcheck && !shellcheck) {
        throw new CliError('--shellcheck runs child processes: use runCliAsync');
    }
    // Everything that can fail on bad input is checked before a single file is linted.
    const given = options.configFile === undefined ? undefined : readGivenConfig(options.configFile, rules);
    const file = given?.kind === 'dockwise' ? given.file : undefined;
    buildLintConfig(options, file, rules); // Checks --rule ids before any file is read.
    const sources = readSources(findFiles(options.paths, io.cwd), io.readStdin, options.stdinFilename);
    // `--config` with a hadolint file replaces the search, as in hadolint.
    const found = new HadolintConfigs(io.cwd, io.env);
    const hadolintFor = (source: (typeof sources)[number]) =>
        given?.kind === 'hadolint'
            ? given.found
            : options.hadolintConfig
              ? found.for(source, options.stdinFilename)
              : undefined;
    const plans = sources.map((source) => {
        const hadolint = hadolintFor(source);
        const config = buildLintConfig(options, file, rules, hadolint?.parsed.config);
        return {
            source,
            config: withDockerignore(config, readDockerignore(source, io.cwd, options.stdinFilename)),
            threshold: options.thresholdGiven
                ? options.threshold
                : (hadolint?.parsed.failureThreshold ?? options.threshold),
        };
    });
    const configs = given?.kind === 'hadolint' ? [given.found] : found.used;
    const warnings = configs.flatMap((c) => c.parsed.warnings.map((w) => `dockwise: warning: ${c.path}: ${w}`));
    const report: Report = {
        files: [],
        rules,
        failures: [],
        cwd: io.cwd,
        version: io.version,
        color: options.color ?? (options.output === undefined && io.stdoutIsTTY && !io.env.NO_COLOR),
    };
    const checked: ShellCheckFile[] = [];
    for (const { source, config } of plans) {
        const result = lint(source.text, config, rules);
        report.files.push({ source, diagnostics: result.diagnostics });
        for (const f of result.failures) {
            report.failures.push({ file: source.name, ...f });
        }
        checked.push({ name: source.name, model: options.shellcheck ? result.model : undefined, config });
    }
    if (options.shellcheck) {
        return shellcheck!(checked).then(({ findings, warnings: more }) => {
            report.files.forEach((f, i) => f.diagnostics.push(...findings[i]!));
            report.files.forEach((f) => f.diagnostics.sort(byPosition));
            return finishLint(options, report, plans, [...warnings, ...more]);
        });
    }
    return finishLint(options, report, plans, warnings);
}

function byPosition(a: LintDiagnostic, b: LintDiagnostic): number {
    return (
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.ruleId.localeCompare(b.ruleId)
    );
}

function finishLint(
    options: LintOptions,
    report: Report,
    plans: readonly { threshold: Threshold }[],
    warnings: readonly string[],
): CliOutcome {
    const text = FORMATTERS[options.format](report);
    const failed = report.files.some((f, i) => f.diagnostics.some((d) => reaches(d.severity, plans[i]!.threshold)));
    return {
        exitCode: failed ? 1 : 0,
        stdout: text,
        stderr: [
            ...warnings,
            ...report.failures.map((f) => `dockwise: warning: rule ${f.ruleId} failed on ${f.file}: ${f.error}`),
        ],
        outputFile: options.output,
    };
}

function reaches(severity: Severity, threshold: Threshold): boolean {
    return threshold !== 'none' && severityAtLeast(severity, threshold);
}

/** `dockwise docs DL3025` finds the rule through its equivalents too. */
function docs(id: string, rules: readonly Rule[]): string {
    const matched = rules.find((r) => r.id === id)
        ? rules.filter((r) => r.id === id)
        : ruleIndex(rules).get(id.toLowerCase());
    if (!matched || matched.length === 0) {
        const ids = rules.map((r) => r.id);
        throw new CliError(`unknown rule "${id}"${didYouMean(id, ids)}; "dockwise rules" lists them`);
    }
    return matched.map((r) => ruleMarkdown(r)).join('\n---\n\n');
}

function rulesTable(rules: readonly Rule[]): string {
    const head = ['RULE', 'CATEGORY', 'DEFAULT', 'FIX', 'EQUIVALENTS'];
    const rows = rulesByCategory(rules).map((r) => [
        r.id,
        CATEGORY_LABEL[r.category],
        defaultText(r),
        hasFix(r) ? 'yes' : '',
        equivalentsText(r),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
        cells
            .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
            .join('  ')
            .trimEnd();
    return (
        [line(head), ...rows.map(line)].join('\n') +
        `\n\n${rules.length} rule${rules.length === 1 ? '' : 's'}. "dockwise docs <rule>" explains one.\n`
    );
}

function rulesJson(rules: readonly Rule[]): string {
    const list = rulesByCategory(rules).map((r) => ({
        id: r.id,
        title: r.title,
        category: r.category,
        defaultSeverity: r.defaultSeverity,
        offByDefault: r.offByDefault === true,
        fixable: hasFix(r),
        equivalents: equivalentsJson(r),
        docs: ruleDocsUrl(r.id),
    }));
    return JSON.stringify(list, null, 2) + '\n';
}
