// Container logs as read-only virtual documents (`dockwise-logs:/<name>.log?id=<container id>`).
//
// Why a document and not a LogOutputChannel: an output channel stamps its own time and level on every line,
// cannot tell us when the user closes it (so the stream would run forever), and shares one dropdown with
// every other channel. A document gets editor search, word wrap, folding, the built-in Log highlighting,
// several side by side, decorations for stderr, and a close event that ends the stream.
import * as vscode from 'vscode';
import { type ContainerInfo, isEngineError } from '../engine/types';
import type { EngineConnection } from '../engineConnection';
import { errorText } from '../errorText';
import { logDriverNote } from '../views/containerTooltip';
import { LogBuffer, type RenderedLog } from './logBuffer';

export const LOGS_SCHEME = 'dockwise-logs';
/** Redraws at most this often: a chatty container must not make the editor re-read 10 000 lines per line. */
const THROTTLE_MS = 150;

interface Session {
    readonly uri: vscode.Uri;
    readonly containerId: string;
    readonly name: string;
    readonly buffer: LogBuffer;
    readonly abort: AbortController;
    timestamps: boolean;
    /** What the editor was last given (decorations must match it, not the buffer, which may be ahead). */
    shown: RenderedLog;
    timer: NodeJS.Timeout | undefined;
    /** Editors scrolled to the end before an update: they keep following the output. */
    following: Set<vscode.TextEditor>;
}

