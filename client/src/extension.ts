// The extension's composition root: it builds every part and hands each its dependencies
// explicitly. Two disposal scopes: context.subscriptions (the extension's lifetime) here, and the
// language client's own scope inside LanguageClientController (disposed on every server restart).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DOCS_SCHEME } from '../../server/src/shared/protocol';
import { registerLintCommands } from './commands/lintCommands';
import { type ExplorerTreeData, registerExplorer } from './explorer';
import { LanguageClientController } from './languageClient';
import { RuleDocsProvider } from './ruleDocs';

/** What `activate` returns: a small handle for the extension-host tests. */
export interface DockwiseApi {
    /** Settles once the language server has started (rejects if it could not). */
    readonly languageClientReady: Promise<void>;
    /** The explorer's tree data, so tests can compare it with the engine. */
    readonly explorer: { readonly views: ExplorerTreeData };
}

let controller: LanguageClientController | undefined;

export function activate(context: vscode.ExtensionContext): DockwiseApi {
    const log = vscode.window.createOutputChannel('Dockwise', { log: true });
    context.subscriptions.push(log);

    // --- Language server: lint, quick fixes, hover, completion, formatting, outline… ---
    controller = new LanguageClientController(context.asAbsolutePath(path.join('dist', 'server.js')), log);
    const lsp = controller;
    context.subscriptions.push(
        lsp,
        vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, new RuleDocsProvider(() => lsp.ready())),
        ...registerLintCommands({ controller: lsp, log }),
    );
    const languageClientReady = lsp.start().then(() => undefined);
    languageClientReady.catch((e: unknown) => {
        log.error(`The Dockwise language server could not start: ${e instanceof Error ? e.message : String(e)}`);
    });

    // --- Container explorer: views, refresh, commands, logs; the engine client is created lazily. ---
    const explorer = registerExplorer(context, { log });
    context.subscriptions.push(explorer);

    return { languageClientReady, explorer: { views: explorer.views } };
}

export async function deactivate(): Promise<void> {
    await controller?.stop();
    controller = undefined;
}
