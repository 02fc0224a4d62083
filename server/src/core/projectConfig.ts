import { explicitSeverity, idsOf, type LintConfig } from './config';
import { RULES } from './rules';
import type { Rule, RuleOptions, SeveritySetting } from './types';

/**
 * Combines the places a lint configuration comes from (hadolint's config, Dockwise settings or
 * config file, the build's `.dockerignore`) into one LintConfig. Pure: callers read the files.
 */

/** Options a user sets once, by name, for the rules that read them (settings and config file). */
export interface RuleSettings {
    /** `trusted-registry` (DL3026): the registries FROM may pull from. */
    trustedRegistries?: readonly string[];
    /** The label rules (DL3048–DL3058): label name → format. */
    labelSchema?: Readonly<Record<string, string>>;
    /** `label-superfluous` (DL3050): report labels outside the schema. */
    strictLabels?: boolean;
    /** `user-root`: also report images with no USER at all (Trivy DS-0002). */
    requireUser?: boolean;
}

const LABEL_RULES = ['label-missing', 'label-empty', 'label-format', 'label-superfluous'];

/**
 * The rule options the settings stand for. Empty lists and `false` are the settings' defaults and
 * set nothing, so they do not hide what a hadolint config says.
 */
export function ruleOptionsFrom(s: RuleSettings): Record<string, RuleOptions> {
    const out: Record<string, Record<string, unknown>> = {};
    const set = (id: string, key: string, value: unknown) => (out[id] = { ...out[id], [key]: value });
    if (s.trustedRegistries && s.trustedRegistries.length > 0) {
        set('trusted-registry', 'trustedRegistries', [...s.trustedRegistries]);
    }
    if (s.labelSchema && Object.keys(s.labelSchema).length > 0) {
        for (const id of LABEL_RULES) {
            set(id, 'labelSchema', { ...s.labelSchema });
        }
    }
    if (s.strictLabels === true) {
        set('label-superfluous', 'strictLabels', true);
    }
    if (s.requireUser === true) {
        set('user-root', 'requireUser', true);
    }
    return out;
}

/** Severities keyed by the ids of the rules they name; keys naming no rule (SC codes) kept as written. */
function byRuleId(
    settings: Readonly<Record<string, SeveritySetting>> | undefined,
    rules: readonly Rule[],
): Record<string, SeveritySetting> {
    const out: Record<string, SeveritySetting> = {};
    if (!settings) {
        return out;
    }
    const known = new Set(rules.flatMap((r) => idsOf(r)));
    for (const [id, severity] of Object.entries(settings)) {
        if (!known.has(id.toLowerCase())) {
            out[id] = severity;
        }
    }
    for (const rule of rules) {
        const s = explicitSeverity(rule, settings);
        if (s !== undefined) {
            out[rule.id] = s;
        }
    }
    return out;
}

/** Per-rule options of both, `over`'s keys winning. */
export function mergeRuleOptions(
    base: Readonly<Record<string, RuleOptions>> | undefined,
    over: Readonly<Record<string, RuleOptions>> | undefined,
): Record<string, RuleOptions> {
    const out: Record<string, RuleOptions> = { ...base };
    for (const [id, options] of Object.entries(over ?? {})) {
        out[id] = { ...out[id], ...options };
    }
    return out;
}

/**
 * `over` on top of `base`, rule by rule: a severity `over` gives a rule (by any of its ids) wins
 * over one `base` gives it (by any other). Ignore comments stay honoured only if both allow them.
 */
export function mergeLintConfigs(base: LintConfig, over: LintConfig, rules: readonly Rule[] = RULES): LintConfig {
    const out: LintConfig = {
        rules: { ...byRuleId(base.rules, rules), ...byRuleId(over.rules, rules) },
        ruleOptions: mergeRuleOptions(base.ruleOptions, over.ruleOptions),
    };
    const allRules = over.allRules ?? base.allRules;
    if (allRules !== undefined) {
        out.allRules = allRules;
    }
    if (base.inlineSuppressions === false || over.inlineSuppressions === false) {
        out.inlineSuppressions = false;
    } else if (base.inlineSuppressions ?? over.inlineSuppressions) {
        out.inlineSuppressions = true;
    }
    return out;
}

/** The build's `.dockerignore` content for `copy-ignored-file`; options set explicitly win. */
export function withDockerignore(config: LintConfig, dockerignore: string | undefined): LintConfig {
    if (dockerignore === undefined) {
        return config;
    }
    return {
        ...config,
        ruleOptions: mergeRuleOptions({ 'copy-ignored-file': { dockerignore } }, config.ruleOptions),
    };
}
