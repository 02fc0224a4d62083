// `docker run -it` without the CLI: a VS Code terminal attached to a created container, which it then starts.
// Attaching first means the first output (a prompt, a banner) is never lost.
import * as vscode from 'vscode';
import type { AttachSession, ContainerRunSpec, EngineClient } from '../engine/types';
import { errorText } from '../errorText';
import { explainRunFailure } from './runErrors';

export interface RunTerminalOptions {
    readonly client: EngineClient;
    readonly id: string;
    readonly title: string;
    readonly spec: ContainerRunSpec;
    /** Called once the container runs (or failed to start, with the error). */
    readonly onStarted?: (error?: unknown) => void;
    readonly log?: vscode.LogOutputChannel;
}

class RunPseudoterminal implements vscode.Pseudoterminal {
    private readonly writeEmitter = new vscode.EventEmitter<string>();
    private readonly closeEmitter = new vscode.EventEmitter<number | void>();
    readonly onDidWrite = this.writeEmitter.event;
    readonly onDidClose = this.closeEmitter.event;
    private session: AttachSession | undefined;
    /** After the container ended or failed: the next key closes the terminal. */
    private finished = false;
    private closed = false;
    private size: vscode.TerminalDimensions | undefined;

    constructor(private readonly o: RunTerminalOptions) {}

    open(dimensions: vscode.TerminalDimensions | undefined): void {
        this.size = dimensions;
        void this.start();
    }

    handleInput(data: string): void {
        if (this.finished) {
            this.dispose();
        } else {
            this.session?.write(data);
        }
    }

    setDimensions(dimensions: vscode.TerminalDimensions): void {
        this.size = dimensions;
        this.session?.resize(dimensions.columns, dimensions.rows).catch(() => undefined);
    }

    /** The user closed the terminal: detach (the container gets EOF on stdin, like closing `docker run -it`). */
    close(): void {
        this.session?.close();
        this.dispose();
    }

    private async start(): Promise<void> {
        const { client, id, spec } = this.o;
        try {
            const session = await client.attachContainer(id, { cols: this.size?.columns, rows: this.size?.rows });
            if (this.closed) {
                session.dispose();
                return;
            }
            this.session = session;
            session.onData((d) => this.writeEmitter.fire(d));
            session.onExit((code) => this.ended(code));
            await client.startContainer(id, { timeoutMs: 60_000 });
            if (this.size) {
                await session.resize(this.size.columns, this.size.rows).catch(() => undefined);
            }
            this.o.onStarted?.();
        } catch (e) {
            const error = explainRunFailure(spec, e);
            this.o.onStarted?.(error);
            this.o.log?.error(`Run ${spec.image} in a terminal: ${errorText(error)}`);
            this.session?.dispose();
            // A container that never ran is not worth keeping (the wizard can run it again).
            await client.removeContainer(id, { force: true }).catch(() => undefined);
            this.finish(`\x1b[31mCould not run ${spec.image}: ${errorText(error).replace(/\n/g, '\r\n')}\x1b[0m`);
        }
    }

    private ended(code: number | undefined): void {
        const how = code === undefined ? 'The container ended.' : `The container exited with code ${code}.`;
        this.finish(`\r\n\x1b[2m${how}${this.o.spec.autoRemove ? ' It was removed (--rm).' : ''}\x1b[0m`);
    }

    private finish(text: string): void {
        if (this.finished || this.closed) {
            return;
        }
        this.finished = true;
        // Keep the terminal so the last output and the reason can be read; a key press closes it.
        this.writeEmitter.fire(`${text}\r\nPress any key to close this terminal.\r\n`);
    }

    private dispose(): void {
        if (this.closed) {
            return;
        }
        this.closed = true;
        this.session?.dispose();
        this.closeEmitter.fire();
        this.writeEmitter.dispose();
        this.closeEmitter.dispose();
    }
}

/** Opens the terminal; attaching and starting happen as it opens. */
export function openRunTerminal(options: RunTerminalOptions): vscode.Terminal {
    const terminal = vscode.window.createTerminal({
        name: options.title,
        pty: new RunPseudoterminal(options),
        iconPath: new vscode.ThemeIcon('terminal'),
        isTransient: true, // an attach cannot be restored after a window reload
    });
    terminal.show();
    return terminal;
}
