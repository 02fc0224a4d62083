import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { explicitSeverity, idsOf, isSeveritySetting, type LintConfig } from '../core/config';
import { LABEL_FORMATS } from '../core/knowledge/labels';
import { mergeRuleOptions, ruleOptionsFrom, type RuleSettings } from '../core/projectConfig';
import type { Rule, RuleOptions, SeveritySetting } from '../core/types';
import type { LintOptions } from './args';
import { CliError, didYouMean, errorText } from './errors';

/** A Dockwise config file, checked: every rule id known, every severity valid. */
export interface ConfigFile {
    /** Keys as written (Dockwise ids or hadolint/BuildKit/Trivy equivalents). */
    rules: [string, SeveritySetting][];
    ruleOptions: Record<string, RuleOptions>;
    inlineSuppressions: boolean | undefined;
    /** `trustedRegistries`, `labelSchema`, `strictLabels`, `requireUser`: as the settings of the same names. */
    ruleSettings: RuleSettings;
}

const RULE_SETTING_KEYS = ['trustedRegistries', 'labelSchema', 'strictLabels', 'requireUser'];
const KEYS = ['rules', 'ruleOptions', 'inlineSuppressions', ...RULE_SETTING_KEYS];

export function readConfigFile(file: string, rules: readonly Rule[]): ConfigFile {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (e) {
        throw new CliError(`cannot read config ${file}: ${errorText(e)}`);
    }
    let data: unknown;
    try {
        // YAML 1.2 reads JSON too; JSON.parse gives the better message for a .json file.
        data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
        throw new CliError(
            `config ${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${parseError(e, text)}`,
        );
    }
    return checkConfig(data ?? {}, file, rules);
}

export function checkConfig(data: unknown, file: string, rules: readonly Rule[]): ConfigFile {
    const bad = (where: string, why: string) => new CliError(`config ${file}: ${where}: ${why}`);
    if (!isObject(data)) {
        throw bad('top level', 'expected an object with rules, ruleOptions or inlineSuppressions');
    }
    for (const key of Object.keys(data)) {
        if (!KEYS.includes(key) && key !== '$schema') {
            throw bad(key, `unknown key${didYouMean(key, KEYS)}; expected ${KEYS.join(', ')}`);
        }
    }
    const index = ruleIndex(rules);
    const out: ConfigFile = { rules: [], ruleOptions: {}, inlineSuppressions: undefined, ruleSettings: {} };
    if (data.rules !== undefined) {
        if (!isObject(data.rules)) {
            throw bad('rules', 'expected an object of <rule id>: <severity>');
        }
        for (const [id, severity] of Object.entries(data.rules)) {
            // ShellCheck's codes (SC2086) are no rules of the table: `--shellcheck` reads them.
            if (!index.has(id.toLowerCase()) && !/^SC\d{4}$/i.test(id)) {
                throw bad(`rules.${id}`, `unknown rule id${didYouMean(id, allIds(rules))}`);
            }
            if (!isSeveritySetting(severity)) {
                throw bad(
                    `rules.${id}`,
                    `severity must be off, hint, info, warning or error, not ${JSON.stringify(severity)}`,
                );
            }
            out.rules.push([id, severity]);
        }
    }
    if (data.ruleOptions !== undefined) {
        if (!isObject(data.ruleOptions)) {
            throw bad('ruleOptions', 'expected an object of <rule id>: { options }');
        }
        for (const [id, options] of Object.entries(data.ruleOptions)) {
            // Options belong to one rule: only its own id names it unambiguously.
            if (!rules.some((r) => r.id === id)) {
                throw bad(
                    `ruleOptions.${id}`,
                    `unknown Dockwise rule id${didYouMean(
                        id,
                        rules.map((r) => r.id),
                    )}`,
                );
            }
            if (!isObject(options)) {
                throw bad(`ruleOptions.${id}`, 'expected an object');
            }
            out.ruleOptions[id] = options;
        }
    }
    if (data.inlineSuppressions !== undefined) {
        if (typeof data.inlineSuppressions !== 'boolean') {
            throw bad('inlineSuppressions', 'expected true or false');
        }
        out.inlineSuppressions = data.inlineSuppressions;
    }
    out.ruleSettings = checkRuleSettings(data, bad);
    return out;
}

