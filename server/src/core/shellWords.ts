/**
 * The word level of the shell tokenizer (shell.ts): one word with its quotes, expansions and line
 * continuations, and where the scripts of its command substitutions are, so that the commands
 * inside `$(…)`, backticks and `<(…)` can be parsed too.
 */
export interface Word {
    /** The word with quotes and line continuations removed (expansions kept as written). */
    value: string;
    start: number;
    end: number;
    quoted: boolean;
    /** Contains `$`, a backtick or a glob character outside single quotes. */
    dynamic: boolean;
}

/** The inner script of a command substitution, as offsets into the parsed text. */
export interface Span {
    start: number;
    end: number;
}

const GLOB = /[*?[]/;
const DELIMITER = /[\s;&|()<>]/;

/** Length of a backslash-newline (line continuation) at i, or 0. */
export function continuationAt(text: string, i: number): number {
    if (text[i] !== '\\') {
        return 0;
    }
    if (text[i + 1] === '\n') {
        return 2;
    }
    return text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 0;
}

/** Whether `<(` or `>(` (process substitution) starts at i. */
export function processSubstitutionAt(text: string, i: number): boolean {
    return (text[i] === '<' || text[i] === '>') && text[i + 1] === '(';
}

/**
 * Reads one word starting at i, honouring quotes, `$( … )`, `${ … }`, backticks and `<( … )`.
 * The scripts of command and process substitutions are pushed to `subs`.
 */
export function readWord(text: string, i: number, subs: Span[] = []): Word {
    const start = i;
    let value = '';
    let quoted = false;
    let dynamic = false;
    while (i < text.length) {
        const ch = text[i]!;
        if (processSubstitutionAt(text, i)) {
            dynamic = true;
            const end = skipParens(text, i + 1);
            subs.push({ start: i + 2, end: closedAt(text, end, ')') });
            value += text.slice(i, end);
            i = end;
            continue;
        }
        if (DELIMITER.test(ch)) {
            break;
        }
        if (ch === '\\') {
            const cont = continuationAt(text, i);
            value += cont > 0 ? '' : (text[i + 1] ?? '');
            i += cont > 0 ? cont : 2;
            continue;
        }
        if (ch === "'") {
            quoted = true;
            const close = text.indexOf("'", i + 1);
            const stop = close < 0 ? text.length : close;
            value += text.slice(i + 1, stop);
            i = stop + 1;
            continue;
        }
        if (ch === '"') {
            quoted = true;
            i++;
            while (i < text.length && text[i] !== '"') {
                if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n\r'.includes(text[i + 1]!)) {
                    const cont = continuationAt(text, i);
                    value += cont > 0 ? '' : text[i + 1];
                    i += cont > 0 ? cont : 2;
                    continue;
                }
                if (text[i] === '$' || text[i] === '`') {
                    dynamic = true;
                    const end = skipExpansion(text, i, subs);
                    value += text.slice(i, end);
                    i = end;
                    continue;
                }
                value += text[i];
                i++;
            }
            i++;
            continue;
        }
        if (ch === '$' || ch === '`') {
            dynamic = true;
            const end = skipExpansion(text, i, subs);
            value += text.slice(i, end);
            i = end;
            continue;
        }
        if (GLOB.test(ch)) {
            dynamic = true;
        }
        value += ch;
        i++;
    }
    return { value, start, end: Math.min(i, text.length), quoted, dynamic };
}

/** Where the inner script of a substitution ending at `end` stops: before its closing character, if there is one. */
function closedAt(text: string, end: number, close: string): number {
    return text[end - 1] === close ? end - 1 : end;
}

/** Skips `$(…)`, `$((…))`, `${…}`, `$name` or a backtick span starting at i; substitution scripts go to `subs`. */
function skipExpansion(text: string, i: number, subs: Span[]): number {
    if (text[i] === '`') {
        const end = skipBackticks(text, i);
        subs.push({ start: i + 1, end: closedAt(text, end, '`') });
        return end;
    }
    const next = text[i + 1];
    if (next === '(') {
        const end = skipParens(text, i + 1);
        if (text[i + 2] !== '(') {
            // `$((…))` is arithmetic: no command runs in it.
            subs.push({ start: i + 2, end: closedAt(text, end, ')') });
        }
        return end;
    }
    if (next === '{') {
        let level = 0;
        for (let j = i + 1; j < text.length; j++) {
            if (text[j] === '{') {
                level++;
            } else if (text[j] === '}' && --level === 0) {
                return j + 1;
            }
        }
        return text.length;
    }
    let j = i + 1;
    if (j < text.length && /[@*#?$!0-9-]/.test(text[j]!)) {
        return j + 1;
    }
    while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) {
        j++;
    }
    return j;
}

/** From the `(` at i to just after its matching `)`, past quotes, escapes and nested substitutions. */
export function skipParens(text: string, i: number): number {
    let level = 0;
    let j = i;
    while (j < text.length) {
        const c = text[j]!;
        if (c === '\\') {
            j += 2;
            continue;
        }
        if (c === "'") {
            const q = text.indexOf("'", j + 1);
            j = q < 0 ? text.length : q + 1;
            continue;
        }
        if (c === '"') {
            j = skipDoubleQuotes(text, j);
            continue;
        }
        if (c === '`') {
            j = skipBackticks(text, j);
            continue;
        }
        if (c === '(') {
            level++;
        } else if (c === ')' && --level === 0) {
            return j + 1;
        }
        j++;
    }
    return text.length;
}

function skipDoubleQuotes(text: string, i: number): number {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
            j += 2;
        } else if (text[j] === '$' && text[j + 1] === '(') {
            j = skipParens(text, j + 1);
        } else if (text[j] === '`') {
            j = skipBackticks(text, j);
        } else {
            j++;
        }
    }
    return Math.min(j + 1, text.length);
}

function skipBackticks(text: string, i: number): number {
    let j = i + 1;
    while (j < text.length && text[j] !== '`') {
        j += text[j] === '\\' ? 2 : 1;
    }
    return Math.min(j + 1, text.length);
}
