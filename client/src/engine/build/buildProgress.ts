// Turns the /build response (newline-delimited JSON) into readable lines, for both builders, and keeps what
// a failure report needs: the current step, its last output lines, the image id.
import { decodeStatusResponse, type BkVertex } from './buildkitStatus';
import type { BuildLine } from './buildTypes';

const KEEP_OUTPUT = 20;

interface VertexState {
    n: number;
    name: string;
    started: boolean;
    done: boolean;
    error?: string;
    output: string[];
    partial: string;
}

export interface ProgressFailure {
    message: string;
    step?: string;
    output: string[];
}

function obj(v: unknown): Record<string, unknown> {
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function pushBounded(lines: string[], line: string): void {
    lines.push(line);
    if (lines.length > KEEP_OUTPUT) {
        lines.shift();
    }
}

export class BuildProgress {
    /** The step running now (or last started), as the builder titled it. */
    currentStep: string | undefined;
    imageId: string | undefined;
    private failure: ProgressFailure | undefined;
    private readonly vertexes = new Map<string, VertexState>();
    private classicOutput: string[] = [];
    private classicPartial = '';

    constructor(private readonly emit: (line: BuildLine) => void = () => undefined) {}

    /** The build's failure, once the engine reported one. */
    get failed(): ProgressFailure | undefined {
        return this.failure;
    }

    /** One JSON message of the /build stream. */
    push(message: unknown): void {
        const m = obj(message);
        if (m.id === 'moby.buildkit.trace' && typeof m.aux === 'string') {
            this.buildkit(m.aux);
            return;
        }
        const aux = obj(m.aux);
        if (typeof aux.ID === 'string') {
            this.imageId = aux.ID;
            return;
        }
        const error = typeof m.error === 'string' ? m.error : obj(m.errorDetail).message;
        if (typeof error === 'string' && error) {
            this.fail(error.trim());
            return;
        }
        if (typeof m.stream === 'string') {
            this.classic(m.stream);
        } else if (typeof m.status === 'string' && m.status) {
            // Base image pulls inside a classic build.
            this.emit({
                kind: 'info',
                text: [m.id, m.status, m.progress].filter((x) => typeof x === 'string').join(' '),
            });
        }
    }

    private fail(message: string): void {
        if (this.failure) {
            return;
        }
        const failedVertex = [...this.vertexes.values()].find((v) => v.error);
        const step = failedVertex?.name ?? this.currentStep;
        const output = failedVertex ? failedVertex.output : this.classicOutput;
        this.failure = { message, step, output: [...output] };
        this.emit({ kind: 'error', text: message, step });
    }

    // ------------------------------------------------------------ classic builder

    private classic(chunk: string): void {
        this.classicPartial += chunk;
        let nl: number;
        while ((nl = this.classicPartial.indexOf('\n')) >= 0) {
            this.classicLine(this.classicPartial.slice(0, nl).replace(/\r$/, ''));
            this.classicPartial = this.classicPartial.slice(nl + 1);
        }
        // "Step N/M : …" arrives without its newline (which follows as its own message).
        if (/^Step \d+\/\d+ : /.test(this.classicPartial)) {
            this.classicLine(this.classicPartial);
            this.classicPartial = '';
        }
    }

    private classicLine(raw: string): void {
        // The classic builder colours stderr with SGR escapes; an output channel would show them raw.
        const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
        if (/^Step \d+\/\d+ : /.test(line)) {
            this.currentStep = line;
            this.classicOutput = [];
            this.emit({ kind: 'step', text: line, step: line });
            return;
        }
        if (!line.trim() && !this.classicOutput.length) {
            return;
        }
        // Builder bookkeeping (" ---> 1a2b", "Removing intermediate container") is not the command's output.
        const bookkeeping = /^ ---> |^Removing intermediate container |^Successfully (built|tagged) /.test(line);
        if (!bookkeeping) {
            pushBounded(this.classicOutput, line);
        }
        this.emit({ kind: bookkeeping ? 'info' : 'output', text: line, step: this.currentStep });
    }

    // ------------------------------------------------------------ BuildKit

    private state(digest: string, v?: BkVertex): VertexState {
        let s = this.vertexes.get(digest);
        if (!s) {
            s = {
                n: this.vertexes.size + 1,
                name: v?.name ?? digest,
                started: false,
                done: false,
                output: [],
                partial: '',
            };
            this.vertexes.set(digest, s);
        }
        if (v?.name) {
            s.name = v.name;
        }
        return s;
    }

    private buildkit(aux: string): void {
        let status;
        try {
            status = decodeStatusResponse(aux);
        } catch {
            return; // one corrupt trace must not end the build's display
        }
        for (const v of status.vertexes) {
            const s = this.state(v.digest, v);
            if (v.started !== undefined && !s.started) {
                s.started = true;
                this.currentStep = s.name;
                this.emit({ kind: 'step', text: `#${s.n} ${s.name}`, step: s.name });
            }
            if (v.error && !s.error) {
                s.error = v.error;
                this.flush(s);
                this.emit({ kind: 'error', text: `#${s.n} ERROR: ${v.error}`, step: s.name });
            } else if (v.completed !== undefined && !s.done) {
                s.done = true;
                this.flush(s);
                const secs = v.started !== undefined ? ` ${((v.completed - v.started) / 1000).toFixed(1)}s` : '';
                this.emit({ kind: 'info', text: `#${s.n} ${v.cached ? 'CACHED' : `DONE${secs}`}`, step: s.name });
            }
        }
        for (const st of status.statuses) {
            if (st.completed !== undefined && st.name) {
                const s = this.state(st.vertex);
                this.emit({ kind: 'info', text: `#${s.n} ${st.name} done`, step: s.name });
            }
        }
        for (const l of status.logs) {
            const s = this.state(l.vertex);
            s.partial += l.msg;
            const lines = s.partial.split(/\r?\n/);
            s.partial = lines.pop() ?? '';
            for (const line of lines) {
                this.vertexLine(s, line);
            }
        }
        for (const w of status.warnings) {
            this.emit({ kind: 'info', text: `WARNING: ${w.short}` });
        }
    }

    private flush(s: VertexState): void {
        if (s.partial) {
            this.vertexLine(s, s.partial);
            s.partial = '';
        }
    }

    private vertexLine(s: VertexState, line: string): void {
        pushBounded(s.output, line);
        this.emit({ kind: 'output', text: `#${s.n} ${line}`, step: s.name });
    }
}
