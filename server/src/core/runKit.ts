import { ModifiableInstruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Command, CommandWord } from './commands';
import { parseImageRef } from './knowledge/officialImages';
import { type CacheCleanup, type ManagerCommand, managerCommand, RPM_MANAGERS } from './knowledge/packageManagers';
import type { DockerfileModel, Instruction, Stage } from './model';
import { parseShell, type SimpleCommand } from './shell';
import { finalInstructions, stageChain } from './ruleKit';

/**
 * What the RUN rules share: which RUN instructions to look at (with the RUNs stored by ONBUILD),
 * their `--mount` flags, the base image's flavour, and the edits their quick fixes make.
 */

export interface Run {
    /** A RUN instruction, or the RUN an ONBUILD stores. */
    inst: Instruction;
    /** The ONBUILD holding it, if any. */
    onbuild: Instruction | undefined;
    stage: Stage | undefined;
}

/** The RUNs among `instructions`, with those stored by `ONBUILD RUN` when `onbuild` is set. */
export function runsOf(instructions: readonly Instruction[], onbuild: boolean): Run[] {
    const out: Run[] = [];
    for (const inst of instructions) {
        if (inst.keyword === 'RUN') {
            out.push({ inst, onbuild: undefined, stage: inst.stage });
        } else if (onbuild && inst.keyword === 'ONBUILD') {
            const trigger = inst.trigger();
            if (trigger?.keyword === 'RUN') {
                out.push({ inst: trigger, onbuild: inst, stage: inst.stage });
            }
        }
    }
    return out;
}

/** Every RUN of the file (hadolint checks most RUN rules inside ONBUILD too). */
export function allRuns(model: DockerfileModel, onbuild = true): Run[] {
    return runsOf(model.instructions, onbuild);
}

/**
 * RUNs whose files ship: the final stage and the stages it builds on. Caches left in a build
 * stage that only hands over its artefacts cost nothing, so the cache rules look only here.
 */
export function finalRuns(model: DockerfileModel, onbuild = true): Run[] {
    return runsOf(finalInstructions(model), onbuild);
}

export interface Mount {
    type: string;
    target: string;
}

// Whole words only: `(?:\s*--\S+)*` splits `--a--a--…` in exponentially many ways.
const FLAGS = /^\s*(?:--\S+(?:\s+|$))*/;

/** The `--flag`s before a RUN's command (`--mount=type=cache,target=/x --network=none`), space-separated. */
export function runFlagsText(inst: Instruction): string {
    const flags = inst.ast instanceof ModifiableInstruction ? inst.ast.getFlags() : [];
    return flags
        .map((f) => {
            const value = f.getValue();
            return `--${f.getName()}${value === null ? '' : `=${value}`}`;
        })
        .join(' ');
}

