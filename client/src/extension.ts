import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const module = context.asAbsolutePath(path.join('dist', 'server.js'));
    client = new LanguageClient(
        'dockwise',
        'Dockwise',
        {
            run: { module, transport: TransportKind.ipc },
            debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
        },
        { documentSelector: [{ language: 'dockerfile' }] },
    );
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
