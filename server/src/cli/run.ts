import { severityAtLeast } from '../core/config';
import { equivalentsText, ruleDocsUrl, ruleMarkdown } from '../core/docs';
import { lint } from '../core/lint';
import { RULES } from '../core/rules';
import type { Rule, Severity } from '../core/types';
import { HELP, type LintOptions, parseArgs, type Threshold } from './args';
import { buildLintConfig, readConfigFile, ruleIndex } from './config';
import { CliError, didYouMean, errorText } from './errors';
import { findFiles, readSources } from './files';
import { formatCheckstyle } from './format/checkstyle';
import { formatJson } from './format/json';
import type { Report } from './format/report';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { CATEGORY_LABEL, defaultText, equivalentsJson, hasFix, rulesByCategory } from './ruleFacts';

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

export function runCli(argv: readonly string[], io: CliIo, rules: readonly Rule[] = RULES): CliOutcome {
    try {
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
                return runLint(invocation.options, io, rules);
        }
    } catch (e) {
        if (e instanceof CliError) {
            return { exitCode: 2, stdout: '', stderr: [`dockwise: ${e.message}`] };
        }
        return { exitCode: 2, stdout: '', stderr: [`dockwise: internal error: ${errorText(e)}`] };
    }
}

function runLint(options: LintOptions, io: CliIo, rules: readonly Rule[]): CliOutcome {
    // Everything that can fail on bad input is checked before a single file is linted.
    const file = options.configFile === undefined ? undefined : readConfigFile(options.configFile, rules);
    const config = buildLintConfig(options, file, rules);
    const sources = readSources(findFiles(options.paths, io.cwd), io.readStdin, options.stdinFilename);
    const report: Report = {
        files: [],
        rules,
        failures: [],
        cwd: io.cwd,
        version: io.version,
        color: options.color ?? (options.output === undefined && io.stdoutIsTTY && !io.env.NO_COLOR),
    };
    for (const source of sources) {
        const result = lint(source.text, config, rules);
        report.files.push({ source, diagnostics: result.diagnostics });
        for (const f of result.failures) {
            report.failures.push({ file: source.name, ...f });
        }
    }
    const text = FORMATTERS[options.format](report);
    const failed = report.files.some((f) => f.diagnostics.some((d) => reaches(d.severity, options.threshold)));
    return {
        exitCode: failed ? 1 : 0,
        stdout: text,
        stderr: report.failures.map((f) => `dockwise: warning: rule ${f.ruleId} failed on ${f.file}: ${f.error}`),
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
