/**
 * The text a builder sees for one instruction's arguments: line continuations (the escape
 * character before a newline) removed, comment lines inside a continuation dropped, and every
 * character mapped back to its offset in the document so findings keep exact ranges.
 */
export interface LogicalText {
    text: string;
    /** map[i] is the document offset of text[i]; map[text.length] is the end offset. */
    map: number[];
}

export function logicalText(source: string, start: number, end: number, escape: string): LogicalText {
    let text = '';
    const map: number[] = [];
    let i = start;
    let atLineStart = false;
    while (i < end) {
        if (atLineStart) {
            // Inside a continuation, blank lines and whole-line comments are not part of the command.
            let j = i;
            while (j < end && (source[j] === ' ' || source[j] === '\t')) {
                j++;
            }
            if (source[j] === '#' || source[j] === '\n' || source[j] === '\r') {
                while (j < end && source[j] !== '\n') {
                    j++;
                }
                i = j + 1;
                continue;
            }
            atLineStart = false;
        }
        const ch = source[i];
        if (ch === escape) {
            let j = i + 1;
            while (j < end && (source[j] === ' ' || source[j] === '\t')) {
                j++;
            }
            if (source[j] === '\r' && source[j + 1] === '\n') {
                j++;
            }
            if (source[j] === '\n' || j >= end) {
                i = j + 1;
                atLineStart = true;
                continue;
            }
        }
        text += ch;
        map.push(i);
        i++;
    }
    map.push(Math.min(i, end));
    return { text, map };
}

/** Maps a logical [start, end) span back to document offsets. */
export function spanToOffsets(lt: LogicalText, start: number, end: number): [number, number] {
    const s = lt.map[start] ?? lt.map[lt.map.length - 1]!;
    const e = end > start ? lt.map[end - 1]! + 1 : s;
    return [s, e];
}
