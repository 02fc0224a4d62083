import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { Range } from 'vscode-languageserver-types';
import type { Category, Severity } from './severity';

/*
 * Dockwise's own LSP messages and client commands, defined once for both sides as `{ method, type }`
 * (the vscode-eslint idiom). The client passes `type` to sendRequest/onNotification. The server registers by `method`
 * with the handler typed through `ParamsOf`/`ResultOf`: vscode-languageserver ships an older
 * vscode-jsonrpc whose message classes TypeScript does not accept in place of these.
 */

export type ParamsOf<T> =
    T extends RequestType<infer P, unknown, unknown> ? P : T extends NotificationType<infer P> ? P : never;
export type ResultOf<T> =
    T extends RequestType<unknown, infer R, unknown> ? R : T extends RequestType0<infer R, unknown> ? R : never;

export interface RuleSummary {
    id: string;
    title: string;
    category: Category;
    defaultSeverity: Severity;
    offByDefault: boolean;
}

export interface RuleDocsParams {
    id: string;
}

export interface RuleDocs {
    id: string;
    title: string;
    /** The full documentation page, heading included, as Markdown. */
    markdown: string;
}

/** The bundled documentation of one rule (null for an unknown id): shown offline by the client. */
export const RuleDocsRequest = {
    method: 'dockwise/ruleDocs',
    type: new RequestType<RuleDocsParams, RuleDocs | null, void>('dockwise/ruleDocs'),
} as const;

/** Every rule the server knows, in documentation order. */
export const RulesRequest = {
    method: 'dockwise/rules',
    type: new RequestType0<RuleSummary[], void>('dockwise/rules'),
} as const;

export interface ExitCalledParams {
    /** What ended the server: a call to process.exit, or an exception nothing caught. */
    reason: 'exit' | 'uncaughtException' | 'unhandledRejection';
    code: number;
    message: string;
    stack: string;
}

/** Sent just before the server exits on its own, so the client can log why. */
export const ExitCalledNotification = {
    method: 'dockwise/exitCalled',
    type: new NotificationType<ExitCalledParams>('dockwise/exitCalled'),
} as const;

/** Client commands the server puts in code actions. */
export const ClientCommands = {
    /** Arguments: `[ruleId?: string]`; without one the client offers a quick pick of rules. */
    showRuleDocs: 'dockwise.showRuleDocs',
    /** Arguments: `[ruleId: string, documentUri?: string]`; sets the rule to `off` in `dockwise.rules`. */
    turnOffRule: 'dockwise.turnOffRule',
} as const;

/** The code action kind that fixes every auto-fixable finding of a file (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.dockwise';

/** Diagnostic `source` and `data` of Dockwise findings. */
export const DIAGNOSTIC_SOURCE = 'dockwise';

export interface DiagnosticData {
    ruleId: string;
    /** Version of the document the finding was computed on. */
    version: number;
    /** First line of the instruction holding the finding (where an ignore comment goes), if any. */
    instructionLine: number | undefined;
    fixes: { title: string; preferred: boolean; edits: { range: Range; newText: string }[] }[];
}

/** The read-only virtual documents the client shows rule documentation in. */
export const DOCS_SCHEME = 'dockwise-docs';

export function ruleDocsPath(id: string): string {
    return `/rules/${id}.md`;
}
