// BuildKit's progress on the classic /build endpoint: `{"id":"moby.buildkit.trace","aux":"<base64>"}` where
// the payload is a moby.buildkit.v1.StatusResponse (api/services/control/control.proto). Only the fields a
// progress display needs are decoded; unknown fields are skipped, as protobuf requires.
import { bytes, num, readFields, text, type Field } from './protoReader';

export interface BkVertex {
    digest: string;
    inputs: string[];
    name: string;
    cached: boolean;
    /** Epoch ms. */
    started?: number;
    completed?: number;
    error?: string;
}

export interface BkVertexStatus {
    id: string;
    vertex: string;
    name: string;
    current: number;
    total: number;
    completed?: number;
}

export interface BkVertexLog {
    vertex: string;
    /** 1 stdout, 2 stderr. */
    stream: number;
    msg: string;
}

export interface BkWarning {
    vertex: string;
    short: string;
    /** 1-based Dockerfile line ranges, when BuildKit knows the source. */
    lines: { start: number; end: number }[];
}

export interface StatusResponse {
    vertexes: BkVertex[];
    statuses: BkVertexStatus[];
    logs: BkVertexLog[];
    warnings: BkWarning[];
}

function timestamp(f: Field): number | undefined {
    let seconds = 0;
    let nanos = 0;
    for (const g of readFields(bytes(f))) {
        if (g.no === 1) {
            seconds = num(g);
        } else if (g.no === 2) {
            nanos = num(g);
        }
    }
    // An unset google.protobuf.Timestamp is absent; a zero one means "not yet".
    return seconds === 0 && nanos === 0 ? undefined : seconds * 1000 + Math.floor(nanos / 1e6);
}

function vertex(buf: Uint8Array): BkVertex {
    const v: BkVertex = { digest: '', inputs: [], name: '', cached: false };
    for (const f of readFields(buf)) {
        switch (f.no) {
            case 1:
                v.digest = text(f);
                break;
            case 2:
                v.inputs.push(text(f));
                break;
            case 3:
                v.name = text(f);
                break;
            case 4:
                v.cached = num(f) !== 0;
                break;
            case 5:
                v.started = timestamp(f);
                break;
            case 6:
                v.completed = timestamp(f);
                break;
            case 7:
                v.error = text(f) || undefined;
                break;
        }
    }
    return v;
}

function vertexStatus(buf: Uint8Array): BkVertexStatus {
    const s: BkVertexStatus = { id: '', vertex: '', name: '', current: 0, total: 0 };
    for (const f of readFields(buf)) {
        if (f.no === 1) {
            s.id = text(f);
        } else if (f.no === 2) {
            s.vertex = text(f);
        } else if (f.no === 3) {
            s.name = text(f);
        } else if (f.no === 4) {
            s.current = num(f);
        } else if (f.no === 5) {
            s.total = num(f);
        } else if (f.no === 8) {
            s.completed = timestamp(f);
        }
    }
    return s;
}

function vertexLog(buf: Uint8Array): BkVertexLog {
    const l: BkVertexLog = { vertex: '', stream: 1, msg: '' };
    for (const f of readFields(buf)) {
        if (f.no === 1) {
            l.vertex = text(f);
        } else if (f.no === 3) {
            l.stream = num(f);
        } else if (f.no === 4) {
            l.msg = text(f);
        }
    }
    return l;
}

function position(buf: Uint8Array): number {
    const line = readFields(buf).find((f) => f.no === 1);
    return line ? num(line) : 0;
}

function warning(buf: Uint8Array): BkWarning {
    const w: BkWarning = { vertex: '', short: '', lines: [] };
    for (const f of readFields(buf)) {
        if (f.no === 1) {
            w.vertex = text(f);
        } else if (f.no === 3) {
            w.short = text(f);
        } else if (f.no === 7) {
            let start = 0;
            let end = 0;
            for (const g of readFields(bytes(f))) {
                if (g.no === 1) {
                    start = position(bytes(g));
                } else if (g.no === 2) {
                    end = position(bytes(g));
                }
            }
            w.lines.push({ start, end: end || start });
        }
    }
    return w;
}

/** Decodes one trace payload (base64 as the engine sends it). Throws ProtoError on corrupt input. */
export function decodeStatusResponse(base64: string): StatusResponse {
    const out: StatusResponse = { vertexes: [], statuses: [], logs: [], warnings: [] };
    for (const f of readFields(Buffer.from(base64, 'base64'))) {
        const b = bytes(f);
        if (f.no === 1) {
            out.vertexes.push(vertex(b));
        } else if (f.no === 2) {
            out.statuses.push(vertexStatus(b));
        } else if (f.no === 3) {
            out.logs.push(vertexLog(b));
        } else if (f.no === 4) {
            out.warnings.push(warning(b));
        }
    }
    return out;
}
