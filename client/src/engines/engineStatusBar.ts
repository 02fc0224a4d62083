// The status bar item: which engine this window uses and whether it answers; a click opens the engine quick pick.
import * as vscode from 'vscode';
import type { EngineConnection } from '../engineConnection';
import type { EngineChoice } from './engineChoice';

export const PICK_COMMAND = 'dockwise.engines.pick';

/** The engine's short name: the chosen entry, else the context, else the host. */
function engineName(connection: EngineConnection, choice: EngineChoice): string {
    const s = connection.state;
    const conn = s.state === 'idle' ? undefined : s.connection;
    if (choice.chosen) {
        return choice.chosen.name;
    }
    if (conn?.source === 'env') {
        return 'DOCKER_HOST';
    }
    return conn?.contextName ?? (conn ? conn.host.replace(/^unix:\/\//, '') : 'Docker');
}

export function engineStatusBar(connection: EngineConnection, choice: EngineChoice): vscode.Disposable {
    const item = vscode.window.createStatusBarItem('dockwise.engine', vscode.StatusBarAlignment.Left, 10);
    item.name = 'Dockwise Engine';
    item.command = PICK_COMMAND;
    const update = (): void => {
        const s = connection.state;
        const name = engineName(connection, choice);
        const how = choice.chosen ? 'chosen for this window' : 'automatic';
        const unreachable = s.state === 'unreachable';
        item.text = `$(${unreachable ? 'debug-disconnect' : 'server-environment'}) ${name}`;
        item.backgroundColor = unreachable ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
        const detail =
            s.state === 'connected'
                ? s.connection.description
                : s.state === 'unreachable'
                  ? `unreachable: ${s.error.message}`
                  : 'not contacted yet';
        item.tooltip = `Dockwise engine: ${name} (${how})\n${detail}\nClick to choose the engine for this window.`;
        item.accessibilityInformation = { label: `Dockwise engine ${name}, ${unreachable ? 'unreachable' : how}` };
    };
    update();
    item.show();
    return vscode.Disposable.from(
        item,
        connection.onDidChangeState(update),
        connection.onDidReset(update),
        choice.onDidChange(update),
    );
}
