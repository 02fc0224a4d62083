import type { Rule, RuleOptions, Severity, SeveritySetting } from './types';

export interface LintConfig {
    /** Severity per rule id (or per hadolint/BuildKit/Trivy equivalent id). */
    rules?: Readonly<Record<string, SeveritySetting>>;
    /** Options per rule id. */
    ruleOptions?: Readonly<Record<string, RuleOptions>>;
    /** Turn on every rule, including those off by default (`--rules all`). */
    allRules?: boolean;
    /** Honour `# dockwise ignore=` and `# hadolint ignore=` comments (default true). */
    inlineSuppressions?: boolean;
}

/** Every id a rule answers to: its own and its equivalents', lower-cased. */
export function idsOf(rule: Rule): string[] {
    const e = rule.equivalents;
    return [rule.id, ...(e.hadolint ?? []), ...(e.buildkit ?? []), ...(e.trivy ?? [])].map((id) => id.toLowerCase());
}

/** The severity `settings` give the rule by its own id or an equivalent's, if any. */
export function explicitSeverity(
    rule: Rule,
    settings: Readonly<Record<string, SeveritySetting>> | undefined,
): SeveritySetting | undefined {
    if (settings) {
        if (settings[rule.id] !== undefined) {
            return settings[rule.id]!;
        }
        const lower = new Map(Object.entries(settings).map(([k, v]) => [k.toLowerCase(), v]));
        for (const id of idsOf(rule)) {
            const s = lower.get(id);
            if (s !== undefined) {
                return s;
            }
        }
    }
    return undefined;
}

export function effectiveSeverity(rule: Rule, config: LintConfig): SeveritySetting {
    const explicit = explicitSeverity(rule, config.rules);
    if (explicit !== undefined) {
        return explicit;
    }
    if (rule.offByDefault && !config.allRules) {
        return 'off';
    }
    return rule.defaultSeverity;
}

export { isSeveritySetting } from '../shared/severity';

const RANK: Record<Severity, number> = { hint: 1, info: 2, warning: 3, error: 4 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
    return RANK[severity] >= RANK[threshold];
}
