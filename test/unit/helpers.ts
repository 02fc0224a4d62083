import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { lint, type LintDiagnostic } from '../../server/src/core/lint';
import type { LintConfig } from '../../server/src/core/config';
import { ruleById } from '../../server/src/core/rules';
import type { Fix } from '../../server/src/core/types';

/** Findings of one rule (turned on, whatever its default) on a Dockerfile. */
export function findings(ruleId: string, text: string, config: LintConfig = {}): LintDiagnostic[] {
    const rule = ruleById(ruleId);
    assert.ok(rule, `unknown rule ${ruleId}`);
    const result = lint(text, { ...config, rules: { [ruleId]: rule.defaultSeverity, ...config.rules } }, [rule]);
    assert.deepEqual(result.failures, [], `rule ${ruleId} threw`);
    return result.diagnostics;
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
    const doc = TextDocument.create('file:///x', 'dockerfile', 0, text);
    return doc.getText(range);
}

/** Applies a fix's edits to the text. */
export function applyFix(text: string, fix: Fix): string {
    const doc = TextDocument.create('file:///x', 'dockerfile', 0, text);
    return TextDocument.applyEdits(doc, fix.edits);
}

/** The same Dockerfile with CRLF line endings. */
export function crlf(text: string): string {
    return text.replace(/\r?\n/g, '\r\n');
}

/** Line (0-based) and covered text of each finding, for compact assertions. */
export function hits(ruleId: string, text: string, config: LintConfig = {}): [number, string][] {
    return findings(ruleId, text, config).map((d) => [d.range.start.line, textAt(text, d.range)]);
}
