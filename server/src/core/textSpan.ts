import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

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
