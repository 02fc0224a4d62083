// A minimal protobuf wire-format reader: varints, fixed widths skipped, length-delimited fields. Enough to
// decode BuildKit's StatusResponse without shipping .proto files or a protobuf runtime in the bundle.

export type Field =
    | { no: number; wire: 0; value: number }
    | { no: number; wire: 2; bytes: Uint8Array }
    | { no: number; wire: 1 | 5; value: number };

export class ProtoError extends Error {
    override readonly name = 'ProtoError';
}

/** Reads the fields of one message in order; repeated fields appear once per value. */
export function readFields(buf: Uint8Array): Field[] {
    const fields: Field[] = [];
    let pos = 0;
    const varint = (): number => {
        // Numbers above 2^53 lose precision; BuildKit's int64s (sizes, timestamps) stay far below.
        let result = 0;
        let scale = 1;
        for (let i = 0; i < 10; i++) {
            if (pos >= buf.length) {
                throw new ProtoError('truncated varint');
            }
            const b = buf[pos++] as number;
            result += (b & 0x7f) * scale;
            if ((b & 0x80) === 0) {
                return result;
            }
            scale *= 128;
        }
        throw new ProtoError('varint too long');
    };
    while (pos < buf.length) {
        const key = varint();
        const no = Math.floor(key / 8);
        const wire = key % 8;
        if (wire === 0) {
            fields.push({ no, wire, value: varint() });
        } else if (wire === 2) {
            const len = varint();
            if (pos + len > buf.length) {
                throw new ProtoError('truncated field');
            }
            fields.push({ no, wire, bytes: buf.subarray(pos, pos + len) });
            pos += len;
        } else if (wire === 1 || wire === 5) {
            const size = wire === 1 ? 8 : 4;
            if (pos + size > buf.length) {
                throw new ProtoError('truncated fixed field');
            }
            const view = new DataView(buf.buffer, buf.byteOffset + pos, size);
            fields.push({ no, wire, value: wire === 1 ? Number(view.getBigUint64(0, true)) : view.getUint32(0, true) });
            pos += size;
        } else {
            throw new ProtoError(`unsupported wire type ${wire}`);
        }
    }
    return fields;
}

const utf8 = new TextDecoder('utf-8');

export function text(f: Field): string {
    return f.wire === 2 ? utf8.decode(f.bytes) : '';
}

export function num(f: Field): number {
    return f.wire === 2 ? 0 : f.value;
}

export function bytes(f: Field): Uint8Array {
    return f.wire === 2 ? f.bytes : new Uint8Array();
}
