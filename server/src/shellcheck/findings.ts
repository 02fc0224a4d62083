import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { LintConfig } from '../core/config';
import type { LintDiagnostic } from '../core/lint';
import type { Fix, Severity } from '../core/types';
import { EXCLUDED_CODES, type ShellCheckJob } from './jobs';

/**
 * ShellCheck's `--format=json1` output for one job turned into Dockwise findings: positions mapped
 * from the script back into the Dockerfile, `SC2086`-style codes, severities from ShellCheck's
 * levels unless a setting or config file sets one, ignore comments honoured. Pure.
 */

interface Json1Replacement {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    replacement: string;
}

interface Json1Comment {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    level: string;
    code: number;
    message: string;
    fix?: { replacements?: Json1Replacement[] } | null;
}

/** A ShellCheck finding, with the first line of its RUN (where an ignore comment goes). */
export interface ShellCheckFinding extends LintDiagnostic {
    instructionLine: number;
}

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

export function shellCheckUrl(code: string): string {
    return `https://www.shellcheck.net/wiki/${code}`;
}

/** Whether a finding's id is a ShellCheck code (`SC2086`). */
export function isShellCheckCode(id: string): boolean {
    return /^SC\d{4}$/.test(id);
}

/** Maps a 1-based line and column of ShellCheck's input to an index into the job's script. */
function scriptIndex(job: ShellCheckJob, lineStarts: number[], line: number, column: number): number | undefined {
    const l = line - 1 - job.prefixLines;
    if (l < 0) {
        return undefined; // In the `export` lines Dockwise added.
    }
    const script = job.input.slice(job.input.length - (job.offsets.length - 1));
    if (l >= lineStarts.length) {
        return script.length;
    }
    // ShellCheck counts columns in code points (tabs as one): step over surrogate pairs.
    let i = lineStarts[l]!;
    for (let c = 1; c < column && i < script.length && script[i] !== '\n'; c++) {
        i += script.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    return i;
}

function lineStartsOf(job: ShellCheckJob): number[] {
    const script = job.input.slice(job.input.length - (job.offsets.length - 1));
    const starts = [0];
    for (let i = 0; i < script.length; i++) {
        if (script[i] === '\n') {
            starts.push(i + 1);
        }
    }
    return starts;
}

/** The severity settings give a code (`SC2086` or `sc2086`), if any. */
function configured(config: LintConfig, code: string): string | undefined {
    const rules = config.rules ?? {};
    const key = Object.keys(rules).find((k) => k.toLowerCase() === code.toLowerCase());
    return key === undefined ? undefined : rules[key];
}

export function shellCheckFindings(
    output: unknown,
    job: ShellCheckJob,
    positionAt: (offset: number) => Position,
    config: LintConfig = {},
): ShellCheckFinding[] {
    const comments = (output as { comments?: unknown } | null)?.comments;
    if (!Array.isArray(comments)) {
        return [];
    }
    const lineStarts = lineStartsOf(job);
    const offsets = job.offsets;
    const last = offsets.length - 1;
    const docRange = (a: number, b: number): Range => {
        const start = offsets[Math.min(a, last)]!;
        const end = b > a ? offsets[Math.min(b, last) - 1]! + 1 : start;
        return { start: positionAt(start), end: positionAt(end) };
    };
    const out: ShellCheckFinding[] = [];
    for (const c of comments as Json1Comment[]) {
        if (typeof c?.code !== 'number' || typeof c.message !== 'string') {
            continue;
        }
        const code = `SC${c.code}`;
        if (EXCLUDED_CODES.includes(code) || job.ignored.includes(code.toLowerCase())) {
            continue;
        }
        const setting = configured(config, code);
        const severity = setting ?? LEVELS[c.level] ?? 'warning';
        if (severity === 'off') {
            continue;
        }
        const a = scriptIndex(job, lineStarts, c.line, c.column);
        const b = scriptIndex(job, lineStarts, c.endLine, c.endColumn);
        if (a === undefined) {
            continue;
        }
        // A zero-width finding gets one character, so that the editor can show it.
        const end = b !== undefined && b > a ? b : Math.min(a + 1, last);
        out.push({
            ruleId: code,
            severity: severity as Severity,
            range: docRange(a, Math.max(end, a)),
            message: c.message,
            fixes: fixOf(c, job, lineStarts, positionAt),
            instructionLine: job.instructionLine,
        });
    }
    return out;
}

/**
 * ShellCheck's own fix (quotes around `$1`, `|| exit` after `cd`, …) as edits, when every
 * replacement falls on text that is contiguous in the document (not across a line continuation).
 */
function fixOf(
    c: Json1Comment,
    job: ShellCheckJob,
    lineStarts: number[],
    positionAt: (offset: number) => Position,
): Fix[] {
    const replacements = c.fix?.replacements;
    if (!Array.isArray(replacements) || replacements.length === 0) {
        return [];
    }
    const offsets = job.offsets;
    const edits: TextEdit[] = [];
    for (const r of replacements) {
        const a = scriptIndex(job, lineStarts, r.line, r.column);
        const b = scriptIndex(job, lineStarts, r.endLine, r.endColumn);
        if (a === undefined || b === undefined || b < a || typeof r.replacement !== 'string') {
            return [];
        }
        // The characters around and inside the span must sit side by side in the document too.
        const from = Math.max(a - 1, 0);
        const to = Math.min(b, offsets.length - 1);
        for (let i = from; i < to; i++) {
            if (offsets[i + 1]! - offsets[i]! !== 1) {
                return [];
            }
        }
        const start = offsets[a]!;
        const end = start + (b - a);
        edits.push({ range: { start: positionAt(start), end: positionAt(end) }, newText: r.replacement });
    }
    return [{ title: `Apply ShellCheck's fix for SC${c.code}`, edits }];
}
