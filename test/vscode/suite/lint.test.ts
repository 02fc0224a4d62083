import * as assert from 'node:assert/strict';
import { suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { ruleById } from '../../../server/src/core/rules';
import { activate, codeOf, dockwiseDiagnostics, openDockerfile, waitForDiagnostics, workspaceFile } from './helpers';
import { BAD_FINDINGS, PRACTICE_CATEGORIES, PRACTICES } from './studyGuide';

/** [line, column (both 1-based), rule id, the text the squiggle covers]: a rule code and its exact range. */
type Finding = readonly [number, number, string, string];
const BAD: readonly Finding[] = BAD_FINDINGS;
const PRACTICE_CATEGORY_SET = new Set(PRACTICE_CATEGORIES);
const isPractice = (d: vscode.Diagnostic): boolean => PRACTICE_CATEGORY_SET.has(ruleById(codeOf(d))?.category ?? '');

/** Findings in a canonical order, so the comparison does not depend on the order of publication. */
function canonical(findings: readonly Finding[]): Finding[] {
    return [...findings].sort(
        (a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3]),
    );
}

/** The best-practice findings among a document's diagnostics. */
function shown(doc: vscode.TextDocument, ds: vscode.Diagnostic[]): Finding[] {
    return canonical(
        ds
            .filter(isPractice)
            .map((d): Finding => [
                d.range.start.line + 1,
                d.range.start.character + 1,
                codeOf(d),
                doc.getText(d.range),
            ]),
    );
}

const sameFindings = (expected: readonly Finding[], doc: vscode.TextDocument) => (ds: vscode.Diagnostic[]) =>
    JSON.stringify(shown(doc, ds)) === JSON.stringify(canonical(expected));

/** Writes `text` to a new Dockerfile in the workspace copy and opens it. */
async function scratchDockerfile(name: string, text: string): Promise<vscode.TextDocument> {
    const uri = workspaceFile('scratch', name, 'Dockerfile');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    return openDockerfile(uri);
}

