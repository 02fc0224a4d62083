import type { LintDiagnostic } from '../../core/lint';
import type { Rule } from '../../core/types';
import type { Source } from '../files';

/** Everything a formatter needs, collected before anything is written. */
export interface Report {
    files: { source: Source; diagnostics: LintDiagnostic[] }[];
    /** The rule table of the run (SARIF lists every rule, not only those that fired). */
    rules: readonly Rule[];
    /** Rules that threw on a file: the rest of the file was still linted. */
    failures: { file: string; ruleId: string; error: string }[];
    cwd: string;
    version: string;
    color: boolean;
}

/** 1-based line and column; the end column points just after the last character (exclusive), as in ESLint and SARIF. */
export interface Span {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

export function span(range: LintDiagnostic['range']): Span {
    return {
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
    };
}
