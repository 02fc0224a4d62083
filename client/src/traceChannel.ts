import * as vscode from 'vscode';

type TraceSetting = 'off' | 'messages' | 'verbose';

function traceSetting(): TraceSetting {
    const value = vscode.workspace.getConfiguration('dockwise').get<string>('trace.server', 'off');
    return value === 'messages' || value === 'verbose' ? value : 'off';
}

/**
 * The channel vscode-languageclient writes its protocol trace to. The client only traces when
 * that channel's log level is Trace, which users cannot guess and extensions cannot set; this
 * channel reports Trace whenever `dockwise.trace.server` is on, so the setting alone works, and
 * writes to its own "Dockwise Language Server Trace" output, created the first time it is used.
 */
export class TraceChannel implements vscode.LogOutputChannel {
    readonly name = 'Dockwise Language Server Trace';
    private channel: vscode.OutputChannel | undefined;
    private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
    readonly onDidChangeLogLevel = this.levelChanged.event;
    private readonly watcher: vscode.Disposable;
    private setting = traceSetting();

    constructor() {
        this.watcher = vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('dockwise.trace.server')) {
                this.setting = traceSetting();
                this.levelChanged.fire(this.logLevel);
            }
        });
    }

    get logLevel(): vscode.LogLevel {
        return this.setting === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace;
    }

    private out(): vscode.OutputChannel {
        this.channel ??= vscode.window.createOutputChannel(this.name);
        return this.channel;
    }

    private write(level: string, message: string | Error): void {
        const text = message instanceof Error ? (message.stack ?? message.message) : message;
        this.out().appendLine(`${new Date().toISOString()} [${level}] ${text}`);
    }

    trace(message: string): void {
        if (this.setting !== 'off') {
            this.write('trace', message);
        }
    }
    debug(message: string): void {
        this.write('debug', message);
    }
    info(message: string): void {
        this.write('info', message);
    }
    warn(message: string): void {
        this.write('warning', message);
    }
    error(error: string | Error): void {
        this.write('error', error);
    }
    append(value: string): void {
        this.out().append(value);
    }
    appendLine(value: string): void {
        this.out().appendLine(value);
    }
    replace(value: string): void {
        this.out().replace(value);
    }
    clear(): void {
        this.channel?.clear();
    }
    show(preserveFocus?: boolean): void;
    show(column?: vscode.ViewColumn, preserveFocus?: boolean): void;
    show(arg?: boolean | vscode.ViewColumn, preserveFocus?: boolean): void {
        this.out().show(typeof arg === 'boolean' ? arg : preserveFocus);
    }
    hide(): void {
        this.channel?.hide();
    }
    dispose(): void {
        this.watcher.dispose();
        this.levelChanged.dispose();
        this.channel?.dispose();
    }
}
