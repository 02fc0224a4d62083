import type { TextEdit } from 'vscode-languageserver-types';
import type { Command, CommandWord } from '../commands';
import type { DockerfileModel, Instruction } from '../model';
import { parseShell, type SimpleCommand } from '../shell';
import { FLAGS, runFlagsText, topLevel } from './runs';
import { posixShell } from './stages';

// The edits quick fixes make: insert lines or options, chain a command onto a RUN, merge two RUNs,
// replace a word. Each returns undefined when the edit could change what the Dockerfile means.

/** An edit inserting whole lines before the instruction, keeping the file's line endings. */
export function insertLinesBefore(model: DockerfileModel, inst: Instruction, lines: string[]) {
    const at = { line: inst.range.start.line, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((l) => l + model.eol).join('') };
}

/** Inserts an option right after a word of the command: ` -y` in shell form, `, "-y"` in exec form. */
export function insertAfter(cmd: Command, word: CommandWord, option: string): TextEdit {
    const at = word.range.end;
    return { range: { start: at, end: at }, newText: cmd.form === 'exec' ? `, "${option}"` : ` ${option}` };
}

const HEREDOC = /^<<(-?)(["']?)([A-Za-z0-9_]+)\2[ \t]*\r?\n/;

/** Where a `RUN <<EOF` script's terminator line starts in the document, if the RUN is one. */
function heredocEnd(inst: Instruction): number | 'none' | 'unsafe' {
    const lt = inst.args();
    const skip = FLAGS.exec(lt.text)?.[0].length ?? 0;
    const text = lt.text.slice(skip);
    if (!text.startsWith('<<')) {
        return 'none';
    }
    const m = HEREDOC.exec(text);
    if (!m) {
        return 'unsafe';
    }
    const bodyStart = skip + m[0].length;
    const end = new RegExp(`^${m[1] ? '\\t*' : ''}${m[3]}\\r?$`, 'm').exec(lt.text.slice(bodyStart));
    return end ? lt.map[bodyStart + end.index]! : 'unsafe';
}

/**
 * The document offset where the RUN's shell script ends, when nothing but blanks follows its last
 * command (no trailing `&`, `;`, `)`, `fi`, comment …), so a command can be chained there.
 */
export function cleanEnd(model: DockerfileModel, inst: Instruction): number | undefined {
    const cmds = topLevel(inst);
    if (inst.json || cmds.length === 0) {
        return undefined;
    }
    const last = cmds.reduce((a, b) => (model.offsetAt(b.range.end) > model.offsetAt(a.range.end) ? b : a));
    if (last.words[0]?.value === 'exec' || last.name === 'exit') {
        return undefined;
    }
    const end = model.offsetAt(last.range.end);
    const lt = inst.args();
    const index = lt.map.findIndex((o) => o >= end);
    const rest = index < 0 ? '' : lt.text.slice(index);
    return /^\s*$/.test(rest) ? end : undefined;
}

/** An edit that runs `command` last in the RUN: ` && command` after its script, or a last line of its heredoc. */
export function appendCommand(model: DockerfileModel, inst: Instruction, command: string): TextEdit | undefined {
    if (!posixShell(inst)) {
        return undefined;
    }
    const heredoc = heredocEnd(inst);
    if (heredoc === 'unsafe') {
        return undefined;
    }
    if (typeof heredoc === 'number') {
        const at = model.positionAt(heredoc);
        return { range: { start: at, end: at }, newText: `${command}${model.eol}` };
    }
    const end = cleanEnd(model, inst);
    if (end === undefined) {
        return undefined;
    }
    const at = model.positionAt(end);
    const edit = { range: { start: at, end: at }, newText: ` && ${command}` };
    return standsAlone(model, inst, edit, command) ? edit : undefined;
}

/**
 * Whether the appended command is a command of its own in the fixed RUN: an unclosed quote or
 * `${` would swallow it, and the finding would stay (found by the fix property tests).
 */
function standsAlone(model: DockerfileModel, inst: Instruction, edit: TextEdit, command: string): boolean {
    // The arguments as the shell gets them (continuations and comment lines out), up to the edit.
    const lt = inst.args();
    const at = model.offsetAt(edit.range.start);
    const index = lt.map.findIndex((o) => o >= at);
    const script = lt.text.slice(0, index < 0 ? lt.text.length : index) + edit.newText;
    const words = (c: SimpleCommand | undefined) => c?.words.map((w) => w.value).join(' ');
    // The last command of what is appended (a chain `a && b` ends the script with `b`).
    const appended = parseShell(command).commands.at(-1);
    const last = parseShell(script).commands.at(-1);
    return last !== undefined && last.prev === '&&' && last.depth === 0 && words(last) === words(appended);
}

/** Shell builtins whose effect (directory, variables, options, exit) would carry over into a chained command. */
const STATEFUL = new Set([
    'cd',
    'pushd',
    'popd',
    'export',
    'set',
    'source',
    '.',
    'umask',
    'alias',
    'unset',
    'shopt',
    'trap',
    'ulimit',
    'exit',
    'return',
    'readonly',
    'declare',
    'typeset',
    'local',
    'eval',
    'hash',
    'enable',
    'shift',
]);

/** Whether the RUN is a plain shell-form script with no heredoc, so its text can be merged. */
function plainShell(inst: Instruction): boolean {
    return inst.keyword === 'RUN' && !inst.json && inst.argsRange !== undefined && !inst.args().text.includes('<<');
}

/**
 * An edit that appends the RUN `next` to the RUN `prev` right before it (`prev && \ next`), or
 * undefined when that could change what runs: different flags, a heredoc, something between them,
 * a builtin in `prev` whose effect would reach `next`, or a `next` that is not a single `&&` chain
 * (with `;` or `||`, parts of `next` would run even when `prev` fails).
 */
export function mergeRuns(model: DockerfileModel, prev: Instruction, next: Instruction): TextEdit | undefined {
    if (!plainShell(prev) || !plainShell(next) || prev.stage !== next.stage || !posixShell(next)) {
        return undefined;
    }
    if (runFlagsText(prev) !== runFlagsText(next)) {
        return undefined;
    }
    const between = model.text.slice(model.offsetAt(prev.range.end), model.offsetAt(next.range.start));
    if (!/^\s*$/.test(between)) {
        return undefined;
    }
    const end = cleanEnd(model, prev);
    if (end === undefined || topLevel(prev).some((c) => c.words.length === 0 || STATEFUL.has(c.name))) {
        return undefined;
    }
    const chained = topLevel(next).every(
        (c) => c.keywords.length === 0 && [c.prev, c.next].every((op) => ['&&', '|', '|&', '', '(', ')'].includes(op)),
    );
    if (!chained || topLevel(next).length === 0) {
        return undefined;
    }
    const lt = next.args();
    const skip = FLAGS.exec(lt.text)?.[0].length ?? 0;
    const start = lt.map[skip]!;
    return {
        range: { start: model.positionAt(end), end: model.positionAt(start) },
        newText: ` && ${model.escape}${model.eol}    `,
    };
}

/** An edit replacing a word by another value, when the word is written plainly (or as a JSON string in exec form). */
export function replaceWord(
    model: DockerfileModel,
    cmd: Command,
    word: CommandWord,
    value: string,
): TextEdit | undefined {
    const raw = model.text.slice(model.offsetAt(word.range.start), model.offsetAt(word.range.end));
    if (raw === word.value) {
        return { range: word.range, newText: value };
    }
    if (cmd.form === 'exec' && raw === JSON.stringify(word.value)) {
        return { range: word.range, newText: JSON.stringify(value) };
    }
    return undefined;
}
