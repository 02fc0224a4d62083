import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/types';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { TestServer } from './lspClient';

const KEEP_ALIVE = 'FROM ubuntu:24.04\nRUN apt-get update\nCMD service nginx start && tail -f /dev/null\n';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** The edits of a workspace edit for `uri`, whichever form the server chose. */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
    const fromChanges = edit?.changes?.[uri] ?? [];
    const fromDocumentChanges = (edit?.documentChanges ?? []).flatMap((c) =>
        'edits' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : [],
    );
    return [...fromChanges, ...fromDocumentChanges];
}

function apply(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 0, text), edits);
}

function codeActions(
    server: TestServer,
    uri: string,
    diagnostics: Diagnostic[],
    only?: string[],
): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? WHOLE;
    return server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics, ...(only ? { only } : {}) },
    });
}

/** The first rule (on by default) whose documented bad example gets a finding with a fix. */
function firstFixableRule(): { rule: Rule; text: string } | undefined {
    for (const rule of RULES) {
        if (rule.offByDefault) {
            continue;
        }
        const result = lint(rule.docs.bad, {}, [rule]);
        if (result.diagnostics.some((d) => d.fixes.length > 0)) {
            return { rule, text: rule.docs.bad };
        }
    }
    return undefined;
}

describe('code actions', () => {
    let server: TestServer;
    before(async () => {
        server = await TestServer.start({ settings: { lint: { debounceMs: 0 } } });
    });
    after(async () => {
        await server.stop();
    });

    it('offers ignore-on-line, turn-off and show-docs for a finding; the ignore edit silences it', async () => {
        const uri = 'file:///work/actions/Dockerfile';
        const opened = await server.open(uri, KEEP_ALIVE);
        const diagnostic = opened.diagnostics.find((d) => d.code === 'keep-alive-hack');
        assert.ok(diagnostic);
        const actions = await codeActions(server, uri, [diagnostic]);
        const byTitle = new Map(actions.map((a) => [a.title, a]));

        const ignore = byTitle.get('Ignore keep-alive-hack on this line');
        assert.ok(ignore, JSON.stringify(actions.map((a) => a.title)));
        assert.equal(ignore.kind, 'quickfix');
        assert.deepEqual(ignore.diagnostics, [diagnostic]);
        assert.deepEqual(editsOf(ignore.edit, uri), [
            {
                range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
                newText: '# dockwise ignore=keep-alive-hack\n',
            },
        ]);
        // Versioned, so the editor refuses it if the document moved on.
        assert.equal(
            (ignore.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version,
            1,
        );

        const off = byTitle.get('Turn off keep-alive-hack in settings');
        assert.deepEqual(off?.command, {
            title: 'Turn off keep-alive-hack in settings',
            command: 'dockwise.turnOffRule',
            arguments: ['keep-alive-hack', uri],
        });
        const docs = byTitle.get('Show documentation for keep-alive-hack');
        assert.deepEqual(docs?.command, {
            title: 'Show documentation for keep-alive-hack',
            command: 'dockwise.showRuleDocs',
            arguments: ['keep-alive-hack'],
        });

        const text = apply(KEEP_ALIVE, editsOf(ignore.edit, uri));
        const after = await server.changeAndWait(uri, [{ text }]);
        assert.ok(!after.diagnostics.some((d) => d.code === 'keep-alive-hack'));
    });

    it('keeps the indentation of the instruction and merges into an existing ignore comment', async () => {
        const indented = 'FROM ubuntu:24.04\nRUN apt-get update\n    CMD tail -f /dev/null\n';
        const uri1 = 'file:///work/indent/Dockerfile';
        const d1 = (await server.open(uri1, indented)).diagnostics.find((d) => d.code === 'keep-alive-hack');
        assert.ok(d1);
        const ignore1 = (await codeActions(server, uri1, [d1])).find((a) =>
            a.title.startsWith('Ignore keep-alive-hack'),
        );
        assert.deepEqual(editsOf(ignore1?.edit, uri1)[0]?.newText, '    # dockwise ignore=keep-alive-hack\n');

        const merged =
            'FROM ubuntu:24.04\r\n# dockwise ignore=cmd-exec-form, some-other-rule\r\n# why: legacy\r\nCMD tail -f /dev/null\r\n';
        const uri2 = 'file:///work/merge/Dockerfile';
        const d2 = (await server.open(uri2, merged)).diagnostics.find((d) => d.code === 'keep-alive-hack');
        assert.ok(d2);
        const ignore2 = (await codeActions(server, uri2, [d2])).find((a) =>
            a.title.startsWith('Ignore keep-alive-hack'),
        );
        const at = { line: 1, character: '# dockwise ignore=cmd-exec-form, some-other-rule'.length };
        assert.deepEqual(editsOf(ignore2?.edit, uri2), [
            { range: { start: at, end: at }, newText: ',keep-alive-hack' },
        ]);
        const text = apply(merged, editsOf(ignore2?.edit, uri2));
        const after = await server.changeAndWait(uri2, [{ text }]);
        assert.ok(!after.diagnostics.some((d) => d.code === 'keep-alive-hack'));
    });

    it('inserts a CRLF ignore comment into a CRLF file', async () => {
        const uri = 'file:///work/crlf/Dockerfile';
        const text = KEEP_ALIVE.replace(/\n/g, '\r\n');
        const d = (await server.open(uri, text)).diagnostics.find((x) => x.code === 'keep-alive-hack');
        assert.ok(d);
        const ignore = (await codeActions(server, uri, [d])).find((a) => a.title.startsWith('Ignore'));
        assert.equal(editsOf(ignore?.edit, uri)[0]?.newText, '# dockwise ignore=keep-alive-hack\r\n');
    });

    it('offers nothing for a diagnostic of an older version of the document', async () => {
        const uri = 'file:///work/stale/Dockerfile';
        const d = (await server.open(uri, KEEP_ALIVE)).diagnostics.find((x) => x.code === 'keep-alive-hack');
        assert.ok(d);
        await server.changeAndWait(uri, [{ text: KEEP_ALIVE + '\n' }]);
        assert.deepEqual(await codeActions(server, uri, [d]), []);
    });

    it('applies a rule quick fix (the first fixable rule in RULES), which resolves the finding', async () => {
        const fixable = firstFixableRule();
        assert.ok(fixable, 'no rule in RULES has a quick fix for its documented bad example');
        const { rule, text } = fixable;
        const expected = lint(text, {}, [rule]).diagnostics.find((d) => d.fixes.length > 0)!;
        const uri = `file:///work/fix/${rule.id}/Dockerfile`;
        const opened = await server.open(uri, text);
        const diagnostic = opened.diagnostics.find(
            (d) => d.code === rule.id && JSON.stringify(d.range) === JSON.stringify(expected.range),
        );
        assert.ok(diagnostic, `${rule.id} not published at ${JSON.stringify(expected.range)}`);
        const actions = await codeActions(server, uri, [diagnostic]);
        const fix = expected.fixes[0]!;
        const action = actions.find((a) => a.title === fix.title);
        assert.ok(action, `"${fix.title}" not in ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.equal(action.kind, 'quickfix');
        assert.equal(action.isPreferred === true, fix.preferred === true);
        assert.equal(actions[0]!.title, expected.fixes.find((f) => f.preferred)?.title ?? actions[0]!.title);
        const fixed = apply(text, editsOf(action.edit, uri));
        assert.equal(fixed, apply(text, fix.edits));
        const after = await server.changeAndWait(uri, [{ text: fixed }]);
        const before = opened.diagnostics.filter((d) => d.code === rule.id).length;
        assert.ok(after.diagnostics.filter((d) => d.code === rule.id).length < before, `${rule.id} still reported`);
    });

    it('fixes all preferred fixes of a file with source.fixAll.dockwise, converging', async () => {
        const fixable = RULES.filter(
            (r) =>
                !r.offByDefault && lint(r.docs.bad, {}, [r]).diagnostics.some((d) => d.fixes.some((f) => f.preferred)),
        );
        assert.ok(fixable.length > 0, 'no rule has a preferred fix for its documented bad example');
        const uri = 'file:///work/fixall/Dockerfile';
        let text = fixable[0]!.docs.bad;
        await server.open(uri, text);
        const quickOnly = await codeActions(server, uri, [], ['quickfix']);
        assert.ok(!quickOnly.some((a) => a.kind === FIX_ALL_KIND));
        let rounds = 0;
        for (; rounds < 5; rounds++) {
            const actions = await codeActions(server, uri, [], [FIX_ALL_KIND]);
            if (actions.length === 0) {
                break;
            }
            assert.equal(actions.length, 1);
            assert.equal(actions[0]!.kind, FIX_ALL_KIND);
            assert.match(actions[0]!.title, /^Fix \d+ Dockwise problems?$/);
            text = apply(text, editsOf(actions[0]!.edit, uri));
            await server.changeAndWait(uri, [{ text }]);
        }
        assert.ok(rounds >= 1 && rounds < 5, `fix-all did not converge (${rounds} rounds)`);
        const remaining = lint(text).diagnostics.filter((d) => d.fixes.some((f) => f.preferred));
        assert.deepEqual(remaining, []);
    });

    it('leaves out the ignore action when inline suppressions are off', async () => {
        server.settings = { lint: { debounceMs: 0, inlineSuppressions: false } };
        const uri = 'file:///work/no-inline/Dockerfile';
        const relinted = server.nextDiagnostics('file:///work/actions/Dockerfile');
        await server.notify('workspace/didChangeConfiguration', { settings: null });
        await relinted;
        const d = (await server.open(uri, KEEP_ALIVE)).diagnostics.find((x) => x.code === 'keep-alive-hack');
        assert.ok(d);
        const titles = (await codeActions(server, uri, [d])).map((a) => a.title);
        assert.ok(!titles.some((t) => t.startsWith('Ignore')), JSON.stringify(titles));
        assert.ok(titles.includes('Turn off keep-alive-hack in settings'));
        server.settings = { lint: { debounceMs: 0 } };
    });
});
