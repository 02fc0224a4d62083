import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

// The names live in the shared leaf (the client's settings use them too); the core re-exports them.
export { type Category, type Severity, SEVERITY_SETTINGS, type SeveritySetting } from '../shared/severity';
import type { Category, Severity } from '../shared/severity';

/** Ids of the same concept in the tools users come from. */
export interface Equivalents {
    hadolint?: readonly string[];
    buildkit?: readonly string[];
    trivy?: readonly string[];
    dockerfileUtils?: readonly string[];
}

export interface RuleDocs {
    /** Why the rule exists, in one or two plain sentences. */
    why: string;
    /** A Dockerfile that triggers the rule. */
    bad: string;
    /** The same Dockerfile written well. */
    good: string;
    /** Optional longer notes (Markdown). */
    notes?: string;
    /** Options the examples assume, for rules that do nothing until configured (label schema, registries). */
    options?: RuleOptions;
}

export interface Fix {
    title: string;
    edits: TextEdit[];
    /** The obvious fix: VS Code applies it with "Auto Fix". */
    preferred?: boolean;
}

export interface Finding {
    range: Range;
    message: string;
    fixes?: Fix[];
}

/** Per-rule options from settings or a config file (trusted registries, label schema, …). */
export type RuleOptions = Readonly<Record<string, unknown>>;

export interface RuleContext {
    model: DockerfileModel;
    options: RuleOptions;
}

export interface Rule {
    /** kebab-case, stable forever: settings, suppressions and docs refer to it. */
    id: string;
    title: string;
    category: Category;
    /** Severity when the rule is on and no setting overrides it. */
    defaultSeverity: Severity;
    /** Off unless turned on by a setting or `--rules all` (as hadolint leaves some rules off). */
    offByDefault?: boolean;
    docs: RuleDocs;
    equivalents: Equivalents;
    check(ctx: RuleContext): Finding[];
}
