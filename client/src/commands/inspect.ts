// "Inspect": the engine's inspect JSON in a read-only editor (a virtual document, so it cannot be saved over
// anything and never touches the disk). Its title bar has a Refresh button.
import * as vscode from 'vscode';
import { errorText } from '../errorText';
import type { EngineConnection } from '../engineConnection';
import { inspectJson, inspectTitle } from './inspectText';

export const INSPECT_SCHEME = 'dockwise-inspect';
export type InspectKind = 'container' | 'image' | 'volume' | 'network';
const KINDS = new Set<string>(['container', 'image', 'volume', 'network']);

export class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly onDidChangeEmitter = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.onDidChangeEmitter.event;
    private readonly registration: vscode.Disposable;

    constructor(private readonly connection: EngineConnection) {
        this.registration = vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, this);
    }

    /** Opens (or re-focuses) the inspect document of one object. */
    async open(kind: InspectKind, id: string, name: string): Promise<void> {
        // The name makes the tab title; the id (in the query) is what is asked for.
        const safeName = inspectTitle(name, id);
        const uri = vscode.Uri.from({
            scheme: INSPECT_SCHEME,
            path: `/${kind}/${safeName}.json`,
            query: new URLSearchParams({ id }).toString(),
        });
        const doc = await vscode.workspace.openTextDocument(uri);
        if (doc.languageId !== 'json') {
            await vscode.languages.setTextDocumentLanguage(doc, 'json');
        }
        await vscode.window.showTextDocument(doc, { preview: false });
    }

    /** Re-reads the document in the active editor (the title-bar Refresh button). */
    refresh(uri?: vscode.Uri): void {
        const target = uri ?? vscode.window.activeTextEditor?.document.uri;
        if (target?.scheme === INSPECT_SCHEME) {
            this.onDidChangeEmitter.fire(target);
        }
    }

    async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
        const kind = uri.path.split('/')[1] ?? '';
        const id = new URLSearchParams(uri.query).get('id');
        if (!KINDS.has(kind) || !id) {
            return `// Not a Dockwise inspect document: ${uri.toString()}\n`;
        }
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
            const client = await this.connection.client();
            const raw = await client.inspectRaw(kind as InspectKind, id, { signal: controller.signal });
            return inspectJson(raw);
        } catch (e) {
            this.connection.reportError(e);
            // JSON has no comments; a JSON string keeps the document valid and the reason readable.
            return inspectJson({ error: `Could not inspect ${kind} ${id}: ${errorText(e)}` });
        } finally {
            sub.dispose();
        }
    }

    dispose(): void {
        this.registration.dispose();
        this.onDidChangeEmitter.dispose();
    }
}
