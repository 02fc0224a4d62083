import {
    type CodeAction,
    CodeActionKind,
    type CodeActionParams,
    type Diagnostic,
    type Range,
    type TextEdit,
    type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintDiagnostic } from '../core/lint';
import { ruleById } from '../core/rules';
import { isShellCheckCode } from '../shellcheck/findings';
import { ClientCommands, DIAGNOSTIC_SOURCE, type DiagnosticData, FIX_ALL_KIND } from '../shared/protocol';
import type { DockwiseSettings } from '../shared/settings';

export interface CodeActionInput {
    params: CodeActionParams;
    doc: TextDocument;
    settings: DockwiseSettings;
    /** The findings of the document's current version (asked for lazily: quick fixes do not need them). */
    findings: () => Promise<LintDiagnostic[]>;
    documentChanges: boolean;
}

/** Quick fixes for the Dockwise diagnostics in the request, and the file-wide fix-all source action. */
export async function computeCodeActions(input: CodeActionInput): Promise<CodeAction[]> {
    const only = input.params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
        actions.push(...quickFixes(input));
    }
    if (wants(FIX_ALL_KIND)) {
        const version = input.doc.version;
        const findings = await input.findings();
        // The document object changes in place: if it moved on while linting, the edits no longer fit.
        const fixAll =
            input.doc.version === version ? fixAllAction(input.doc, findings, input.documentChanges) : undefined;
        if (fixAll) {
            actions.push(fixAll);
        }
    }
    return actions;
}

function isOurs(d: Diagnostic, version: number): d is Diagnostic & { data: DiagnosticData } {
    const data = d.data as Partial<DiagnosticData> | undefined;
    // A diagnostic of an older version has ranges that no longer fit the text: the editor asks again after the next publish.
    return (
        d.source === DIAGNOSTIC_SOURCE &&
        typeof data?.ruleId === 'string' &&
        data.version === version &&
        Array.isArray(data.fixes)
    );
}

function quickFixes(input: CodeActionInput): CodeAction[] {
    const { doc, params } = input;
    const fixes: CodeAction[] = [];
    const more: CodeAction[] = [];
    const seen = new Set<string>();
    const add = (list: CodeAction[], key: string, action: CodeAction) => {
        if (!seen.has(key)) {
            seen.add(key);
            list.push(action);
        }
    };
    for (const diagnostic of params.context.diagnostics) {
        if (!isOurs(diagnostic, doc.version)) {
            continue;
        }
        const { ruleId, instructionLine } = diagnostic.data;
        for (const fix of diagnostic.data.fixes.filter(
            (f: DiagnosticData['fixes'][number] | undefined) => typeof f?.title === 'string' && Array.isArray(f.edits),
        )) {
            fixes.push({
                title: fix.title,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                ...(fix.preferred ? { isPreferred: true } : {}),
                edit: workspaceEdit(doc, fix.edits, input.documentChanges),
            });
        }
        if (!ruleById(ruleId) && !isShellCheckCode(ruleId)) {
            continue; // parse-error and the like: nothing to ignore, turn off or read about.
        }
        if (input.settings.lint.inlineSuppressions && typeof instructionLine === 'number') {
            const edit = ignoreEdit(doc, instructionLine, ruleId);
            if (edit) {
                add(more, `ignore ${ruleId} ${instructionLine}`, {
                    title: `Ignore ${ruleId} on this line`,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    edit: workspaceEdit(doc, [edit], input.documentChanges),
                });
            }
        }
        add(more, `off ${ruleId}`, {
            title: `Turn off ${ruleId} in settings`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: {
                title: `Turn off ${ruleId} in settings`,
                command: ClientCommands.turnOffRule,
                arguments: [ruleId, doc.uri],
            },
        });
        if (isShellCheckCode(ruleId)) {
            continue; // Its documentation is ShellCheck's wiki, linked from the diagnostic's code.
        }
        add(more, `docs ${ruleId}`, {
            title: `Show documentation for ${ruleId}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: {
                title: `Show documentation for ${ruleId}`,
                command: ClientCommands.showRuleDocs,
                arguments: [ruleId],
            },
        });
    }
    // Real fixes first, the preferred one on top; the ignore/turn off/docs actions after them.
    fixes.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
    return [...fixes, ...more];
}

const IGNORE_COMMENT = /^(\s*#\s*dockwise\s+ignore\s*=\s*)([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)/i;

/**
 * `# dockwise ignore=<id>` above the instruction starting at `line`, with its indentation; merged
 * into a `# dockwise ignore=` comment already in the comment block right above it.
 */
export function ignoreEdit(doc: TextDocument, line: number, ruleId: string): TextEdit | undefined {
    const lineText = (n: number) =>
        doc
            .getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } })
            .replace(/(\r\n|\r|\n)$/, '');
    for (let n = line - 1; n >= 0; n--) {
        const text = lineText(n);
        if (!text.trim().startsWith('#')) {
            break;
        }
        const m = IGNORE_COMMENT.exec(text);
        if (m) {
            const ids = m[2]!.split(/\s*,\s*/).map((id) => id.toLowerCase());
            if (ids.includes(ruleId.toLowerCase())) {
                return undefined;
            }
            const at = { line: n, character: m[0].length };
            return { range: { start: at, end: at }, newText: `,${ruleId}` };
        }
    }
    const indent = /^[ \t]*/.exec(lineText(line))![0];
    const text = doc.getText();
    const eol = text.includes('\r\n') ? '\r\n' : !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
    const at = { line, character: 0 };
    return { range: { start: at, end: at }, newText: `${indent}# dockwise ignore=${ruleId}${eol}` };
}

/** Every preferred fix of the file whose edits do not overlap an earlier one, as one edit. */
function fixAllAction(doc: TextDocument, findings: LintDiagnostic[], documentChanges: boolean): CodeAction | undefined {
    const { edits: accepted, count } = fixAllEdits(findings);
    if (count === 0) {
        return undefined;
    }
    return {
        title: count === 1 ? 'Fix 1 Dockwise problem' : `Fix ${count} Dockwise problems`,
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(doc, accepted, documentChanges),
    };
}

/**
 * The edits of fix-all. A fix of the escape directive goes alone: every other fix was written for the
 * old escape character (a `\"` in a LABEL value ends the string under a backtick), found by the fix
 * property tests; the next fix-all does the rest.
 */
export function fixAllEdits(findings: LintDiagnostic[]): { edits: TextEdit[]; count: number } {
    const escape = findings.find((d) => d.ruleId === 'escape-directive' && d.fixes.some((f) => f.preferred));
    const accepted: TextEdit[] = [];
    let count = 0;
    for (const d of escape ? [escape] : findings) {
        const fix = d.fixes.find((f) => f.preferred);
        if (!fix || fix.edits.length === 0 || fix.edits.some((e) => accepted.some((a) => overlaps(a.range, e.range)))) {
            continue;
        }
        accepted.push(...fix.edits);
        count++;
    }
    return { edits: accepted, count };
}

function before(a: Range['start'], b: Range['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges that share text, or two insertions at the same place (their order would be arbitrary). */
export function overlaps(a: Range, b: Range): boolean {
    const same = (p: Range['start'], q: Range['start']) => p.line === q.line && p.character === q.character;
    if (same(a.start, b.start)) {
        return true;
    }
    return before(a.start, b.end) && before(b.start, a.end);
}

function workspaceEdit(doc: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
    // A versioned edit is refused by the editor if the document changed since: never a misplaced fix.
    return documentChanges
        ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
        : { changes: { [doc.uri]: edits } };
}
