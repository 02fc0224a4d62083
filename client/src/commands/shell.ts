// "Open Shell": a VS Code terminal wired straight to an engine exec session (no `docker exec` in a shell).
import * as vscode from 'vscode';
import type { ContainerInfo, ExecSession } from '../engine/types';
import { errorText } from '../errorText';
import type { ExplorerContext } from './context';

export class ExecPseudoterminal implements vscode.Pseudoterminal {
    private readonly writeEmitter = new vscode.EventEmitter<string>();
    private readonly closeEmitter = new vscode.EventEmitter<number | void>();
    readonly onDidWrite = this.writeEmitter.event;
    readonly onDidClose = this.closeEmitter.event;
    private session: ExecSession | undefined;
    private readonly pending: string[] = [];
    private failed = false;
    private closed = false;
    private readonly abort = new AbortController();

    constructor(
        private readonly ctx: ExplorerContext,
        private readonly container: ContainerInfo,
    ) {}

    open(dimensions: vscode.TerminalDimensions | undefined): void {
        void this.start(dimensions);
    }

    handleInput(data: string): void {
        if (this.failed) {
            this.finish(1); // any key closes a terminal that only shows an error
        } else if (this.session) {
            this.session.write(data);
        } else {
            this.pending.push(data); // typed before the session was ready
        }
    }

    setDimensions(dimensions: vscode.TerminalDimensions): void {
        this.session?.resize(dimensions.columns, dimensions.rows).catch(() => undefined);
    }

    close(): void {
        this.abort.abort();
        this.session?.close();
        this.dispose();
    }

    private async start(dimensions: vscode.TerminalDimensions | undefined): Promise<void> {
        try {
            const client = await this.ctx.connection.client();
            const session = await client.openExec(this.container.id, {
                cols: dimensions?.columns,
                rows: dimensions?.rows,
                signal: this.abort.signal,
            });
            if (this.closed) {
                session.close();
                return;
            }
            this.session = session;
            session.onData((data) => this.writeEmitter.fire(data));
            session.onExit((code) => this.finish(code ?? 0));
            for (const data of this.pending.splice(0)) {
                session.write(data);
            }
        } catch (e) {
            if (this.closed) {
                return;
            }
            this.failed = true;
            this.ctx.log.error(`Open shell in ${this.container.name}: ${errorText(e)}`);
            // Keep the terminal open so the reason can be read; a key press closes it.
            this.writeEmitter.fire(
                `\x1b[31mCould not open a shell in ${this.container.name}: ${errorText(e).replace(/\n/g, '\r\n')}\x1b[0m\r\n` +
                    'Press any key to close this terminal.\r\n',
            );
        }
    }

    private finish(code: number): void {
        if (!this.closed) {
            this.closeEmitter.fire(code);
            this.dispose();
        }
    }

    private dispose(): void {
        if (!this.closed) {
            this.closed = true;
            this.session?.dispose();
            this.writeEmitter.dispose();
            this.closeEmitter.dispose();
        }
    }
}

export function openShellTerminal(ctx: ExplorerContext, container: ContainerInfo): vscode.Terminal {
    const terminal = vscode.window.createTerminal({
        name: `Shell: ${container.name}`,
        pty: new ExecPseudoterminal(ctx, container),
        iconPath: new vscode.ThemeIcon('vm'),
        isTransient: true, // an exec session cannot be restored after a window reload
    });
    terminal.show();
    return terminal;
}
