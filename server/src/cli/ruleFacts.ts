import { lint } from '../core/lint';
import type { Category, Equivalents, Rule } from '../core/types';

/** Short labels for tables: the six practices first, numbered as in the study guide. */
export const CATEGORY_LABEL: Record<Category, string> = {
    'one-process': '1 · One process',
    ports: '2 · Ports',
    persistence: '3 · Persistent data',
    configuration: '4 · Configuration',
    logging: '5 · Logs',
    foreground: '6 · Foreground, PID 1',
    syntax: 'Syntax',
    correctness: 'Correctness',
    security: 'Security',
    maintainability: 'Maintainability',
    efficiency: 'Efficiency',
};

/** Category order of docs and tables (the key order above). */
export const CATEGORY_ORDER = Object.keys(CATEGORY_LABEL) as Category[];

const fixCache = new Map<Rule, boolean>();

/**
 * Whether the rule offers a fix, detected by running it on its own bad example: no flag on the
 * rule to keep in sync. (A rule that fixes only some cases should show one in its example.)
 */
export function hasFix(rule: Rule): boolean {
    let fixable = fixCache.get(rule);
    if (fixable === undefined) {
        const result = lint(rule.docs.bad, { rules: { [rule.id]: rule.defaultSeverity } }, [rule]);
        fixable = result.diagnostics.some((d) => d.fixes.length > 0);
        fixCache.set(rule, fixable);
    }
    return fixable;
}

/** The default as users read it: `warning`, or `off (warning)` for rules off by default. */
export function defaultText(rule: Rule): string {
    return rule.offByDefault ? `off (${rule.defaultSeverity})` : rule.defaultSeverity;
}

/** The equivalents as plain JSON (empty lists dropped), for reports. */
export function equivalentsJson(rule: Rule | undefined): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const e: Equivalents = rule?.equivalents ?? {};
    for (const key of ['hadolint', 'buildkit', 'trivy', 'dockerfileUtils'] as const) {
        const ids = e[key];
        if (ids && ids.length > 0) {
            out[key] = [...ids];
        }
    }
    return out;
}

/** Rules in docs order: by category, then as listed in the rule table. */
export function rulesByCategory(rules: readonly Rule[]): Rule[] {
    return [...rules].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
}
