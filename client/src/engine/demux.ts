// Docker's multiplexed stream format and line splitting, as pure incremental parsers: chunks may cut a frame
// header, a frame, a line or a UTF-8 sequence anywhere.
import { StringDecoder } from 'node:string_decoder';

export type StreamName = 'stdout' | 'stderr';

export interface Frame {
    stream: StreamName;
    data: Buffer;
}

/**
 * Splits the 8-byte-header frames of a non-TTY attach/logs stream: [type, 0, 0, 0, size (uint32 BE)] + payload.
 * Type 0 (stdin, only seen when stdin is echoed) counts as stdout; an impossible header means the stream is not
 * multiplexed after all (a TTY), and everything from there on passes through as stdout.
 */
export class FrameDemuxer {
    private pending: Buffer = Buffer.alloc(0);
    private raw = false;

    push(chunk: Buffer): Frame[] {
        if (this.raw) {
            return chunk.length ? [{ stream: 'stdout', data: chunk }] : [];
        }
        this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        const frames: Frame[] = [];
        let offset = 0;
        while (this.pending.length - offset >= 8) {
            const type = this.pending[offset];
            if ((type !== 0 && type !== 1 && type !== 2) || this.pending.readUIntBE(offset + 1, 3) !== 0) {
                this.raw = true;
                frames.push({ stream: 'stdout', data: this.pending.subarray(offset) });
                this.pending = Buffer.alloc(0);
                return frames;
            }
            const size = this.pending.readUInt32BE(offset + 4);
            if (this.pending.length - offset - 8 < size) {
                break;
            }
            frames.push({
                stream: type === 2 ? 'stderr' : 'stdout',
                data: this.pending.subarray(offset + 8, offset + 8 + size),
            });
            offset += 8 + size;
        }
        // Copy the remainder so the big chunk it came from can be collected.
        this.pending = offset === 0 ? this.pending : Buffer.from(this.pending.subarray(offset));
        return frames;
    }

    /** Bytes of an incomplete frame left at the end (0 when the stream ended cleanly). */
    get leftover(): number {
        return this.pending.length;
    }
}

/** Splits text into lines per stream; keeps a trailing partial line until more data or `flush`. */
export class LineSplitter {
    private readonly decoders = new Map<StreamName, StringDecoder>();
    private readonly partial = new Map<StreamName, string>();

    push(stream: StreamName, data: Buffer): string[] {
        let decoder = this.decoders.get(stream);
        if (!decoder) {
            decoder = new StringDecoder('utf8');
            this.decoders.set(stream, decoder);
        }
        const text = (this.partial.get(stream) ?? '') + decoder.write(data);
        const parts = text.split('\n');
        this.partial.set(stream, parts.pop() ?? '');
        return parts.map(stripCr);
    }

    /** The partial lines left at the end of the stream. */
    flush(): { stream: StreamName; text: string }[] {
        const out: { stream: StreamName; text: string }[] = [];
        for (const [stream, decoder] of this.decoders) {
            const rest = (this.partial.get(stream) ?? '') + decoder.end();
            if (rest) {
                out.push({ stream, text: stripCr(rest) });
            }
        }
        this.partial.clear();
        this.decoders.clear();
        return out;
    }
}

// TTY output ends lines with \r\n.
const stripCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) ?/;

/** "2024-01-02T03:04:05.123456789Z text" → timestamp + text (the engine's `timestamps=1` prefix). */
export function splitTimestamp(line: string): { timestamp?: string; text: string } {
    const m = TIMESTAMP.exec(line);
    return m?.[1] ? { timestamp: m[1], text: line.slice(m[0].length) } : { text: line };
}

/** RFC 3339 with up to nanoseconds → nanoseconds since the epoch (Date alone would drop the sub-ms digits). */
export function timestampToNanos(ts: string): bigint | undefined {
    const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(ts);
    if (!m?.[1] || !m[3]) {
        return undefined;
    }
    const ms = Date.parse(`${m[1]}${m[3]}`);
    if (Number.isNaN(ms)) {
        return undefined;
    }
    const frac = (m[2] ?? '').padEnd(9, '0').slice(0, 9);
    return BigInt(ms) * 1_000_000n + BigInt(frac);
}

/** Nanoseconds → the engine's `since` form "seconds.nanoseconds". */
export function nanosToSince(nanos: bigint): string {
    const s = nanos / 1_000_000_000n;
    const ns = nanos % 1_000_000_000n;
    return `${s}.${ns.toString().padStart(9, '0')}`;
}