suite('lint in the editor', () => {
    let bad: vscode.TextDocument;

    suiteSetup(async () => {
        await activate();
        bad = await openDockerfile(workspaceFile('bad', 'Dockerfile'));
    });

    teardown(async () => {
        await vscode.workspace
            .getConfiguration('dockwise')
            .update('rules', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('each best practice is reported on the bad example, with its rule code and range', async () => {
        let ds: vscode.Diagnostic[];
        try {
            ds = await waitForDiagnostics(bad.uri, 'the study guide findings', sameFindings(BAD, bad));
        } catch (e) {
            // Show what the editor has instead of only "timed out".
            assert.deepEqual(shown(bad, dockwiseDiagnostics(bad.uri)), canonical(BAD));
            throw e;
        }
        for (const [practice, rules] of Object.entries(PRACTICES)) {
            assert.ok(
                ds.some((d) => rules.includes(codeOf(d))),
                `practice "${practice}" is reported (${rules.join(' or ')})`,
            );
        }
        for (const d of ds.filter(isPractice)) {
            assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, `${codeOf(d)} defaults to a warning`);
            assert.ok(typeof d.code === 'object', `${codeOf(d)} links to its docs`);
            assert.match(d.code.target.toString(), new RegExp(`${codeOf(d)}`), 'the code links to the rule page');
            assert.ok(d.message.length > 20, 'a message that explains the finding');
        }
    });

    test('the good, multi-stage and site examples break no best practice', async () => {
        for (const which of ['good', 'multi-stage', 'site']) {
            const doc = await openDockerfile(workspaceFile(which, 'Dockerfile'));
            // The server lints a document as it opens, before it answers requests about it: once its outline
            // arrives, the (empty) diagnostics are final.
            const symbols = await vscode.commands.executeCommand<unknown[]>(
                'vscode.executeDocumentSymbolProvider',
                doc.uri,
            );
            assert.ok(symbols?.length, `the language server answers for ${which}/Dockerfile`);
            const ds = dockwiseDiagnostics(doc.uri);
            assert.deepEqual(shown(doc, ds), [], `${which}/Dockerfile has no best-practice findings`);
            assert.deepEqual(
                ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf),
                [],
                `${which}/Dockerfile has no errors`,
            );
        }
    });

    test('hovering a finding shows the rule documentation', async () => {
        await waitForDiagnostics(bad.uri, 'the study guide findings', sameFindings(BAD, bad));
        const cmd = bad.lineAt(26).text;
        const at = new vscode.Position(26, cmd.indexOf('tail -f') + 2); // inside `tail -f /dev/null`
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', bad.uri, at);
        const text = hovers
            .flatMap((h) => h.contents)
            .map((c) => (typeof c === 'string' ? c : c.value))
            .join('\n');
        assert.match(text, /keep-alive-hack/, 'names the rule');
        assert.match(text, /tail -f \/dev\/null/, 'explains the finding');
    });

    test('a quick fix from the code action provider changes the document as expected', async () => {
        const original = bad.getText();
        const doc = await scratchDockerfile('quickfix', original);
        const ds = await waitForDiagnostics(doc.uri, 'the findings', sameFindings(BAD, doc));
        const expose = ds.find((d) => codeOf(d) === 'expose-missing');
        assert.ok(expose);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            doc.uri,
            expose.range,
            vscode.CodeActionKind.QuickFix.value,
        );
        const fix = actions.find((a) => a.title === 'Add EXPOSE 80');
        assert.ok(fix?.edit, `"Add EXPOSE 80" is offered; got: ${actions.map((a) => a.title).join(' | ')}`);
        assert.ok(fix.kind?.contains(vscode.CodeActionKind.QuickFix));
        assert.ok(await vscode.workspace.applyEdit(fix.edit));

        const lines = original.split('\n');
        lines.splice(26, 0, 'EXPOSE 80');
        assert.equal(doc.getText(), lines.join('\n'), 'EXPOSE 80 is inserted right before CMD');
        // The server relints the edited text: that finding is gone, the others stay (CMD moved one line down).
        const expected = BAD.filter(([, , rule]) => rule !== 'expose-missing').map(
            ([line, column, rule, text]): Finding => [line >= 27 ? line + 1 : line, column, rule, text],
        );
        await waitForDiagnostics(doc.uri, 'the findings after the fix', sameFindings(expected, doc));
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('changing dockwise.rules in the workspace settings changes the diagnostics live', async () => {
        await waitForDiagnostics(bad.uri, 'the study guide findings', sameFindings(BAD, bad));
        const config = vscode.workspace.getConfiguration('dockwise');
        await config.update(
            'rules',
            { 'secret-in-env': 'error', 'keep-alive-hack': 'off', 'log-to-file': 'hint' },
            vscode.ConfigurationTarget.Workspace,
        );
        const count = (rule: string) => BAD.filter(([, , r]) => r === rule).length;
        const severities = (ds: vscode.Diagnostic[], rule: string) =>
            ds.filter((d) => codeOf(d) === rule).map((d) => d.severity);
        const all = (rule: string, severity: vscode.DiagnosticSeverity) => Array(count(rule)).fill(severity);
        const wanted: Record<string, vscode.DiagnosticSeverity[]> = {
            'secret-in-env': all('secret-in-env', vscode.DiagnosticSeverity.Error),
            'keep-alive-hack': [],
            'log-to-file': all('log-to-file', vscode.DiagnosticSeverity.Hint),
            'multiple-services': all('multiple-services', vscode.DiagnosticSeverity.Warning),
        };
        const changed = await waitForDiagnostics(bad.uri, 'the new severities', (ds) =>
            Object.entries(wanted).every(([rule, s]) => severities(ds, rule).join() === s.join()),
        );
        assert.equal(
            changed.filter(isPractice).length,
            BAD.length - count('keep-alive-hack'),
            'only keep-alive-hack is off',
        );

        await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
        await waitForDiagnostics(
            bad.uri,
            'the default severities again',
            (ds) =>
                sameFindings(BAD, bad)(ds) &&
                ds.filter(isPractice).every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
        );
    });
});
