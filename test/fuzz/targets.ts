// The pure fuzz targets: the lint core with every rule on, every fix its findings offer (applied and
// re-linted), the fix-all and ignore code actions, and the CLI formatters. Each returns the problems
// it saw as text; an empty list is a pass. Nothing here throws for a bad input.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { formatCheckstyle } from '../../server/src/cli/format/checkstyle';
import { formatJson } from '../../server/src/cli/format/json';
import type { Report } from '../../server/src/cli/format/report';
import { formatSarif } from '../../server/src/cli/format/sarif';
import { formatStylish } from '../../server/src/cli/format/stylish';
import type { LintConfig } from '../../server/src/core/config';
import { lint, type LintResult } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import { instructionLineAt } from '../../server/src/core/suppress';
import { computeCodeActions } from '../../server/src/features/codeActions';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import type { Rng } from './generate';

export const ALL_RULES: LintConfig = { allRules: true };

export function errorText(e: unknown): string {
    return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Lints with every rule on; a throw or a rule failure is a problem. */
export function lintAll(text: string, what: string, problems: string[]): LintResult | undefined {
    try {
        const result = lint(text, ALL_RULES);
        for (const f of result.failures) {
            problems.push(`${what}: rule ${f.ruleId} threw: ${f.error}`);
        }
        return result;
    } catch (e) {
        problems.push(`${what}: lint threw: ${errorText(e)}`);
        return undefined;
    }
}

function rangeProblem(doc: TextDocument, range: Range): string | undefined {
    const { start, end } = range;
    const ok = (p: Range['start']) =>
        Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
    if (!ok(start) || !ok(end)) {
        return `malformed range ${JSON.stringify(range)}`;
    }
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
        return `range ends before it starts ${JSON.stringify(range)}`;
    }
    if (end.line >= doc.lineCount) {
        return `range past the last line (${doc.lineCount} lines) ${JSON.stringify(range)}`;
    }
    return undefined;
}

function apply(doc: TextDocument, edits: Parameters<typeof TextDocument.applyEdits>[1]): string {
    return TextDocument.applyEdits(doc, edits);
}

/**
 * Lints `text`, checks each finding's range, applies every fix its findings offer, builds the
 * fix-all and ignore code actions, then re-lints one of the results (a random fix, the fix-all or an
 * ignore comment). Returns the problems.
 */
export async function fuzzCore(text: string, r: Rng): Promise<string[]> {
    const problems: string[] = [];
    const result = lintAll(text, 'lint', problems);
    if (!result) {
        return problems;
    }
    const doc = TextDocument.create('file:///fuzz/Dockerfile', 'dockerfile', 1, text);
    const fixed: { label: string; text: string }[] = [];
    for (const d of result.diagnostics) {
        const bad = rangeProblem(doc, d.range);
        if (bad) {
            problems.push(`${d.ruleId}: finding has a ${bad}`);
        }
        for (const fix of d.fixes) {
            for (const e of fix.edits) {
                const badEdit = rangeProblem(doc, e.range);
                if (badEdit) {
                    problems.push(`${d.ruleId}: fix "${fix.title}" has an edit with a ${badEdit}`);
                }
            }
            try {
                const out = apply(doc, fix.edits);
                if (fixed.length === 0 || r.chance(1 / (fixed.length + 1))) {
                    fixed.splice(0, 1, { label: `${d.ruleId} fix "${fix.title}"`, text: out });
                }
            } catch (e) {
                problems.push(`${d.ruleId}: fix "${fix.title}" cannot be applied: ${errorText(e)}`);
            }
        }
    }
    // The server's code actions over the same findings: fix-all, and ignore comments.
    const diagnostics = result.diagnostics.map((d) =>
        toDiagnostic(
            d,
            doc.version,
            result.model ? (instructionLineAt(result.model, d.range.start.line) ?? null) : null,
        ),
    );
    try {
        const actions = await computeCodeActions({
            params: {
                textDocument: { uri: doc.uri },
                range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } },
                context: { diagnostics },
            },
            doc,
            settings: DEFAULT_SETTINGS,
            findings: () => Promise.resolve(result.diagnostics),
            documentChanges: false,
        });
        const fixAll = actions.find((a) => a.kind === FIX_ALL_KIND);
        const ignores = actions.filter((a) => a.title.startsWith('Ignore '));
        for (const [label, action] of [
            ['fix-all', fixAll],
            ['ignore comment', ignores.length > 0 ? r.pick(ignores) : undefined],
        ] as const) {
            const edits = action?.edit?.changes?.[doc.uri];
            if (edits) {
                fixed.push({ label: `${label} "${action.title}"`, text: apply(doc, edits) });
            }
        }
    } catch (e) {
        problems.push(`code actions threw: ${errorText(e)}`);
    }
    // One re-lint per input keeps a 100k campaign within the hour; which one is the seed's choice.
    // Not for the huge inputs (1 MB lines, 50k lines): their fixes are applied above, a re-lint doubles seconds.
    if (fixed.length > 0 && text.length <= 200_000) {
        const f = r.pick(fixed);
        lintAll(f.text, `re-lint after ${f.label}`, problems);
    }
    problems.push(...formatters(text, result));
    return problems;
}

/** Every CLI formatter over the findings; JSON and SARIF must parse, checkstyle must be XML 1.0 text. */
export function formatters(text: string, result: LintResult, name = 'fuzz/Dockerfile'): string[] {
    const problems: string[] = [];
    const report: Report = {
        files: [{ source: { name, absolute: undefined, text }, diagnostics: result.diagnostics }],
        // Only the rules that fired: SARIF describes every rule of the table (their docs are static
        // and cost more than the lint); the fuzzed part is the findings.
        rules: RULES.filter((r) => result.diagnostics.some((d) => d.ruleId === r.id)),
        failures: result.failures.map((f) => ({ file: name, ...f })),
        cwd: '/work',
        version: '0.0.0',
        color: true,
    };
    const run = (format: string, f: (r: Report) => string, check?: (out: string) => void) => {
        try {
            const out = f(report);
            check?.(out);
        } catch (e) {
            problems.push(`formatter ${format}: ${errorText(e)}`);
        }
    };
    run('stylish', formatStylish);
    run('json', formatJson, (out) => JSON.parse(out));
    run('sarif', formatSarif, (out) => JSON.parse(out));
    run('checkstyle', formatCheckstyle, (out) => {
        const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(out);
        if (bad) {
            throw new Error(`XML 1.0 cannot carry U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
        }
    });
    return problems;
}
