import { parse as parseYaml } from 'yaml';
import { idsOf, type LintConfig } from './config';
import { LABEL_FORMATS } from './knowledge/labels';
import { RULES } from './rules';
import type { Rule, RuleOptions, Severity, SeveritySetting } from './types';

/**
 * Reads hadolint's `.hadolint.yaml` into Dockwise terms, so a project that switches keeps its
 * configuration. Pure: the caller finds and reads the file (see `hadolintConfigCandidates`).
 */

export interface HadolintConfig {
    /** Severities (keyed by hadolint id), rule options and inline-suppression switch. */
    config: LintConfig;
    /** `failure-threshold` (`style` → hint, `ignore`/`none` → every finding fails), `none` for `no-fail: true`. */
    failureThreshold: Severity | 'none' | undefined;
    /** What was skipped or not understood, one line each, for the user to see. */
    warnings: string[];
}

export class HadolintConfigError extends Error {}

const SEVERITY: Record<string, SeveritySetting> = {
    error: 'error',
    warning: 'warning',
    info: 'info',
    style: 'hint',
    ignore: 'off',
    none: 'off',
};

/** Keys hadolint reads that only change its own output; Dockwise has CLI options for them. */
const OUTPUT_KEYS = new Set(['format', 'formats', 'no-color', 'verbose', 'file-path-in-report']);
const KNOWN_KEYS = new Set([
    'ignored',
    'override',
    'trustedRegistries',
    'label-schema',
    'strict-labels',
    'failure-threshold',
    'disable-ignore-pragma',
    'no-fail',
    ...OUTPUT_KEYS,
]);

/** Rules that read the label schema. */
const LABEL_RULES = ['label-missing', 'label-empty', 'label-format', 'label-superfluous'];

function strings(value: unknown, where: string, warnings: string[]): string[] {
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
    if (!list) {
        warnings.push(`${where}: expected a list, ignored`);
        return [];
    }
    return list.filter((v): v is string => {
        if (typeof v !== 'string') {
            warnings.push(`${where}: ${JSON.stringify(v)} is not a string, ignored`);
        }
        return typeof v === 'string';
    });
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseHadolintConfig(text: string, rules: readonly Rule[] = RULES): HadolintConfig {
    let data: unknown;
    try {
        data = parseYaml(text);
    } catch (e) {
        const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/:\s*$/, '');
        throw new HadolintConfigError(`not valid YAML: ${first}`);
    }
    data ??= {};
    if (!isObject(data)) {
        throw new HadolintConfigError('expected a mapping of hadolint settings at the top level');
    }
    const warnings: string[] = [];
    const known = new Set(rules.flatMap((r) => idsOf(r)));
    const severities: Record<string, SeveritySetting> = {};
    const ruleOptions: Record<string, RuleOptions> = {};
    const setRule = (id: string, severity: SeveritySetting, where: string) => {
        // ShellCheck codes are kept for the ShellCheck integration; other unknown ids are reported.
        if (!known.has(id.toLowerCase()) && !/^SC\d+$/i.test(id)) {
            warnings.push(`${where}: ${id} has no Dockwise equivalent, ignored`);
            return;
        }
        severities[id] = severity;
    };
    for (const key of Object.keys(data)) {
        if (!KNOWN_KEYS.has(key)) {
            warnings.push(`${key}: unknown hadolint setting, ignored`);
        } else if (OUTPUT_KEYS.has(key)) {
            warnings.push(`${key}: output setting, use the Dockwise option instead`);
        }
    }
    if (data.override !== undefined) {
        if (!isObject(data.override)) {
            warnings.push('override: expected a mapping of error/warning/info/style to rule lists, ignored');
        } else {
            for (const [level, ids] of Object.entries(data.override)) {
                const severity = SEVERITY[level];
                if (!severity || severity === 'off') {
                    warnings.push(`override.${level}: expected error, warning, info or style, ignored`);
                    continue;
                }
                for (const id of strings(ids, `override.${level}`, warnings)) {
                    setRule(id, severity, `override.${level}`);
                }
            }
        }
    }
    // `ignored` wins over `override`, as in hadolint (an ignored rule is never reported).
    if (data.ignored !== undefined) {
        for (const id of strings(data.ignored, 'ignored', warnings)) {
            setRule(id, 'off', 'ignored');
        }
    }
    if (data.trustedRegistries !== undefined) {
        ruleOptions['trusted-registry'] = {
            trustedRegistries: strings(data.trustedRegistries, 'trustedRegistries', warnings),
        };
    }
    const schema: Record<string, string> = {};
    if (data['label-schema'] !== undefined) {
        if (!isObject(data['label-schema'])) {
            warnings.push('label-schema: expected a mapping of label name to format, ignored');
        } else {
            for (const [label, format] of Object.entries(data['label-schema'])) {
                if (typeof format === 'string' && (LABEL_FORMATS as readonly string[]).includes(format)) {
                    schema[label] = format;
                } else {
                    warnings.push(`label-schema.${label}: format must be one of ${LABEL_FORMATS.join(', ')}, ignored`);
                }
            }
        }
    }
    const strict = data['strict-labels'];
    if (strict !== undefined && typeof strict !== 'boolean') {
        warnings.push('strict-labels: expected true or false, ignored');
    }
    if (Object.keys(schema).length > 0 || strict === true) {
        for (const id of LABEL_RULES) {
            ruleOptions[id] = {
                labelSchema: schema,
                ...(id === 'label-superfluous' ? { strictLabels: strict === true } : {}),
            };
        }
    }
    const config: LintConfig = { rules: severities, ruleOptions };
    const disable = data['disable-ignore-pragma'];
    if (disable === true) {
        config.inlineSuppressions = false;
    } else if (disable !== undefined && typeof disable !== 'boolean') {
        warnings.push('disable-ignore-pragma: expected true or false, ignored');
    }
    let failureThreshold: HadolintConfig['failureThreshold'];
    const threshold = data['failure-threshold'];
    if (threshold !== undefined) {
        const s = typeof threshold === 'string' ? SEVERITY[threshold] : undefined;
        if (s === undefined) {
            warnings.push('failure-threshold: expected error, warning, info, style, ignore or none, ignored');
        } else {
            failureThreshold = s === 'off' ? 'hint' : s;
        }
    }
    if (data['no-fail'] === true) {
        failureThreshold = 'none';
    }
    return { config, failureThreshold, warnings };
}

/** Keys only hadolint's config has: a `--config` file with one of them is read as hadolint's. */
export function isHadolintConfigData(data: unknown): boolean {
    return isObject(data) && Object.keys(data).some((k) => KNOWN_KEYS.has(k) && k !== 'trustedRegistries');
}
