import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCS_SCHEME, ruleDocsPath, RuleDocsRequest, RulesRequest } from '../../server/src/shared/protocol';

type ClientSource = () => Promise<LanguageClient>;

export function ruleDocsUri(id: string): vscode.Uri {
    return vscode.Uri.from({ scheme: DOCS_SCHEME, path: ruleDocsPath(id) });
}

/**
 * Serves `dockwise-docs:/rules/<id>.md`: read-only Markdown documents whose text is the rule
 * documentation bundled in the language server, so the docs work offline and always match the
 * rules that run.
 */
export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
    constructor(private readonly client: ClientSource) {}

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const m = /^\/rules\/(.+)\.md$/.exec(uri.path);
        if (!m) {
            return `# Not found\n\n\`${uri.toString()}\` is not a Dockwise documentation page.\n`;
        }
        const id = m[1]!;
        try {
            const client = await this.client();
            const docs = await client.sendRequest(RuleDocsRequest.type, { id });
            return (
                docs?.markdown ??
                `# ${id}\n\nDockwise has no rule \`${id}\`. Run **Dockwise: Show Rule Documentation** to pick one.\n`
            );
        } catch (e) {
            return `# ${id}\n\nThe documentation could not be loaded: the Dockwise language server is not running (${e instanceof Error ? e.message : String(e)}). Run **Dockwise: Restart Language Server** and try again.\n`;
        }
    }
}

/** Lets the user pick a rule; undefined if they cancel. */
async function pickRule(client: ClientSource): Promise<string | undefined> {
    const rules = await (await client()).sendRequest(RulesRequest.type);
    const picked = await vscode.window.showQuickPick(
        rules.map((r) => ({
            label: r.id,
            description: r.title,
            detail: `${r.category} · ${r.offByDefault ? `off by default (${r.defaultSeverity} when on)` : r.defaultSeverity}`,
        })),
        { title: 'Dockwise: Show Rule Documentation', placeHolder: 'Rule', matchOnDescription: true },
    );
    return picked?.label;
}

/**
 * The rule's documentation in a Markdown preview (the rendered page; the virtual source opens
 * instead when the built-in Markdown extension is disabled). Without a rule id, asks for one.
 */
export async function showRuleDocs(client: ClientSource, ruleId?: unknown): Promise<void> {
    const id = typeof ruleId === 'string' && ruleId ? ruleId : await pickRule(client);
    if (!id) {
        return;
    }
    const uri = ruleDocsUri(id);
    try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, { preview: true });
    }
}
