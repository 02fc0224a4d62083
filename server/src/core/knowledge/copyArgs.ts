import { ModifiableInstruction } from 'dockerfile-ast';
import type { DockerfileModel, Instruction } from '../model';

/**
 * The words of a COPY or ADD as the builder splits them: in shell form on whitespace only (quotes
 * do not group words there; `"src dir"` is two words), in exec form the JSON strings.
 */

export interface PathWord {
    /** The word as written. */
    raw: string;
    /** Quotes removed. */
    value: string;
    /** Document offsets of the raw word. */
    start: number;
    end: number;
    /** Holds a `$` expansion: the real value is known only at build time. */
    dynamic: boolean;
}

export interface CopyArgs {
    flags: PathWord[];
    sources: PathWord[];
    dest: PathWord | undefined;
    /** `COPY <<EOF /dest`: inline content, no source paths. */
    heredoc: boolean;
}

/**
 * Quotes removed: `"a\"b"` → `a"b`, `'a b'` → `a b`; a quote with no closing one stays. What
 * `/"((?:[^"\\]|\\.)*)"|'([^']*)'/g` did, in one pass: the regex rescanned the rest of the word from
 * every escaped quote after an unclosed one (quadratic on `"\"\"\"…`). Once a `"` finds no closing
 * quote up to `dead`, no `"` before `dead` can (they pair the same escapes).
 */
export function unquote(raw: string): string {
    let out = '';
    let dead = -1;
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i]!;
        let end = -1;
        if (c === "'") {
            end = raw.indexOf("'", i + 1);
        } else if (c === '"' && i >= dead) {
            let j = i + 1;
            // `\.` does not take a line break, nor `[^"\\]` a backslash: the string ends unclosed there.
            while (
                j < raw.length &&
                raw[j] !== '"' &&
                !(raw[j] === '\\' && !/^[^\n\r\u2028\u2029]$/.test(raw[j + 1] ?? ''))
            ) {
                j += raw[j] === '\\' ? 2 : 1;
            }
            end = raw[j] === '"' ? j : -1;
            dead = end < 0 ? j : dead;
        }
        if (end < 0) {
            out += c;
            continue;
        }
        const inner = raw.slice(i + 1, end);
        out += c === '"' ? inner.replace(/\\(.)/g, '$1') : inner;
        i = end;
    }
    return out;
}

export function copyArgs(model: DockerfileModel, inst: Instruction): CopyArgs {
    const lt = inst.args();
    const words: PathWord[] = [];
    const firstLine = lt.text.split('\n')[0]!;
    for (const m of firstLine.matchAll(/\S+/g)) {
        const start = lt.map[m.index]!;
        const end = lt.map[m.index + m[0].length - 1]! + 1;
        words.push({ raw: m[0], value: unquote(m[0]), start, end, dynamic: m[0].includes('$') });
    }
    let i = 0;
    while (i < words.length && words[i]!.raw.startsWith('--')) {
        i++;
    }
    // dockerfile-ast leaves the flags out of the arguments range: they come from its flag list.
    const flags = [...astFlags(model, inst), ...words.slice(0, i)];
    if (inst.json) {
        const json: PathWord[] = inst.json.map((s) => ({
            raw: s.value,
            value: s.value,
            start: model.offsetAt(s.range.start),
            end: model.offsetAt(s.range.end),
            dynamic: s.value.includes('$'),
        }));
        return { flags, sources: json.slice(0, -1), dest: json[json.length - 1], heredoc: false };
    }
    // Continuations are already joined: only a heredoc body starts a second logical line.
    const rest = words.slice(i);
    const heredoc = rest.some((w) => /^<<-?["']?[A-Za-z0-9_]/.test(w.raw));
    return { flags, sources: rest.slice(0, -1), dest: rest[rest.length - 1], heredoc };
}

/** The `--name=value` words dockerfile-ast read as flags. */
export function astFlags(model: DockerfileModel, inst: Instruction): PathWord[] {
    if (!(inst.ast instanceof ModifiableInstruction)) {
        return [];
    }
    return inst.ast.getFlags().map((f) => {
        const start = model.offsetAt(f.getRange().start);
        const end = model.offsetAt(f.getRange().end);
        const raw = model.text.slice(start, end);
        return { raw, value: unquote(raw), start, end, dynamic: raw.includes('$') };
    });
}

/** The value of a `--name=value` flag word. */
export function flagValue(args: CopyArgs, name: string): PathWord | undefined {
    const prefix = `--${name}=`;
    const w = args.flags.find((f) => f.raw.startsWith(prefix));
    if (!w) {
        return undefined;
    }
    const raw = w.raw.slice(prefix.length);
    return { raw, value: unquote(raw), start: w.start + prefix.length, end: w.end, dynamic: raw.includes('$') };
}

/** Whether a path is absolute, for Linux and Windows images. */
export function isAbsolutePath(path: string): boolean {
    return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');
}

/** A source ADD fetches instead of reading from the build context. */
export function isRemoteSource(value: string): boolean {
    return /^(?:https?|git|ssh):\/\//i.test(value) || /^git@[^:]+:/.test(value) || /\.git(?:#.*)?$/.test(value);
}

/** Archive suffixes ADD unpacks (tar, optionally compressed); zip is not among them. */
const ARCHIVE = /\.(?:tar|tar\.(?:gz|bz2|xz|zst|lz|lzma|Z)|tgz|tbz2?|tb2|txz|tlz|tpz|tZ|tzst|gz|bz2|xz|zst|lz|lzma|Z)$/;

export function isArchive(value: string): boolean {
    return ARCHIVE.test(value);
}

/** The last path component. */
export function pathBase(value: string): string {
    const trimmed = value.replace(/(?<![\\/])[\\/]+$/, '');
    const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
    return slash >= 0 ? trimmed.slice(slash + 1) : trimmed;
}
