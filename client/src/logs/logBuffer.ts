// The text of one container's log document, kept pure so it can be tested without VS Code or an engine:
// a capped list of lines (oldest dropped, with a marker), stderr lines remembered for decoration, control
// sequences stripped, and separator lines when the stream is re-attached after a restart.
import { stripAnsi } from './ansi';

export type LogStream = 'stdout' | 'stderr';

/** One line as the engine delivers it (structurally the engine's log record). */
export interface LogLineInput {
    readonly stream: LogStream;
    readonly text: string;
    /** RFC 3339 (nano) timestamp from the engine, when asked for. */
    readonly timestamp?: string;
}

export type BufferedLine =
    | { readonly kind: 'log'; readonly stream: LogStream; readonly text: string; readonly timestamp?: string }
    | { readonly kind: 'separator' | 'notice'; readonly text: string };

export interface RenderOptions {
    readonly timestamps: boolean;
}

export interface RenderedLog {
    readonly text: string;
    /** 0-based line numbers (in `text`) of stderr output. */
    readonly stderrLines: readonly number[];
    /** 0-based line numbers of separators and notices (drawn dimmed). */
    readonly markerLines: readonly number[];
}

/** Longest line kept whole; a runaway line (a minified blob, a binary dump) would otherwise stall the editor. */
export const MAX_LINE_LENGTH = 10_000;
const MIN_LINES = 10;

export class LogBuffer {
    // A deque: lines[head..] are live; the head advances on drop and the array is compacted now and then,
    // so dropping is O(1) amortised even at the cap.
    private lines: BufferedLine[] = [];
    private head = 0;
    private droppedCount = 0;
    private lastTimestamp: string | undefined;
    private maxLinesValue: number;

    constructor(maxLines: number) {
        this.maxLinesValue = Math.max(MIN_LINES, Math.floor(maxLines));
    }

    get maxLines(): number {
        return this.maxLinesValue;
    }

    /** Lines currently held (markers included, the "dropped" header excluded). */
    get size(): number {
        return this.lines.length - this.head;
    }

    /** How many lines were dropped from the top so far. */
    get dropped(): number {
        return this.droppedCount;
    }

    /** Timestamp of the newest log line: where a re-attached stream should resume. */
    get resumeTimestamp(): string | undefined {
        return this.lastTimestamp;
    }

    setMaxLines(maxLines: number): void {
        this.maxLinesValue = Math.max(MIN_LINES, Math.floor(maxLines));
        this.trim();
    }

    /**
     * Appends one engine line. Returns false when the line was skipped because it repeats output already
     * shown (a re-attached stream replays from its `since` second).
     */
    append(line: LogLineInput): boolean {
        if (line.timestamp !== undefined && this.lastTimestamp !== undefined) {
            if (compareTimestamps(line.timestamp, this.lastTimestamp) <= 0) {
                return false;
            }
        }
        if (line.timestamp !== undefined) {
            this.lastTimestamp = line.timestamp;
        }
        this.push({ kind: 'log', stream: line.stream, text: cleanLine(line.text), timestamp: line.timestamp });
        return true;
    }

    /** A visible break in the output, e.g. "container restarted". */
    separator(text: string): void {
        this.push({ kind: 'separator', text: `──── ${cleanLine(text)} ────` });
    }

    /** An informational line from Dockwise (not from the container), e.g. the log driver cannot be read. */
    notice(text: string): void {
        this.push({ kind: 'notice', text: `[dockwise] ${cleanLine(text)}` });
    }

    clear(): void {
        this.lines = [];
        this.head = 0;
        this.droppedCount = 0;
    }

    /** The live lines, oldest first. */
    entries(): readonly BufferedLine[] {
        return this.lines.slice(this.head);
    }

    render(options: RenderOptions): RenderedLog {
        const out: string[] = [];
        const stderrLines: number[] = [];
        const markerLines: number[] = [];
        if (this.droppedCount > 0) {
            markerLines.push(out.length);
            out.push(
                `[dockwise] … ${this.droppedCount.toLocaleString('en-US')} earlier line(s) dropped ` +
                    `(keeping the last ${this.maxLinesValue.toLocaleString('en-US')}: setting dockwise.logs.maxLines)`,
            );
        }
        for (let i = this.head; i < this.lines.length; i++) {
            const line = this.lines[i]!;
            if (line.kind === 'log') {
                if (line.stream === 'stderr') {
                    stderrLines.push(out.length);
                }
                out.push(options.timestamps && line.timestamp ? `${line.timestamp} ${line.text}` : line.text);
            } else {
                markerLines.push(out.length);
                out.push(line.text);
            }
        }
        return { text: out.join('\n'), stderrLines, markerLines };
    }

    private push(line: BufferedLine): void {
        this.lines.push(line);
        this.trim();
    }

    private trim(): void {
        const excess = this.size - this.maxLinesValue;
        if (excess > 0) {
            this.head += excess;
            this.droppedCount += excess;
        }
        if (this.head > 1024 && this.head * 2 > this.lines.length) {
            this.lines = this.lines.slice(this.head);
            this.head = 0;
        }
    }
}

/** Strips control sequences and bounds the length of one line. */
export function cleanLine(text: string): string {
    // An embedded newline would break the line/stream bookkeeping: show it as a space.
    const clean = stripAnsi(text.replace(/\r?\n/g, ' '));
    if (clean.length <= MAX_LINE_LENGTH) {
        return clean;
    }
    return `${clean.slice(0, MAX_LINE_LENGTH)} … [${(clean.length - MAX_LINE_LENGTH).toLocaleString('en-US')} more characters]`;
}

/**
 * Orders RFC 3339 timestamps as the engine writes them (UTC, `Z`, 0–9 fraction digits): compares the
 * seconds part as text and the fraction as a number, so "…:05Z" < "…:05.1Z" < "…:05.123456789Z".
 */
export function compareTimestamps(a: string, b: string): number {
    const [sa, fa] = splitTimestamp(a);
    const [sb, fb] = splitTimestamp(b);
    if (sa !== sb) {
        return sa < sb ? -1 : 1;
    }
    return fa < fb ? -1 : fa > fb ? 1 : 0;
}

function splitTimestamp(ts: string): [string, string] {
    const m = /^(.*?\d{2}:\d{2}:\d{2})(?:\.(\d+))?(.*)$/.exec(ts);
    if (!m) {
        return [ts, ''];
    }
    // Pad the fraction to nanoseconds so text order is numeric order.
    return [`${m[1]}${m[3]}`, (m[2] ?? '').padEnd(9, '0')];
}