function checkRuleSettings(data: Record<string, unknown>, bad: (where: string, why: string) => CliError): RuleSettings {
    const out: RuleSettings = {};
    const registries = data.trustedRegistries;
    if (registries !== undefined) {
        const list = typeof registries === 'string' ? [registries] : registries;
        if (!Array.isArray(list) || !list.every((r) => typeof r === 'string')) {
            throw bad('trustedRegistries', 'expected a list of registry hosts');
        }
        out.trustedRegistries = list as string[];
    }
    if (data.labelSchema !== undefined) {
        if (!isObject(data.labelSchema)) {
            throw bad('labelSchema', 'expected an object of <label>: <format>');
        }
        for (const [label, format] of Object.entries(data.labelSchema)) {
            if (typeof format !== 'string' || !(LABEL_FORMATS as readonly string[]).includes(format)) {
                throw bad(`labelSchema.${label}`, `format must be one of ${LABEL_FORMATS.join(', ')}`);
            }
        }
        out.labelSchema = data.labelSchema as Record<string, string>;
    }
    for (const key of ['strictLabels', 'requireUser'] as const) {
        if (data[key] !== undefined) {
            if (typeof data[key] !== 'boolean') {
                throw bad(key, 'expected true or false');
            }
            out[key] = data[key];
        }
    }
    return out;
}

/** Every id (own and equivalent, lower-cased) → the rules answering to it. */
export function ruleIndex(rules: readonly Rule[]): Map<string, Rule[]> {
    const index = new Map<string, Rule[]>();
    for (const rule of rules) {
        for (const id of idsOf(rule)) {
            const list = index.get(id) ?? [];
            if (!list.includes(rule)) {
                list.push(rule);
            }
            index.set(id, list);
        }
    }
    return index;
}

function allIds(rules: readonly Rule[]): string[] {
    const e = (r: Rule) => [...(r.equivalents.hadolint ?? []), ...(r.equivalents.buildkit ?? [])];
    return rules.flatMap((r) => [r.id, ...e(r), ...(r.equivalents.trivy ?? [])]);
}

/**
 * The LintConfig of a run: preset, then the hadolint config, then the config file, then `--rule`
 * flags, later ones winning. Keys are resolved to Dockwise ids here so that precedence does not
 * depend on key spelling.
 */
export function buildLintConfig(
    options: LintOptions,
    file: ConfigFile | undefined,
    rules: readonly Rule[],
    hadolint?: LintConfig,
): LintConfig {
    const index = ruleIndex(rules);
    const severities: Record<string, SeveritySetting> = {};
    if (options.preset === 'none') {
        for (const rule of rules) {
            severities[rule.id] = 'off';
        }
    }
    for (const [id, severity] of Object.entries(hadolint?.rules ?? {})) {
        // ShellCheck codes name no rule: kept as written for the ShellCheck integration.
        if (!index.has(id.toLowerCase())) {
            severities[id] = severity;
        }
    }
    for (const rule of rules) {
        const s = explicitSeverity(rule, hadolint?.rules);
        if (s !== undefined) {
            severities[rule.id] = s;
        }
    }
    const apply = (entries: readonly [string, SeveritySetting][], source: string) => {
        // An equivalent id may name several rules; a rule's own id, set in the same place, wins over it.
        const ordered = [
            ...entries.filter(([id]) => !rules.some((r) => r.id === id)),
            ...entries.filter(([id]) => rules.some((r) => r.id === id)),
        ];
        for (const [id, severity] of ordered) {
            const matched = index.get(id.toLowerCase());
            if (!matched && /^SC\d{4}$/i.test(id)) {
                severities[id.toUpperCase()] = severity; // For `--shellcheck`.
                continue;
            }
            if (!matched) {
                throw new CliError(`${source} ${id}: unknown rule id${didYouMean(id, allIds(rules))}`);
            }
            for (const rule of matched) {
                severities[rule.id] = severity;
            }
        }
    };
    if (file) {
        apply(file.rules, 'config');
    }
    apply(
        options.ruleFlags.map((f) => [f.id, f.severity]),
        '--rule',
    );
    return {
        rules: severities,
        ruleOptions: mergeRuleOptions(
            mergeRuleOptions(hadolint?.ruleOptions, file && ruleOptionsFrom(file.ruleSettings)),
            file?.ruleOptions,
        ),
        allRules: options.preset === 'all',
        inlineSuppressions:
            options.inlineSuppressions ?? file?.inlineSuppressions ?? hadolint?.inlineSuppressions ?? true,
    };
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The parser's first line; JSON.parse's "at position N" also as line and column (Node 20 gives only the offset). */
function parseError(e: unknown, text: string): string {
    const message = errorText(e).split('\n')[0]!.trim();
    const m = /at position (\d+)(?! \(line)/.exec(message);
    if (!m) {
        return message;
    }
    const before = text.slice(0, Number(m[1]));
    const line = before.split('\n').length;
    return `${message} (line ${line} column ${before.length - before.lastIndexOf('\n')})`;
}
