// The language client's commands: rule documentation, turning a rule off, restarting the server,
// showing the log. Registered in the extension scope, so they keep working across server restarts.
import * as vscode from 'vscode';
import { ClientCommands } from '../../../server/src/shared/protocol';
import type { LanguageClientController } from '../languageClient';
import { showRuleDocs } from '../ruleDocs';

export interface LintCommandDeps {
    controller: LanguageClientController;
    log: vscode.LogOutputChannel;
}

interface Placement {
    target: vscode.ConfigurationTarget;
    scope: vscode.Uri | undefined;
    where: string;
}

/** The workspace folder of the file when there is one, else the workspace, else the user settings. */
function placement(documentUri: vscode.Uri | undefined): Placement {
    const folder = documentUri ? vscode.workspace.getWorkspaceFolder(documentUri) : undefined;
    if (folder) {
        const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
        return {
            target: vscode.ConfigurationTarget.WorkspaceFolder,
            scope: folder.uri,
            where: multiRoot ? `the settings of folder ${folder.name}` : 'the workspace settings',
        };
    }
    if ((vscode.workspace.workspaceFolders?.length ?? 0) > 0 || vscode.workspace.workspaceFile) {
        return { target: vscode.ConfigurationTarget.Workspace, scope: undefined, where: 'the workspace settings' };
    }
    return { target: vscode.ConfigurationTarget.Global, scope: undefined, where: 'your user settings' };
}

type RuleMap = Record<string, string>;

function valueAt(config: vscode.WorkspaceConfiguration, target: vscode.ConfigurationTarget): RuleMap | undefined {
    const inspected = config.inspect<RuleMap>('rules');
    switch (target) {
        case vscode.ConfigurationTarget.WorkspaceFolder:
            return inspected?.workspaceFolderValue;
        case vscode.ConfigurationTarget.Workspace:
            return inspected?.workspaceValue;
        default:
            return inspected?.globalValue;
    }
}

/** Sets `"dockwise.rules": { "<id>": "off" }` where it applies to the file, keeping the other rules. */
export async function turnOffRule(ruleId: unknown, documentUri: unknown): Promise<void> {
    if (typeof ruleId !== 'string' || !ruleId) {
        return;
    }
    const uri =
        typeof documentUri === 'string'
            ? vscode.Uri.parse(documentUri)
            : documentUri instanceof vscode.Uri
              ? documentUri
              : vscode.window.activeTextEditor?.document.uri;
    const place = placement(uri);
    const config = vscode.workspace.getConfiguration('dockwise', place.scope);
    const before = valueAt(config, place.target);
    await config.update('rules', { ...(before ?? {}), [ruleId]: 'off' }, place.target);
    // Not awaited: the command is done once the setting is written; the offer to undo stays up meanwhile.
    void vscode.window
        .showInformationMessage(`Dockwise: ${ruleId} is now off in ${place.where}.`, 'Undo')
        .then(async (choice) => {
            if (choice === 'Undo') {
                await config.update('rules', before, place.target);
            }
        });
}

export function registerLintCommands(deps: LintCommandDeps): vscode.Disposable[] {
    const ready = () => deps.controller.ready();
    const report = (what: string) => (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        deps.log.error(`${what}: ${message}`);
        void vscode.window.showErrorMessage(`Dockwise could not ${what}: ${message}`);
    };
    return [
        vscode.commands.registerCommand(ClientCommands.showRuleDocs, (ruleId?: unknown) =>
            showRuleDocs(ready, ruleId).catch(report('show the rule documentation')),
        ),
        vscode.commands.registerCommand(ClientCommands.turnOffRule, (ruleId?: unknown, documentUri?: unknown) =>
            turnOffRule(ruleId, documentUri).catch(report('turn the rule off')),
        ),
        vscode.commands.registerCommand('dockwise.restartServer', () =>
            vscode.window
                .withProgress(
                    { location: vscode.ProgressLocation.Window, title: 'Restarting the Dockwise language server' },
                    () => deps.controller.restart(),
                )
                .then(undefined, report('restart the language server')),
        ),
        vscode.commands.registerCommand('dockwise.showOutput', () => deps.log.show()),
    ];
}
