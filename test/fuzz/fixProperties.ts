// Properties every quick fix must have (docs/fuzzing.md): applied and re-linted with every rule on,
// it removes its finding, brings no new error, and is not offered again where it wrote (applying
// it twice changes nothing). Fix-all (every preferred fix at once) settles after one round.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { lint, type LintDiagnostic } from '../../server/src/core/lint';
import { fixAllEdits } from '../../server/src/features/codeActions';

const ALL = { allRules: true };

const key = (d: LintDiagnostic) => `${d.ruleId}: ${d.message}`;

/** Findings counted by `by` (rule and message, or rule alone), line numbers left out. */
function census(
    diagnostics: LintDiagnostic[],
    only: (d: LintDiagnostic) => boolean = () => true,
    by: (d: LintDiagnostic) => string = key,
): Map<string, number> {
    const out = new Map<string, number>();
    for (const d of diagnostics.filter(only)) {
        out.set(by(d), (out.get(by(d)) ?? 0) + 1);
    }
    return out;
}

/** Errors per rule: a message may quote what the fix changed (`ADD` → `COPY`), the problem being the same. */
const errors = (diagnostics: LintDiagnostic[]) =>
    census(
        diagnostics,
        (d) => d.severity === 'error',
        (d) => d.ruleId,
    );

/** Offsets (in the fixed text) of what each edit wrote. */
function writtenRegions(doc: TextDocument, edits: TextEdit[]): [number, number][] {
    const sorted = [...edits].sort((a, b) => doc.offsetAt(a.range.start) - doc.offsetAt(b.range.start));
    let shift = 0;
    return sorted.map((e) => {
        const start = doc.offsetAt(e.range.start) + shift;
        shift += e.newText.length - (doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start));
        return [start, start + e.newText.length];
    });
}

export interface Violation {
    ruleId: string;
    fix: string;
    property: 'finding stays' | 'new error' | 'new finding' | 'offered again' | 'fix-all does not settle';
    detail: string;
    text: string;
}

/** Findings per rule, any severity. */
const perRule = (diagnostics: LintDiagnostic[]) =>
    census(
        diagnostics,
        () => true,
        (d) => d.ruleId,
    );

/**
 * A fix may leave a finding of another rule only when its title says so (names the rule, or says what
 * it `leaves`): the user then knows before applying it.
 */
export function titleAdmits(title: string, ruleId: string): boolean {
    return title.includes(ruleId) || /\bleaves?\b/i.test(title);
}

