import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestServer } from './lspClient';

/** The foundation issue's acceptance check over LSP: the CLI's findings, then a quick fix applied. */
const root = path.resolve(__dirname, '..', '..', '..');
const text = readFileSync(path.join(root, 'test/fixtures/examples/bad/Dockerfile'), 'utf8');
const expected = (
    JSON.parse(readFileSync(path.join(root, 'test/fixtures/examples/studyGuideFindings.json'), 'utf8')) as {
        findings: { rule: string; line: number }[];
    }
).findings;
const URI = 'file:///workspace/bad/Dockerfile';

describe('language server on the study guide example', () => {
    let server: TestServer;
    before(async () => {
        server = await TestServer.start({ settings: { lint: { debounceMs: 0 } } });
    });
    after(async () => {
        await server.stop();
    });

    it('publishes the same best-practice findings as the CLI and applies a quick fix', async () => {
        const published = await server.open(URI, text);
        const diagnostics = published.diagnostics;
        for (const e of expected) {
            assert.ok(
                diagnostics.some(
                    (d) => d.code === e.rule && d.range.start.line === e.line - 1 && d.source === 'dockwise',
                ),
                `${e.rule} at line ${e.line}`,
            );
        }
        const execForm = diagnostics.find((d: Diagnostic) => d.code === 'cmd-exec-form');
        assert.ok(execForm);
        const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: URI },
            range: execForm.range,
            context: { diagnostics: [execForm], only: ['quickfix'] },
        });
        // The CMD needs its shell (&&), so the offered fix is `exec` before the last command, not JSON form.
        const fix = actions.find((a) => a.diagnostics?.some((d) => d.code === 'cmd-exec-form') && a.edit);
        assert.ok(fix, `a quick fix for cmd-exec-form among ${actions.map((a) => a.title).join(' | ')}`);
        const edits: TextEdit[] = [
            ...(fix.edit?.changes?.[URI] ?? []),
            ...(fix.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? (c.edits as TextEdit[]) : [])),
        ];
        assert.ok(edits.length > 0);
        const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'dockerfile', 1, text), edits);
        const republished = await server.changeAndWait(URI, [{ text: fixed }]);
        assert.ok(!republished.diagnostics.some((d) => d.code === 'cmd-exec-form'), 'the fixed finding is gone');
    });
});
