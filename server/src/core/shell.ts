/**
 * A small, quote-aware shell tokenizer: enough structure (simple commands, their words,
 * operators, redirections, heredocs, control keywords) for the best-practice rules to reason on
 * commands instead of on raw text. Offsets are into the string that was parsed.
 */
export interface Word {
    /** The word with quotes removed (expansions kept as written). */
    value: string;
    start: number;
    end: number;
    quoted: boolean;
    /** Contains `$`, a backtick or a glob character outside single quotes. */
    dynamic: boolean;
}

export interface Redirect {
    op: string;
    target: Word | undefined;
    start: number;
    end: number;
}

export type Operator = '&&' | '||' | ';' | '|' | '|&' | '&' | '\n' | '(' | ')' | '';

export interface SimpleCommand {
    /** `NAME=value` words before the command name. */
    assignments: Word[];
    /** The command name and its arguments. */
    words: Word[];
    redirects: Redirect[];
    /** Control keywords right before the command (`while`, `do`, `if`, `!`, …). */
    keywords: string[];
    /** The operator before and after this command. */
    prev: Operator;
    next: Operator;
    start: number;
    end: number;
    /** Nesting depth inside `( … )` subshells and `{ … }` groups. */
    depth: number;
}

export interface ShellScript {
    text: string;
    commands: SimpleCommand[];
}

const KEYWORDS_BEFORE = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', 'time']);
const KEYWORDS_END = new Set(['fi', 'done', 'esac']);
const GLOB = /[*?[]/;

export function parseShell(text: string): ShellScript {
    const commands: SimpleCommand[] = [];
    let i = 0;
    let depth = 0;
    let prev: Operator = '';
    let current: SimpleCommand | undefined;
    let keywords: string[] = [];
    const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];

    const finish = (op: Operator): void => {
        if (current) {
            current.next = op;
            commands.push(current);
            current = undefined;
        }
        prev = op;
        keywords = [];
    };
    const ensure = (at: number): SimpleCommand => {
        current ??= {
            assignments: [],
            words: [],
            redirects: [],
            keywords,
            prev,
            next: '',
            start: at,
            end: at,
            depth,
        };
        return current;
    };

    while (i < text.length) {
        const ch = text[i]!;
        if (ch === ' ' || ch === '\t' || ch === '\r') {
            i++;
            continue;
        }
        if (ch === '\n') {
            finish('\n');
            i++;
            if (pendingHeredocs.length > 0) {
                i = skipHeredocBodies(text, i, pendingHeredocs);
                pendingHeredocs.length = 0;
            }
            continue;
        }
        if (ch === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]!))) {
            while (i < text.length && text[i] !== '\n') {
                i++;
            }
            continue;
        }
        const op = readOperator(text, i);
        if (op) {
            finish(op as Operator);
            if (op === '(') {
                depth++;
            } else if (op === ')') {
                depth = Math.max(0, depth - 1);
            }
            i += op.length;
            continue;
        }
        const redirect = readRedirectOp(text, i);
        if (redirect) {
            const cmd = ensure(i);
            let j = i + redirect.length;
            while (text[j] === ' ' || text[j] === '\t') {
                j++;
            }
            let target: Word | undefined;
            if (!redirect.endsWith('&') || /[^\d-]/.test(text[j] ?? '')) {
                target = j < text.length && !readOperator(text, j) && text[j] !== '\n' ? readWord(text, j) : undefined;
            } else {
                target = readWord(text, j);
            }
            const end = target ? target.end : i + redirect.length;
            cmd.redirects.push({ op: redirect, target, start: i, end });
            cmd.end = end;
            if ((redirect === '<<' || redirect === '<<-') && target) {
                pendingHeredocs.push({ delimiter: target.value, stripTabs: redirect === '<<-' });
            }
            i = end;
            continue;
        }
        const word = readWord(text, i);
        i = word.end;
        if (!current && !word.quoted) {
            if (KEYWORDS_BEFORE.has(word.value)) {
                keywords = [...keywords, word.value];
                continue;
            }
            if (KEYWORDS_END.has(word.value)) {
                continue;
            }
            if (word.value === '{') {
                depth++;
                continue;
            }
            if (word.value === '}') {
                depth = Math.max(0, depth - 1);
                continue;
            }
        }
        const cmd = ensure(word.start);
        if (cmd.words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word.value) && !word.value.startsWith('=')) {
            cmd.assignments.push(word);
        } else {
            cmd.words.push(word);
        }
        cmd.end = word.end;
    }
    finish('');
    return { text, commands };
}