export class LogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly sessions = new Map<string, Session>();
    private readonly onDidChangeEmitter = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.onDidChangeEmitter.event;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly stderrDecoration = vscode.window.createTextEditorDecorationType({
        color: new vscode.ThemeColor('dockwise.logs.stderrForeground'),
        overviewRulerColor: new vscode.ThemeColor('dockwise.logs.stderrForeground'),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        isWholeLine: true,
    });
    private readonly markerDecoration = vscode.window.createTextEditorDecorationType({
        color: new vscode.ThemeColor('descriptionForeground'),
        fontStyle: 'italic',
        isWholeLine: true,
    });

    constructor(
        private readonly connection: EngineConnection,
        private readonly log?: vscode.LogOutputChannel,
    ) {
        this.disposables.push(
            vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, this),
            vscode.workspace.onDidChangeTextDocument((e) => this.afterUpdate(e.document)),
            vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((ed) => this.decorate(ed))),
            vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabsClosed(e.closed)),
            vscode.workspace.onDidCloseTextDocument((doc) => this.stop(doc.uri)),
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (e.affectsConfiguration('dockwise.logs.maxLines')) {
                    for (const s of this.sessions.values()) {
                        s.buffer.setMaxLines(maxLines());
                        this.changed(s);
                    }
                }
            }),
        );
    }

    /** Opens (or shows again) the live log of a container. */
    async open(container: Pick<ContainerInfo, 'id' | 'name'>): Promise<void> {
        const uri = logUri(container);
        const doc = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(doc, { preview: false });
        this.revealEnd(editor);
    }

    toggleTimestamps(uri = vscode.window.activeTextEditor?.document.uri): void {
        const s = uri && this.sessions.get(uri.toString());
        if (s) {
            s.timestamps = !s.timestamps;
            this.changed(s, true);
        }
    }

    clear(uri = vscode.window.activeTextEditor?.document.uri): void {
        const s = uri && this.sessions.get(uri.toString());
        if (s) {
            s.buffer.clear();
            this.changed(s, true);
        }
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        // Also reached for a log tab restored after a window reload: the session starts again from the URI.
        const s = this.sessions.get(uri.toString()) ?? this.start(uri);
        if (!s) {
            return `[dockwise] Not a container log: ${uri.toString()}`;
        }
        s.shown = s.buffer.render({ timestamps: s.timestamps });
        return s.shown.text;
    }

    dispose(): void {
        for (const s of [...this.sessions.values()]) {
            this.stopSession(s);
        }
        for (const d of this.disposables) {
            d.dispose();
        }
        this.stderrDecoration.dispose();
        this.markerDecoration.dispose();
        this.onDidChangeEmitter.dispose();
    }

    private start(uri: vscode.Uri): Session | undefined {
        const id = new URLSearchParams(uri.query).get('id');
        if (uri.scheme !== LOGS_SCHEME || !id) {
            return undefined;
        }
        const name = uri.path.replace(/^\//, '').replace(/\.log$/, '') || id.slice(0, 12);
        const buffer = new LogBuffer(maxLines());
        const session: Session = {
            uri,
            containerId: id,
            name,
            buffer,
            abort: new AbortController(),
            timestamps: vscode.workspace.getConfiguration('dockwise').get<boolean>('logs.timestamps', false),
            shown: buffer.render({ timestamps: false }),
            timer: undefined,
            following: new Set(),
        };
        this.sessions.set(uri.toString(), session);
        void this.follow(session);
        return session;
    }

    /** Streams the container's output into the buffer until the document closes or the container is removed. */
    private async follow(s: Session): Promise<void> {
        const { signal } = s.abort;
        let retryMs = 1000;
        let interrupted = false;
        while (!signal.aborted) {
            try {
                const client = await this.connection.client();
                const resume = s.buffer.resumeTimestamp;
                const stream = await client.openLogs(s.containerId, {
                    follow: true,
                    followAcrossRestarts: true,
                    timestamps: true, // always: the toggle then only redraws, and a re-attach resumes exactly
                    tail: resume ? 'all' : s.buffer.maxLines,
                    since: resume ? Date.parse(resume) / 1000 : undefined,
                    signal,
                });
                if (signal.aborted) {
                    stream.close();
                    return;
                }
                signal.addEventListener('abort', () => stream.close(), { once: true });
                if (interrupted) {
                    s.buffer.separator('log stream reconnected');
                    interrupted = false;
                } else {
                    const note = logDriverNote({ type: stream.logDriver, config: {} });
                    if (note) {
                        s.buffer.notice(`Log driver ${stream.logDriver}: ${note}`);
                    }
                }
                retryMs = 1000;
                this.changed(s);
                for await (const line of stream) {
                    if (line.stream === 'system') {
                        s.buffer.separator(line.text);
                    } else {
                        s.buffer.append({ stream: line.stream, text: line.text, timestamp: line.timestamp });
                    }
                    this.changed(s);
                }
                if (!signal.aborted) {
                    s.buffer.notice('The container is gone: the log ends here.');
                    this.changed(s);
                }
                return;
            } catch (e) {
                if (signal.aborted) {
                    return;
                }
                if (isEngineError(e) && (e.cause === 'logsUnavailable' || e.cause === 'notFound')) {
                    s.buffer.notice(errorText(e));
                    this.changed(s);
                    return;
                }
                if (!interrupted) {
                    s.buffer.notice(`Log stream interrupted (${errorText(e)}); reconnecting…`);
                    this.changed(s);
                    this.log?.warn(`Logs of ${s.name}: ${errorText(e)}`);
                    interrupted = true;
                }
                await delay(retryMs, signal);
                retryMs = Math.min(retryMs * 2, 30_000);
            }
        }
    }

    /** Schedules a redraw (throttled), remembering which editors follow the end. */
    private changed(s: Session, now = false): void {
        if (s.timer && !now) {
            return;
        }
        if (s.timer) {
            clearTimeout(s.timer);
        }
        const fire = (): void => {
            s.timer = undefined;
            for (const editor of vscode.window.visibleTextEditors) {
                if (editor.document.uri.toString() === s.uri.toString() && atEnd(editor)) {
                    s.following.add(editor);
                }
            }
            this.onDidChangeEmitter.fire(s.uri);
        };
        if (now) {
            fire();
        } else {
            s.timer = setTimeout(fire, THROTTLE_MS);
        }
    }

    private afterUpdate(doc: vscode.TextDocument): void {
        const s = this.sessions.get(doc.uri.toString());
        if (!s) {
            return;
        }
        for (const editor of vscode.window.visibleTextEditors) {
            if (editor.document === doc) {
                this.decorate(editor);
                if (s.following.has(editor)) {
                    this.revealEnd(editor);
                }
            }
        }
        s.following.clear();
    }

    private decorate(editor: vscode.TextEditor): void {
        const s = this.sessions.get(editor.document.uri.toString());
        if (!s) {
            return;
        }
        const lines = (numbers: readonly number[]): vscode.Range[] =>
            numbers.filter((n) => n < editor.document.lineCount).map((n) => new vscode.Range(n, 0, n, 0));
        editor.setDecorations(this.stderrDecoration, lines(s.shown.stderrLines));
        editor.setDecorations(this.markerDecoration, lines(s.shown.markerLines));
    }

    private revealEnd(editor: vscode.TextEditor): void {
        const last = Math.max(0, editor.document.lineCount - 1);
        editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.Default);
    }

    private onTabsClosed(closed: readonly vscode.Tab[]): void {
        for (const tab of closed) {
            if (tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === LOGS_SCHEME) {
                const uri = tab.input.uri;
                const stillOpen = vscode.window.tabGroups.all.some((g) =>
                    g.tabs.some(
                        (t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString(),
                    ),
                );
                if (!stillOpen) {
                    this.stop(uri);
                }
            }
        }
    }

    /** Closing the document ends the stream and frees the buffer. */
    private stop(uri: vscode.Uri): void {
        const s = this.sessions.get(uri.toString());
        if (s) {
            this.stopSession(s);
        }
    }

    private stopSession(s: Session): void {
        s.abort.abort();
        if (s.timer) {
            clearTimeout(s.timer);
        }
        this.sessions.delete(s.uri.toString());
    }
}

export function logUri(container: Pick<ContainerInfo, 'id' | 'name'>): vscode.Uri {
    const safe = container.name.replace(/[/\\?#%]/g, '_') || container.id.slice(0, 12);
    return vscode.Uri.from({
        scheme: LOGS_SCHEME,
        path: `/${safe}.log`,
        query: new URLSearchParams({ id: container.id }).toString(),
    });
}

function maxLines(): number {
    return vscode.workspace.getConfiguration('dockwise').get<number>('logs.maxLines', 10_000);
}

function atEnd(editor: vscode.TextEditor): boolean {
    const visible = editor.visibleRanges.at(-1);
    return visible === undefined || visible.end.line >= editor.document.lineCount - 2;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
        const t = setTimeout(resolve, ms);
        signal.addEventListener(
            'abort',
            () => {
                clearTimeout(t);
                resolve();
            },
            { once: true },
        );
    });
}
