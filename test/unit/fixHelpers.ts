import assert from 'node:assert/strict';
import { lint, type LintDiagnostic } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import type { Fix } from '../../server/src/core/types';
import { applyFix, findings } from './helpers';

/** Every rule's findings, keyed `ruleId: message` with a count, so line shifts do not matter. */
function census(text: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const d of lint(text, { allRules: true }, RULES).diagnostics) {
        const key = `${d.ruleId}: ${d.message}`;
        out.set(key, (out.get(key) ?? 0) + 1);
    }
    return out;
}

/**
 * Applies one fix of the rule's `index`-th finding (the fix titled `title`, else the preferred
 * one), re-lints with every rule and checks that this finding is gone and no new one appeared.
 * Returns the fixed text.
 */
export function fixAndRelint(ruleId: string, text: string, options: { title?: string; index?: number } = {}): string {
    const found = findings(ruleId, text);
    const finding: LintDiagnostic | undefined = found[options.index ?? 0];
    assert.ok(finding, `${ruleId} has a finding to fix`);
    const fix: Fix | undefined =
        options.title === undefined
            ? finding.fixes.find((f) => f.preferred)
            : finding.fixes.find((f) => f.title === options.title);
    assert.ok(fix, `fix ${options.title ?? '(preferred)'} among ${finding.fixes.map((f) => f.title).join(', ')}`);
    const fixed = applyFix(text, fix);
    const before = census(text);
    const after = census(fixed);
    const key = `${ruleId}: ${finding.message}`;
    assert.equal(after.get(key) ?? 0, (before.get(key) ?? 0) - 1, `the finding is gone:\n${fixed}`);
    for (const [k, n] of after) {
        assert.ok(n <= (before.get(k) ?? 0), `the fix adds no finding, got ${k}:\n${fixed}`);
    }
    return fixed;
}

/** Titles of the fixes offered for the rule's `index`-th finding, preferred ones marked `*`. */
export function fixTitles(ruleId: string, text: string, index = 0): string[] {
    const finding = findings(ruleId, text)[index];
    assert.ok(finding, `${ruleId} has a finding`);
    return finding.fixes.map((f) => (f.preferred ? `${f.title}*` : f.title));
}