function readOperator(text: string, i: number): string | undefined {
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '|&' || two === ';;') {
        return two === ';;' ? ';' : two;
    }
    const ch = text[i];
    if (ch === '&' && text[i + 1] !== '>') {
        return '&';
    }
    if (ch === ';' || ch === '|' || ch === '(' || ch === ')') {
        return ch;
    }
    return undefined;
}

function readRedirectOp(text: string, i: number): string | undefined {
    const m = /^(?:\d*>>|\d*>\||&>>|&>|\d*>&|\d*<&|<<-|<<<|<<|\d*>|\d*<)/.exec(text.slice(i, i + 4));
    if (!m) {
        return undefined;
    }
    // A digit only belongs to the redirection when it starts a word (`2>`), not `a2>` mid-word.
    if (/^\d/.test(m[0]) && i > 0 && !/[\s;&|()]/.test(text[i - 1]!)) {
        return undefined;
    }
    return m[0];
}

/** Reads one word starting at i, honouring quotes, `$( … )`, `${ … }` and backticks. */
export function readWord(text: string, i: number): Word {
    const start = i;
    let value = '';
    let quoted = false;
    let dynamic = false;
    while (i < text.length) {
        const ch = text[i]!;
        if (/[\s;&|()<>]/.test(ch)) {
            if (!(ch === '<' || ch === '>') || !/[<>]\(/.test(text.slice(i, i + 2))) {
                break;
            }
        }
        if (ch === '\\') {
            value += text[i + 1] ?? '';
            i += 2;
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
                if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) {
                    value += text[i + 1];
                    i += 2;
                    continue;
                }
                if (text[i] === '$' || text[i] === '`') {
                    dynamic = true;
                    const end = skipExpansion(text, i);
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
            const end = skipExpansion(text, i);
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

/** Skips `$(…)`, `$((…))`, `${…}`, `$name` or a backtick span starting at i. */
function skipExpansion(text: string, i: number): number {
    if (text[i] === '`') {
        const close = text.indexOf('`', i + 1);
        return close < 0 ? text.length : close + 1;
    }
    const next = text[i + 1];
    if (next === '(' || next === '{') {
        const open = next;
        const close = open === '(' ? ')' : '}';
        let level = 0;
        let j = i + 1;
        while (j < text.length) {
            const c = text[j];
            if (c === "'" && open === '(') {
                const q = text.indexOf("'", j + 1);
                j = q < 0 ? text.length : q + 1;
                continue;
            }
            if (c === open) {
                level++;
            } else if (c === close) {
                level--;
                if (level === 0) {
                    return j + 1;
                }
            }
            j++;
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

function skipHeredocBodies(text: string, i: number, docs: { delimiter: string; stripTabs: boolean }[]): number {
    for (const doc of docs) {
        while (i < text.length) {
            const nl = text.indexOf('\n', i);
            const lineEnd = nl < 0 ? text.length : nl;
            let line = text.slice(i, lineEnd).replace(/\r$/, '');
            if (doc.stripTabs) {
                line = line.replace(/^\t+/, '');
            }
            i = nl < 0 ? text.length : nl + 1;
            if (line === doc.delimiter) {
                break;
            }
        }
    }
    return i;
}