/** The `--mount=…` flags of a RUN. */
export function mounts(inst: Instruction): Mount[] {
    return runFlagsText(inst)
        .split(' ')
        .filter((f) => f.startsWith('--mount='))
        .map((f) => {
            const opts = new Map(
                f
                    .slice('--mount='.length)
                    .split(',')
                    .map((kv) => {
                        const eq = kv.indexOf('=');
                        return [kv.slice(0, eq < 0 ? kv.length : eq).toLowerCase(), eq < 0 ? '' : kv.slice(eq + 1)];
                    }),
            );
            const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination') ?? '';
            return { type: opts.get('type') ?? 'bind', target: target.replace(/^["']|["']$/g, '') };
        });
}

/** Whether a cache or tmpfs mount covers `dir` (is it or a folder above it), so nothing there stays in the layer. */
export function cacheMounted(inst: Instruction, dirs: readonly string[]): boolean {
    return mounts(inst).some((m) => {
        if (m.type !== 'cache' && m.type !== 'tmpfs') {
            return false;
        }
        const target = m.target.replace(/(?<!\/)\/+$/, '');
        return dirs.some((d) => d === target || d.startsWith(`${target}/`));
    });
}

export type Flavor = 'alpine' | 'busybox' | 'windows' | 'other';

/** What the stage is built on, as far as its root image's name tells. */
export function baseFlavor(stage: Stage | undefined): Flavor {
    const chain = stageChain(stage);
    const root = chain[chain.length - 1];
    if (!root) {
        return 'other';
    }
    const { registry, repository, tag } = parseImageRef(root.image);
    const name = repository.split('/').pop() ?? '';
    const ref = `${registry ?? ''}/${repository}:${tag ?? ''}`;
    if (/windows|servercore|nanoserver/.test(ref)) {
        return 'windows';
    }
    if (name === 'alpine' || /(?:^|[-_.])alpine/.test(tag ?? '')) {
        return 'alpine';
    }
    return name === 'busybox' ? 'busybox' : 'other';
}

const byKeyword = new WeakMap<Stage, Map<string, Instruction[]>>();

/** A stage's instructions of one keyword, cached: rules ask once per RUN, a scan each time was quadratic. */
function stageInstructions(stage: Stage, keywords: readonly string[] | undefined): readonly Instruction[] {
    if (!keywords) {
        return stage.instructions;
    }
    let cache = byKeyword.get(stage);
    if (!cache) {
        cache = new Map();
        byKeyword.set(stage, cache);
    }
    const key = keywords.join(' ');
    let list = cache.get(key);
    if (!list) {
        list = stage.instructions.filter((i) => keywords.includes(i.keyword));
        cache.set(key, list);
    }
    return list;
}

/**
 * The instructions in effect before `at` in its stage: earlier stages of the chain, then this one up to `at`;
 * only those of `keywords` when given.
 */
export function instructionsBefore(at: Instruction, keywords?: readonly string[]): Instruction[] {
    const out: Instruction[] = [];
    const chain = stageChain(at.stage).reverse();
    for (const stage of chain) {
        for (const inst of stageInstructions(stage, keywords)) {
            if (inst === at || (stage === at.stage && inst.range.start.line >= at.range.start.line)) {
                return out;
            }
            out.push(inst);
        }
    }
    return out;
}

/** The SHELL in effect before the instruction (inherited from the stages it builds on), as its JSON strings. */
export function shellOf(at: Instruction): string[] | undefined {
    const shells = instructionsBefore(at, ['SHELL']).filter((i) => i.json);
    return shells[shells.length - 1]?.json?.map((s) => s.value);
}

export const NON_POSIX_SHELL = /(?:^|[\\/])(?:pwsh|powershell|cmd)(?:\.exe)?$/i;

/** Whether the RUN runs in a POSIX shell: not under a PowerShell or cmd SHELL, nor on a Windows image (cmd by default). */
export function posixShell(inst: Instruction): boolean {
    const shell = shellOf(inst)?.[0];
    return shell === undefined ? baseFlavor(inst.stage) !== 'windows' : !NON_POSIX_SHELL.test(shell);
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

/** The RUN's top-level commands (not those inside `sh -c '…'`). */
export function topLevel(inst: Instruction): Command[] {
    return inst.commands().filter((c) => !c.nested);
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
    const appended = parseShell(command).commands[0];
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

/** The words of a command as one string, for matching. */
export function words(cmd: Command): string[] {
    return cmd.words.map((w) => w.value);
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

const runTextMatches = new WeakMap<DockerfileModel, Map<RegExp, Instruction[]>>();

/**
 * Whether a RUN before `at` (in its stage chain) contains `pattern`: settings written into config
 * files there (`APT::Get::Assume-Yes`). The matching RUNs are found once per file.
 */
export function earlierRunMatches(model: DockerfileModel, at: Instruction, pattern: RegExp): boolean {
    let byPattern = runTextMatches.get(model);
    if (!byPattern) {
        byPattern = new Map();
        runTextMatches.set(model, byPattern);
    }
    let matches = byPattern.get(pattern);
    if (!matches) {
        matches = model.instructions.filter((i) => i.keyword === 'RUN' && pattern.test(i.args().text));
        byPattern.set(pattern, matches);
    }
    const chain = stageChain(at.stage);
    return matches.some(
        (m) =>
            m.stage !== undefined &&
            chain.includes(m.stage) &&
            (m.stage !== at.stage || m.range.start.line < at.range.start.line),
    );
}

/** `rm -r …` (any spelling of the recursive flag) removing a path at or under one of `dirs`. */
export function removesDir(cmd: Command, dirs: readonly string[]): boolean {
    if (cmd.name !== 'rm' || !cmd.args.some((a) => /^-[a-zA-Z]*[rR]|^--recursive$/.test(a.value))) {
        return false;
    }
    const path = (v: string): string => v.replace(/\/\*?$/, '');
    return cmd.args.some((a) =>
        dirs.some((d) => path(a.value) === d || a.value.startsWith(`${d}/`) || d.startsWith(`${path(a.value)}/`)),
    );
}

/** Names for a message: `` `a`, `b`, `c` and 2 more ``. */
export function nameList(names: readonly string[]): string {
    const shown = names.slice(0, 3).map((n) => `\`${n}\``);
    return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ');
}

/** A package manager's install in a RUN with no clean-up after it: the first such command per program. */
export function uncleanedInstalls(inst: Instruction, cleanup: CacheCleanup): ManagerCommand[] {
    if (cacheMounted(inst, cleanup.dirs)) {
        return [];
    }
    const cmds = inst.commands();
    const all = new Set([...cleanup.programs, ...RPM_MANAGERS, 'zypper']);
    const out: ManagerCommand[] = [];
    cmds.forEach((cmd, i) => {
        const mc = managerCommand(cmd, cleanup.programs, cleanup.spec);
        if (!mc?.sub || !cleanup.installs.has(mc.sub.value) || out.some((o) => o.cmd.name === cmd.name)) {
            return;
        }
        const cleaned = cmds.slice(i + 1).some((c) => {
            const later = managerCommand(c, all, cleanup.spec);
            return (later !== undefined && cleanup.cleans(later)) || removesDir(c, cleanup.dirs);
        });
        if (!cleaned) {
            out.push(mc);
        }
    });
    return out;
}
