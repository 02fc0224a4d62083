// What an exec session and a `docker run -it` attach share: the process's stdio on one hijacked connection
// (raw with a TTY, multiplexed frames without), output kept until the first listener, an exit reported once
// and replayed to late listeners, resize, and a close that lets the last bytes out before the socket goes.
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { FrameDemuxer } from './demux';
import type { Transport } from './transport';
import type { Disposable, Listener } from './types';

class Emitter<T> {
    private readonly listeners = new Set<Listener<T>>();
    readonly event = (l: Listener<T>): Disposable => {
        this.listeners.add(l);
        return { dispose: () => this.listeners.delete(l) };
    };
    fire(v: T): void {
        for (const l of [...this.listeners]) {
            try {
                l(v);
            } catch {
                // a failing listener must not break the session
            }
        }
    }
    clear(): void {
        this.listeners.clear();
    }
}

export abstract class HijackedSession {
    private readonly data = new Emitter<string>();
    private readonly exit = new Emitter<number | undefined>();
    private exitResult: { code: number | undefined } | undefined;
    /** Output that arrived before anyone listened (the prompt, typically). */
    private early: string[] | undefined = [];
    protected closed = false;
    protected ended = false;

    constructor(
        protected readonly transport: Transport,
        protected readonly socket: Duplex,
        tty: boolean,
        /** The engine path that resizes this TTY. */
        private readonly resizePath: string,
    ) {
        const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
        const demux = tty ? undefined : new FrameDemuxer();
        socket.on('data', (chunk: Buffer) => {
            for (const f of demux ? demux.push(chunk) : [{ stream: 'stdout' as const, data: chunk }]) {
                this.emitData(decoders[f.stream].write(f.data));
            }
        });
        const ended = (): void => void this.streamEnded();
        socket.once('end', ended);
        socket.once('close', ended);
        socket.once('error', ended);
    }

    /**
     * The exit code once the stream ended, `{ code: undefined }` when it cannot be read, undefined when no exit
     * should be reported (detached on purpose).
     */
    protected abstract exitAfterEnd(): Promise<{ code: number | undefined } | undefined>;

    /** Output that arrived before the first listener (the prompt, typically) is replayed to it. */
    readonly onData = (l: Listener<string>): Disposable => {
        const d = this.data.event(l);
        const early = this.early;
        this.early = undefined;
        for (const t of early ?? []) {
            l(t);
        }
        return d;
    };

    /** A listener added after the exit still hears about it. */
    readonly onExit = (l: Listener<number | undefined>): Disposable => {
        const d = this.exit.event(l);
        const r = this.exitResult;
        if (r) {
            queueMicrotask(() => l(r.code));
        }
        return d;
    };

    private emitData(text: string): void {
        if (!text) {
            return;
        }
        if (this.early) {
            this.early.push(text);
        } else {
            this.data.fire(text);
        }
    }

    private async streamEnded(): Promise<void> {
        if (this.ended) {
            return;
        }
        this.ended = true;
        this.socket.destroy();
        const exit = await this.exitAfterEnd();
        if (exit && !this.exitResult) {
            this.exitResult = exit;
            this.exit.fire(exit.code);
        }
    }

    write(data: string | Uint8Array): void {
        if (!this.closed && !this.ended) {
            this.socket.write(data);
        }
    }

    async resize(cols: number, rows: number): Promise<void> {
        if (this.ended || cols <= 0 || rows <= 0) {
            return;
        }
        await this.transport.request({
            method: 'POST',
            path: this.resizePath,
            query: { h: Math.floor(rows), w: Math.floor(cols) },
            ok: [200, 201],
            operation: 'resize the terminal',
        });
    }

    close(): void {
        if (this.closed) {
            return;
        }
        this.closed = true;
        // end() sends EOF; a TTY process then gets a hang-up when the connection goes.
        this.socket.end();
        setTimeout(() => this.socket.destroy(), 1000).unref();
    }

    dispose(): void {
        this.close();
        this.data.clear();
    }
}
