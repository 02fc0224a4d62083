import { DockerfileLanguageServiceFactory, type DockerfileLanguageService } from 'dockerfile-language-service';
import { validate, ValidationCode, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model';
import { instructionAt } from './text';
import { validateAround } from '../upstreamBugs';
import type { Equivalents, Finding, Fix, Rule } from '../types';

/**
 * dockerfile-utils' validator, run once per model and mapped into Dockwise rules: it already
 * knows what the Docker builder rejects (unknown instructions, bad flags, argument counts, …), so
 * Dockwise reuses it instead of re-implementing it. Its severities are ignored (every Dockwise
 * rule has its own), and its language service supplies the quick fixes it knows.
 */

export { ValidationCode };

/** Every configurable check on, so nothing is dropped before Dockwise applies its severities. */
const SETTINGS: Required<ValidatorSettings> = {
    deprecatedMaintainer: ValidationSeverity.WARNING,
    directiveCasing: ValidationSeverity.WARNING,
    emptyContinuationLine: ValidationSeverity.WARNING,
    instructionCasing: ValidationSeverity.WARNING,
    instructionCmdMultiple: ValidationSeverity.WARNING,
    instructionEntrypointMultiple: ValidationSeverity.WARNING,
    instructionHealthcheckMultiple: ValidationSeverity.WARNING,
    instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
    instructionWorkdirRelative: ValidationSeverity.WARNING,
};

/** A dockerfile-utils diagnostic with its numeric code. */
export interface UtilsDiagnostic {
    code: ValidationCode;
    range: Range;
    message: string;
}

/** The outcome of one validation: the diagnostics by code, or the error validate threw. */
export interface Validation {
    byCode: Map<ValidationCode, UtilsDiagnostic[]>;
    error: string | undefined;
    /** Set once the error has been reported, so one throw costs one failure, not one per rule. */
    reported: boolean;
}

export type ValidateFn = (content: string, settings: ValidatorSettings) => Diagnostic[];

/** Runs `validateFn` guarded: dockerfile-ast overflows its stack on some malformed files. */
export function runValidation(text: string, validateFn: ValidateFn = validate): Validation {
    const byCode = new Map<ValidationCode, UtilsDiagnostic[]>();
    try {
        for (const d of validateFn(text, SETTINGS)) {
            if (typeof d.code !== 'number') {
                continue;
            }
            const list = byCode.get(d.code) ?? [];
            list.push({ code: d.code, range: d.range, message: d.message });
            byCode.set(d.code, list);
        }
        return { byCode, error: undefined, reported: false };
    } catch (e) {
        return {
            byCode: new Map(),
            error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
            reported: false,
        };
    }
}

const cache = new WeakMap<DockerfileModel, Validation>();

/** The model's validation, run once (`run` is for tests: it stands for dockerfile-utils on the text). */
export function validation(model: DockerfileModel, run: (text: string) => Validation = runValidation): Validation {
    let v = cache.get(model);
    if (!v) {
        v = validateAround(model, run);
        cache.set(model, v);
    }
    return v;
}

/**
 * The diagnostics of the given codes. When validate threw, the first rule to ask throws (lint
 * records one failure naming the cause) and every later one gets nothing.
 */
export function utilsDiagnostics(model: DockerfileModel, codes: readonly ValidationCode[]): UtilsDiagnostic[] {
    const v = validation(model);
    if (v.error !== undefined) {
        if (!v.reported) {
            v.reported = true;
            throw new Error(
                `dockerfile-utils could not validate this file (${v.error}); the rules built on it report nothing for it`,
            );
        }
        return [];
    }
    return codes.flatMap((c) => v.byCode.get(c) ?? []);
}

/**
 * Diagnostics that rules outside this module own. An entry with a keyword covers only that
 * instruction (not an ONBUILD trigger: volume-json-single-quotes checks top-level VOLUME only).
 * The owner gets exactly the matching diagnostics; every other rule built with `utilsRule` never
 * sees them.
 */
export const OWNED_ELSEWHERE: readonly { code: ValidationCode; keyword?: string; ruleId: string }[] = [
    { code: ValidationCode.INVALID_PORT, ruleId: 'expose-invalid' },
    { code: ValidationCode.INVALID_PROTO, ruleId: 'expose-invalid' },
    { code: ValidationCode.JSON_IN_SINGLE_QUOTES, keyword: 'VOLUME', ruleId: 'volume-json-single-quotes' },
];

/** The rule outside this module that reports `d`, if any. */
export function ownedElsewhere(model: DockerfileModel, d: UtilsDiagnostic): string | undefined {
    for (const o of OWNED_ELSEWHERE) {
        if (
            o.code === d.code &&
            (o.keyword === undefined || o.keyword === instructionAt(model, d.range.start)?.keyword)
        ) {
            return o.ruleId;
        }
    }
    return undefined;
}

let service: DockerfileLanguageService | undefined;

/**
 * The language service's quick fixes for a diagnostic, as Dockwise fixes. Its commands only read
 * the text inside the diagnostic's range, so they get just the lines the range spans: the cost is
 * the range's size, not the file's: handing them the whole file costs time that grows with the
 * file's square when a file has many fixable findings.
 */
export function languageServiceFixes(model: DockerfileModel, d: UtilsDiagnostic): Fix[] {
    try {
        service ??= DockerfileLanguageServiceFactory.createLanguageService();
        const first = d.range.start.line;
        const sliceStart = model.offsetAt({ line: first, character: 0 });
        const slice = model.text.slice(sliceStart, model.offsetAt({ line: d.range.end.line + 1, character: 0 }));
        const shift = (r: Range, by: number): Range => ({
            start: { line: r.start.line + by, character: r.start.character },
            end: { line: r.end.line + by, character: r.end.character },
        });
        const local = { ...d, range: shift(d.range, -first), severity: 1 as const };
        const fixes: Fix[] = [];
        for (const command of service.computeCodeActions({ uri: '' }, local.range, { diagnostics: [local] })) {
            const args: unknown[] = [...(command.arguments ?? [])];
            args[1] = local.range;
            const edits = (service.computeCommandEdits(slice, command.command, args) as TextEdit[] | null) ?? [];
            if (edits.length > 0) {
                fixes.push({
                    title: command.title,
                    edits: edits.map((e) => ({ range: shift(e.range, first), newText: e.newText })),
                });
            }
        }
        return fixes;
    } catch {
        return [];
    }
}

export interface UtilsRuleSpec extends Omit<Rule, 'check' | 'equivalents'> {
    /** The dockerfile-utils codes this rule reports. */
    codes: readonly ValidationCode[];
    /** hadolint / BuildKit / Trivy ids; the dockerfile-utils codes are added from `codes`. */
    equivalents?: Omit<Equivalents, 'dockerfileUtils'>;
    /** Drops diagnostics the rule refines away (e.g. a relative WORKDIR after an absolute one). */
    accept?: (d: UtilsDiagnostic, model: DockerfileModel) => boolean;
    /** A short "how to fix" appended to dockerfile-utils' message. */
    hint?: (d: UtilsDiagnostic, model: DockerfileModel) => string | undefined;
    /** Fixes of Dockwise's own, for what the language service does not fix. */
    fixes?: (d: UtilsDiagnostic, model: DockerfileModel) => Fix[];
    /** Keeps or replaces the language service's fixes (e.g. drops far-fetched flag renames). */
    filterServiceFixes?: (fixes: Fix[], d: UtilsDiagnostic, model: DockerfileModel) => Fix[];
}

/** A Dockwise rule reporting some dockerfile-utils codes, with dockerfile-utils' messages. */
export function utilsRule(spec: UtilsRuleSpec): Rule {
    const { codes, accept, hint, fixes, filterServiceFixes, equivalents, ...rule } = spec;
    return {
        ...rule,
        equivalents: { ...equivalents, dockerfileUtils: codes.map((c) => ValidationCode[c]) },
        check({ model }) {
            const findings: Finding[] = [];
            for (const d of utilsDiagnostics(model, codes)) {
                const owner = ownedElsewhere(model, d);
                if ((owner !== undefined && owner !== rule.id) || (accept && !accept(d, model))) {
                    continue;
                }
                const extra = hint?.(d, model);
                const all = combineFixes(
                    guarded(() => {
                        const service = languageServiceFixes(model, d);
                        return filterServiceFixes ? filterServiceFixes(service, d, model) : service;
                    }),
                    guarded(() => fixes?.(d, model) ?? []),
                );
                findings.push({
                    range: d.range,
                    message: extra ? `${d.message}: ${extra}` : d.message,
                    ...(all.length > 0 ? { fixes: all } : {}),
                });
            }
            return findings;
        },
    };
}

/**
 * The language service's fixes, then Dockwise's own that do something else. A service fix is
 * preferred when it is the only fix; several (backslash or backtick, --chown or --from) are a
 * choice. Own fixes say themselves whether they are preferred.
 */
function combineFixes(service: Fix[], own: Fix[]): Fix[] {
    const key = (f: Fix) => JSON.stringify(f.edits);
    const seen = new Set(service.map(key));
    const all = [...service, ...own.filter((f) => !seen.has(key(f)))];
    return all.map((f, i) => (i < service.length ? { ...f, preferred: all.length === 1 } : f));
}

/** A broken fix must not cost the finding. */
function guarded(f: () => Fix[]): Fix[] {
    try {
        return f();
    } catch {
        return [];
    }
}
