import type { Position, Range } from 'vscode-languageserver-types';
import type { Command, CommandWord } from '../commands';
import type { DockerfileModel, Instruction } from '../model';

// Text and ranges: what a range covers, narrowing a finding to the words it is about, finding the
// instruction at a position, and words for messages ("did you mean", name lists).

/** The document text a range covers. */
export function rangeText(model: DockerfileModel, range: Range): string {
    return model.text.slice(model.offsetAt(range.start), model.offsetAt(range.end));
}

/**
 * The part of `range` where `needle` is written: the first occurrence of `context` (default: the
 * needle itself), then the needle's last occurrence inside it, since the secret or path a rule
 * reports usually ends the piece it belongs to (`--password=x`, `-pX`, `user:pw`). When quotes
 * split the context, the needle's last occurrence in the range; when even that is not written
 * verbatim (escapes), the whole range, so a finding is never lost, only less precise.
 */
export function narrow(model: DockerfileModel, range: Range, needle: string, context = needle): Range {
    const raw = rangeText(model, range);
    const at = raw.indexOf(context);
    const inner = context.lastIndexOf(needle);
    const start = at >= 0 && inner >= 0 ? at + inner : raw.lastIndexOf(needle);
    if (needle === '' || start < 0) {
        return range;
    }
    const offset = model.offsetAt(range.start) + start;
    return model.rangeOf(offset, offset + needle.length);
}

/**
 * The range of the first `char` after `offset`, skipping blanks and line continuations (the
 * escape character before a line break), or undefined when something else comes first.
 */
export function nextCharRange(model: DockerfileModel, offset: number, char: string): Range | undefined {
    const text = model.text;
    let i = offset;
    while (i < text.length) {
        const c = text[i]!;
        if (c === char) {
            return model.rangeOf(i, i + 1);
        }
        if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === model.escape) {
            i++;
            continue;
        }
        return undefined;
    }
    return undefined;
}

/** Whether a literal holds a shell expansion, so its value is not written in the Dockerfile. */
export function isExpansion(value: string): boolean {
    return /[$`]/.test(value);
}

/** The span from a command's program to one of its words (`apt-get … install`), where option findings point. */
export function head(cmd: Command, to: CommandWord | undefined): Range {
    const start = (cmd.program ?? cmd.words[0]!).range.start;
    return { start, end: (to ?? cmd.program ?? cmd.words[0]!).range.end };
}

/** The span covering the given words of one command (first to last). */
export function hull(words: readonly CommandWord[]): Range {
    return { start: words[0]!.range.start, end: words[words.length - 1]!.range.end };
}

/** Names for a message: `` `a`, `b`, `c` and 2 more ``. */
export function nameList(names: readonly string[]): string {
    const shown = names.slice(0, 3).map((n) => `\`${n}\``);
    return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ');
}

/** The instruction whose range holds `pos`. */
export function instructionAt(model: DockerfileModel, pos: Position): Instruction | undefined {
    const offset = model.offsetAt(pos);
    let lo = 0;
    let hi = model.instructions.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const inst = model.instructions[mid]!;
        if (offset < model.offsetAt(inst.range.start)) {
            hi = mid - 1;
        } else if (offset > model.offsetAt(inst.range.end)) {
            lo = mid + 1;
        } else {
            return inst;
        }
    }
    return undefined;
}

/** Optimal-string-alignment distance (edits plus adjacent swaps), for "did you mean" fixes. */
export function typoDistance(a: string, b: string): number {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
    for (let j = 1; j <= b.length; j++) {
        d[0]![j] = j;
    }
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                v = Math.min(v, d[i - 2]![j - 2]! + 1);
            }
            d[i]![j] = v;
        }
    }
    return d[a.length]![b.length]!;
}

/** The candidates closest to `word`, if close enough to be a typo of it (case-insensitive). */
export function closeMatches(word: string, candidates: readonly string[]): string[] {
    const w = word.toLowerCase();
    // The distance is at least the difference in length: a 100 kB word is not measured against `RUN`
    // (that took seconds per rule, found by `npm run fuzz`).
    const scored = candidates.map((c) => ({
        c,
        d: Math.abs(w.length - c.length) > 2 ? Infinity : typoDistance(w, c.toLowerCase()),
    }));
    const best = Math.min(...scored.map((x) => x.d));
    const max = w.length <= 4 ? 1 : 2;
    return best > 0 && best <= max ? scored.filter((x) => x.d === best).map((x) => x.c) : [];
}
