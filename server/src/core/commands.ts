import type { Range } from 'vscode-languageserver-types';
import type { LogicalText } from './logicalText';
import type { DockerfileModel } from './model';
import { type Operator, parseShell, type Word } from './shell';

export interface CommandWord {
    value: string;
    range: Range;
    /** Holds an expansion or a glob: its value is not known statically. */
    dynamic: boolean;
}

export interface CommandRedirect {
    op: string;
    target: CommandWord | undefined;
    range: Range;
}

/** One simple command of a RUN, CMD or ENTRYPOINT, with document ranges. */
export interface Command {
    /** Every word after leading `NAME=value` assignments. */
    words: CommandWord[];
    /** The program that really runs once wrappers (`exec`, `sudo`, `nohup`, `gosu user`, …) are peeled off. */
    program: CommandWord | undefined;
    /** The program's basename (`/usr/sbin/nginx` → `nginx`). */
    name: string;
    /** Arguments of the program. */
    args: CommandWord[];
    redirects: CommandRedirect[];
    keywords: string[];
    prev: Operator;
    next: Operator;
    depth: number;
    range: Range;
    /** Came from a `sh -c '…'` string (or a JSON-form `["sh", "-c", …]`) or a `$(…)` substitution. */
    nested: boolean;
    /** Which form the instruction used. */
    form: 'shell' | 'exec';
}

/** Wrappers that run the next word as the real program. The number is how many arguments they take. */
const WRAPPERS: Record<string, number> = {
    exec: 0,
    sudo: 0,
    nohup: 0,
    nice: 0,
    time: 0,
    command: 0,
    'dumb-init': 0,
    tini: 0,
    gosu: 1,
    'su-exec': 1,
    chpst: 0,
    setsid: 0,
    stdbuf: 0,
    timeout: 1,
};

export function basename(word: string): string {
    const slash = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\'));
    return slash >= 0 ? word.slice(slash + 1) : word;
}

function resolveProgram(words: CommandWord[]): { index: number } {
    let i = 0;
    while (i < words.length) {
        const name = basename(words[i]!.value);
        if (name === 'env') {
            i++;
            while (
                i < words.length &&
                (words[i]!.value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.value))
            ) {
                i++;
            }
            continue;
        }
        const takes = WRAPPERS[name];
        // `command -v curl` only looks a program up: `command` itself is what runs.
        if (takes === undefined || (name === 'command' && /^-[vV]$/.test(words[i + 1]?.value ?? ''))) {
            break;
        }
        i++;
        while (i < words.length && words[i]!.value.startsWith('-')) {
            const flag = words[i]!.value;
            i++;
            if (flag === '--') {
                break;
            }
        }
        i += takes;
    }
    return { index: i };
}

function makeCommand(words: CommandWord[], rest: Omit<Command, 'words' | 'program' | 'name' | 'args'>): Command {
    const { index } = resolveProgram(words);
    const program = words[index];
    return {
        words,
        program,
        name: program ? basename(program.value) : '',
        args: words.slice(index + 1),
        ...rest,
    };
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** The `-c` script of `sh -c '…'`, if the command is one. */
function shellScriptArg(cmd: Command): CommandWord | undefined {
    if (!SHELLS.has(cmd.name)) {
        return undefined;
    }
    const c = cmd.args.findIndex((a) => /^-(?=[a-z]*$)[a-z]*c/.test(a.value));
    return c >= 0 ? cmd.args[c + 1] : undefined;
}

export function commandsFromShell(
    model: DockerfileModel,
    lt: LogicalText,
    text: string,
    offset: number,
    nested: boolean,
): Command[] {
    const script = parseShell(text);
    const toRange = (start: number, end: number): Range => {
        const a = lt.map[offset + start] ?? lt.map[lt.map.length - 1]!;
        const b = end > start ? lt.map[offset + end - 1]! + 1 : a;
        return model.rangeOf(a, b);
    };
    const word = (w: Word): CommandWord => ({ value: w.value, range: toRange(w.start, w.end), dynamic: w.dynamic });
    const out: Command[] = [];
    for (const sc of script.commands) {
        const cmd = makeCommand(sc.words.map(word), {
            redirects: sc.redirects.map((r) => ({
                op: r.op,
                target: r.target ? word(r.target) : undefined,
                range: toRange(r.start, r.end),
            })),
            keywords: sc.keywords,
            prev: sc.prev,
            next: sc.next,
            depth: sc.depth,
            range: toRange(sc.start, sc.end),
            // Commands in a `$(…)` substitution run apart, as those of `sh -c '…'` do.
            nested: nested || sc.substitution,
            form: 'shell',
        });
        out.push(cmd);
        const inner = shellScriptArg(cmd);
        const raw = inner ? sc.words[cmd.words.indexOf(inner)] : undefined;
        if (raw?.quoted && (text[raw.start] === "'" || text[raw.start] === '"')) {
            // A quoted script maps almost 1:1 onto the document, so nested ranges stay exact.
            out.push(
                ...commandsFromShell(model, lt, text.slice(raw.start + 1, raw.end - 1), offset + raw.start + 1, true),
            );
        }
    }
    return out;
}

export function commandsFromJson(model: DockerfileModel, strings: { value: string; range: Range }[]): Command[] {
    const words: CommandWord[] = strings.map((s) => ({ value: s.value, range: s.range, dynamic: false }));
    if (words.length === 0) {
        return [];
    }
    const range = { start: words[0]!.range.start, end: words[words.length - 1]!.range.end };
    const cmd = makeCommand(words, {
        redirects: [],
        keywords: [],
        prev: '',
        next: '',
        depth: 0,
        range,
        nested: false,
        form: 'exec',
    });
    const out = [cmd];
    const inner = shellScriptArg(cmd);
    if (inner) {
        // The JSON string's content starts one character after its opening quote.
        const start = model.offsetAt(inner.range.start) + 1;
        const end = model.offsetAt(inner.range.end) - 1;
        const raw = model.text.slice(start, end);
        const decoded = decodeJson(raw, start);
        const map: number[] = [];
        for (let i = 0; i <= raw.length; i++) {
            map.push(start + i);
        }
        // Decoded offsets keep ranges exact past escapes (\" \\); odd strings fall back to raw offsets.
        const lt = decoded.text === inner.value ? decoded : { text: raw, map };
        out.push(...commandsFromShell(model, lt, inner.value, 0, true));
    }
    return out;
}

/** A JSON string's content decoded, each character mapped to the document offset of the end of its escape. */
function decodeJson(raw: string, start: number): LogicalText {
    const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
    let text = '';
    const map: number[] = [];
    for (let i = 0; i < raw.length; i++) {
        if (raw[i] === '\\' && i + 1 < raw.length) {
            const hex = raw[i + 1] === 'u' ? /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 2)) : null;
            text += hex ? String.fromCharCode(parseInt(hex[0], 16)) : (ESCAPES[raw[i + 1]!] ?? raw[i + 1]!);
            i += hex ? 5 : 1;
        } else {
            text += raw[i];
        }
        map.push(start + i);
    }
    map.push(start + raw.length);
    return { text, map };
}
