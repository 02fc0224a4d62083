import { continuationAt, processSubstitutionAt, readWord, skipParens, type Span, type Word } from './shellWords';

/**
 * A small, quote-aware shell tokenizer: enough structure (simple commands, their words,
 * operators, redirections, heredocs, control keywords) for the best-practice rules to reason on
 * commands instead of on raw text. Offsets are into the string that was parsed. It is checked
 * against real shell parsers' cases (docs/shell-parsers.md has the comparison and its figures).
 */
export { readWord, type Word } from './shellWords';

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
    /** Nesting depth inside `( … )` subshells, `{ … }` groups and substitutions. */
    depth: number;
    /** Runs inside a `$(…)`, backtick or `<(…)` substitution in a word of another command. */
    substitution: boolean;
}

export interface ShellScript {
    text: string;
    commands: SimpleCommand[];
}

const KEYWORDS_BEFORE = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', 'time']);
const KEYWORDS_END = new Set(['fi', 'done', 'esac']);

export function parseShell(text: string): ShellScript {
    return { text, commands: parseCommands(text, 0) };
}

/** Words that are no command: the list of `for x in …`, the word of `case … in`, a function's name. */
type Header = 'for' | 'case' | 'function' | undefined;

function parseCommands(text: string, outerDepth: number): SimpleCommand[] {
    const commands: SimpleCommand[] = [];
    let i = 0;
    let depth = outerDepth;
    let prev: Operator = '';
    let current: SimpleCommand | undefined;
    let keywords: string[] = [];
    let header: Header;
    /** Commands of the substitutions in the current command's words: they follow it. */
    let nested: SimpleCommand[] = [];
    /** Open `case … esac`s: expecting a pattern, or in the commands of an item. */
    const cases: ('pattern' | 'body')[] = [];
    const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];

    const flushNested = (): void => {
        commands.push(...nested);
        nested = [];
    };
    const finish = (op: Operator): void => {
        if (current) {
            current.next = op;
            commands.push(current);
            current = undefined;
        }
        flushNested();
        if (header !== 'case') {
            header = undefined;
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
            substitution: false,
        };
        return current;
    };
    const substitutions = (subs: Span[]): void => {
        for (const s of subs) {
            const inner = parseCommands(text.slice(s.start, s.end), depth + 1);
            nested.push(...inner.map((c) => shift(c, s.start)));
        }
    };

    while (i < text.length) {
        const ch = text[i]!;
        const cont = continuationAt(text, i);
        if (ch === ' ' || ch === '\t' || ch === '\r' || cont > 0) {
            i += Math.max(1, cont);
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
        if (cases[cases.length - 1] === 'pattern' && !current) {
            if (/^esac(?![^\s;&|()<>])/.test(text.slice(i, i + 5))) {
                cases.pop();
                i += 4;
            } else {
                // `a|b)` or `(a|b)`: the pattern, then the item's commands.
                i = patternEnd(text, text[i] === '(' ? i + 1 : i);
                cases[cases.length - 1] = 'body';
            }
            continue;
        }
        if (cases[cases.length - 1] === 'body' && /^;(?:;&?|&)/.test(text.slice(i, i + 3))) {
            finish(';');
            i += text.startsWith(';;&', i) ? 3 : 2;
            cases[cases.length - 1] = 'pattern';
            continue;
        }
        const op = readOperator(text, i);
        if (op) {
            if (op === '(' && !current && text[i + 1] === '(') {
                i = skipParens(text, i); // `(( … ))` arithmetic: no command
                continue;
            }
            if (op === '(' && current?.words.length === 1 && current.assignments.length === 0) {
                const header = /^\(\s*\)/.exec(text.slice(i));
                if (header) {
                    // `name() { …; }` defines a function: `name` does not run here.
                    current = undefined;
                    i += header[0].length;
                    continue;
                }
            }
            finish(op as Operator);
            if (op === '(') {
                depth++;
            } else if (op === ')') {
                depth = Math.max(outerDepth, depth - 1);
            }
            i += op.length;
            continue;
        }
        const redirect = processSubstitutionAt(text, i) ? undefined : readRedirectOp(text, i);
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
        const subs: Span[] = [];
        const word = readWord(text, i, subs);
        i = Math.max(word.end, i + 1);
        substitutions(subs);
        if (header) {
            if (header === 'function') {
                header = undefined;
                i += /^[ \t]*\(\s*\)/.exec(text.slice(i))?.[0].length ?? 0;
            } else if (header === 'case' && word.value === 'in' && !word.quoted) {
                header = undefined;
                cases.push('pattern');
                flushNested();
            }
            continue;
        }
        if (!current && !word.quoted) {
            if (KEYWORDS_BEFORE.has(word.value)) {
                keywords = [...keywords, word.value];
                continue;
            }
            if (KEYWORDS_END.has(word.value)) {
                if (word.value === 'esac') {
                    cases.pop();
                }
                continue;
            }
            if (word.value === 'for' || word.value === 'select' || word.value === 'case' || word.value === 'function') {
                header = word.value === 'select' ? 'for' : word.value;
                if (header === 'for' && /^\s*\(\(/.test(text.slice(i))) {
                    i = skipParens(text, text.indexOf('(', i)); // for (( i = 0; i < n; i++ ))
                }
                continue;
            }
            if (word.value === '[[') {
                i = testClauseEnd(text, i); // `[[ … ]]` is an expression, not a command
                continue;
            }
            if (word.value === '{') {
                depth++;
                continue;
            }
            if (word.value === '}') {
                depth = Math.max(outerDepth, depth - 1);
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
    return commands;
}

/** A command parsed from a substitution's script, moved to the offsets of the whole text. */
function shift(cmd: SimpleCommand, by: number): SimpleCommand {
    const word = (w: Word): Word => ({ ...w, start: w.start + by, end: w.end + by });
    return {
        ...cmd,
        assignments: cmd.assignments.map(word),
        words: cmd.words.map(word),
        redirects: cmd.redirects.map((r) => ({
            ...r,
            target: r.target && word(r.target),
            start: r.start + by,
            end: r.end + by,
        })),
        start: cmd.start + by,
        end: cmd.end + by,
        substitution: true,
    };
}

/** Just after the `)` that ends a case pattern starting at i. */
function patternEnd(text: string, i: number): number {
    while (i < text.length && text[i] !== ')' && text[i] !== '\n') {
        i = text[i] === '|' || /\s/.test(text[i]!) ? i + 1 : Math.max(readWord(text, i).end, i + 1);
    }
    return i + 1;
}

/** Just after the `]]` closing a `[[` whose words start at i. */
function testClauseEnd(text: string, i: number): number {
    while (i < text.length) {
        if (/^\]\](?![^\s;&|()<>])/.test(text.slice(i, i + 3))) {
            return i + 2;
        }
        const op = readOperator(text, i);
        const skip = /\s/.test(text[i]!) ? 1 : op ? op.length : readWord(text, i).end - i;
        i += Math.max(1, skip);
    }
    return i;
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