/** Checks every fix of every finding of `text` (or of the rules in `only`). */
export function checkFixes(text: string, only?: ReadonlySet<string>): Violation[] {
    const out: Violation[] = [];
    const before = lint(text, ALL).diagnostics;
    const beforeAll = census(before);
    const beforeErrors = errors(before);
    const beforeRules = perRule(before.filter((x) => x.severity !== 'error'));
    const doc = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
    for (const d of before) {
        if (only && !only.has(d.ruleId)) {
            continue;
        }
        for (const fix of d.fixes) {
            const fixed = TextDocument.applyEdits(doc, fix.edits);
            const v = (property: Violation['property'], detail: string) =>
                out.push({ ruleId: d.ruleId, fix: fix.title, property, detail, text });
            if (fixed === text) {
                continue; // A fix that changes nothing here cannot remove anything (reported below if offered again).
            }
            const after = lint(fixed, ALL).diagnostics;
            const afterAll = census(after);
            if ((afterAll.get(key(d)) ?? 0) >= (beforeAll.get(key(d)) ?? 0)) {
                v('finding stays', `${key(d)}\n--- fixed:\n${fixed}`);
            }
            // A fix that changes how its instruction parses (a keyword made known, an argument count or
            // a JSON form corrected) gets its arguments checked for the first time: errors it reveals there
            // were there before, not brought by the fix.
            // The escape character and a new FROM change how the rest of the file parses.
            const fileWide =
                d.ruleId === 'escape-directive' || fix.edits.some((e) => /^(?:from|as)$/i.test(e.newText.trim()));
            const span = fileWide
                ? ([0, Infinity] as [number, number])
                : REVEALING.has(d.ruleId)
                  ? instructionSpan(text, d.range.start.line)
                  : undefined;
            const revealed = (x: LintDiagnostic) =>
                span !== undefined && x.range.start.line >= span[0] && x.range.start.line <= span[1];
            const kept = after.filter((x) => !revealed(x));
            for (const [k, n] of errors(kept)) {
                if (n > (beforeErrors.get(k) ?? 0)) {
                    v('new error', `${k}\n--- fixed:\n${fixed}`);
                }
            }
            // No new finding of any rule at any severity (errors are reported above).
            for (const [k, n] of perRule(kept.filter((x) => x.severity !== 'error'))) {
                if (n > (beforeRules.get(k) ?? 0) && !titleAdmits(fix.title, k)) {
                    v('new finding', `${k}\n--- fixed:\n${fixed}`);
                }
            }
            const regions = writtenRegions(doc, fix.edits);
            const fixedDoc = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, fixed);
            const again = after.find(
                (x) =>
                    x.ruleId === d.ruleId &&
                    x.fixes.some(
                        (f) => f.title === fix.title && TextDocument.applyEdits(fixedDoc, f.edits) !== fixed,
                    ) &&
                    regions.some(
                        ([s, e]) => fixedDoc.offsetAt(x.range.start) <= e && s <= fixedDoc.offsetAt(x.range.end),
                    ),
            );
            if (again) {
                v('offered again', `${key(again)} at ${JSON.stringify(again.range)}\n--- fixed:\n${fixed}`);
            }
        }
    }
    return out;
}

/** Fix-all as the server does it (the preferred fixes of findings `only` keeps), applied. */
export function fixAll(text: string, only: (d: LintDiagnostic) => boolean = () => true): string {
    const { edits } = fixAllEdits(lint(text, ALL).diagnostics.filter(only));
    return TextDocument.applyEdits(TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text), edits);
}

const REVEALING = new Set([
    'copy-destination',
    'empty-continuation-line',
    'escape-directive',
    'invalid-flag',
    'unknown-instruction',
    'instruction-arguments',
    'json-single-quotes',
    'volume-json-single-quotes',
    'copy-not-add',
]);

/** First and last line of the instruction holding `line`. */
function instructionSpan(text: string, line: number): [number, number] | undefined {
    const inst = lint(text, {}, []).model?.instructions.find(
        (i) => i.range.start.line <= line && line <= i.range.end.line,
    );
    return inst && [inst.range.start.line, inst.range.end.line];
}

/** `text` after each round of only the fixes that change how instructions parse: the errors they show were hidden, not new. */
function revealingRounds(text: string, rounds: number): string[] {
    const out: string[] = [];
    let current = text;
    for (let i = 0; i < rounds; i++) {
        const next = fixAll(current, (d) => REVEALING.has(d.ruleId));
        if (next === current) {
            break;
        }
        out.push((current = next));
    }
    return out;
}

/** Fix-all brings no new error and settles: a few rounds at most (fixes held back by overlaps come next). */
export function checkFixAll(text: string, rounds = 12): Violation[] {
    const errorsOf = (t: string) => errors(lint(t, ALL).diagnostics);
    const start = errorsOf(text);
    for (const revealed of revealingRounds(text, rounds)) {
        for (const [k, n] of errorsOf(revealed)) {
            start.set(k, Math.max(n, start.get(k) ?? 0));
        }
    }
    let current = text;
    for (let i = 0; i < rounds; i++) {
        const next = fixAll(current);
        if (next === current) {
            return [];
        }
        for (const [k, n] of errorsOf(next)) {
            if (n > (start.get(k) ?? 0)) {
                return [
                    {
                        ruleId: k.split(':')[0]!,
                        fix: 'fix-all',
                        property: 'new error',
                        detail: `${k}\n--- fixed:\n${next}`,
                        text,
                    },
                ];
            }
        }
        current = next;
    }
    return [{ ruleId: '*', fix: 'fix-all', property: 'fix-all does not settle', detail: current, text }];
}
