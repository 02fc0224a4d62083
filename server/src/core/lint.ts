import type { Range } from 'vscode-languageserver-types';
import { effectiveSeverity, idsOf, type LintConfig } from './config';
import { withAstMemo } from './astMemo';
import { buildModel, type DockerfileModel } from './model';
import { experimentalOn, fileSuppressed, pragmasOf } from './pragmas';
import { RULES } from './rules';
import { instructionLineAt, suppressions } from './suppress';
import type { Fix, Rule, Severity } from './types';

export interface LintDiagnostic {
    ruleId: string;
    severity: Severity;
    range: Range;
    message: string;
    fixes: Fix[];
}

export interface LintResult {
    diagnostics: LintDiagnostic[];
    /** Rules that threw: the rest of the file is still linted. */
    failures: { ruleId: string; error: string }[];
    model: DockerfileModel | undefined;
    /** The file says `# check=error=true`: BuildKit fails the build on any warning, so should CI. */
    checkError: boolean;
}

export function lint(text: string, config: LintConfig = {}, rules: readonly Rule[] = RULES): LintResult {
    return withAstMemo(() => lintWith(text, config, rules));
}

function lintWith(text: string, config: LintConfig, rules: readonly Rule[]): LintResult {
    let model: DockerfileModel;
    try {
        model = buildModel(text);
    } catch (e) {
        // The parser is not expected to throw; if it does, the user still gets a diagnostic.
        const message = `Dockwise could not parse this Dockerfile: ${errorText(e)}`;
        return {
            diagnostics: [
                {
                    ruleId: 'parse-error',
                    severity: 'error',
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                    message,
                    fixes: [],
                },
            ],
            failures: [{ ruleId: 'parse-error', error: errorText(e) }],
            model: undefined,
            checkError: false,
        };
    }
    const suppressed = config.inlineSuppressions === false ? new Map<number, Set<string>>() : suppressions(model);
    const pragmas = pragmasOf(model);
    const checkError = pragmas.check?.error === true;
    const diagnostics: LintDiagnostic[] = [];
    const failures: LintResult['failures'] = [];
    for (const rule of rules) {
        let severity = effectiveSeverity(rule, config);
        if (severity === 'off' && rule.offByDefault && experimentalOn(pragmas, rule)) {
            // `# check=experimental=Name` turns the check on for this file, unless a setting turned it off.
            severity = effectiveSeverity(rule, { ...config, allRules: true });
        }
        if (severity === 'off') {
            continue;
        }
        let findings;
        try {
            findings = rule.check({ model, options: config.ruleOptions?.[rule.id] ?? {} });
        } catch (e) {
            failures.push({ ruleId: rule.id, error: errorText(e) });
            continue;
        }
        const ids = idsOf(rule);
        // `# check=error=true`: BuildKit fails the build on any of its checks, so they are errors here.
        const reported = checkError && (rule.equivalents.buildkit?.length ?? 0) > 0 ? 'error' : severity;
        for (const f of findings) {
            const line = instructionLineAt(model, f.range.start.line);
            const ignored = line === undefined ? undefined : suppressed.get(line);
            if (ignored && ids.some((id) => ignored.has(id))) {
                continue;
            }
            if (config.inlineSuppressions !== false && fileSuppressed(pragmas, rule, ids, f.range.start.line)) {
                continue;
            }
            diagnostics.push({
                ruleId: rule.id,
                severity: reported,
                range: within(model, f.range),
                message: f.message,
                fixes: (f.fixes ?? []).map((fix) => ({
                    ...fix,
                    edits: fix.edits.map((e) => ({ ...e, range: within(model, e.range) })),
                })),
            });
        }
    }
    diagnostics.sort(
        (a, b) =>
            a.range.start.line - b.range.start.line ||
            a.range.start.character - b.range.start.character ||
            a.ruleId.localeCompare(b.ruleId),
    );
    return { diagnostics, failures, model, checkError };
}

/**
 * The range clamped to the text: dockerfile-utils reports an empty continuation line at the end of
 * the file as ending past the last line (found by `npm run fuzz`). No range leaves the file.
 */
function within(model: DockerfileModel, range: Range): Range {
    return model.rangeOf(model.offsetAt(range.start), model.offsetAt(range.end));
}

function errorText(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}
