import { ModifiableInstruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { type Command, type CommandWord, commandsFromJson } from '../commands';
import { type CacheCleanup, type ManagerCommand, managerCommand, RPM_MANAGERS } from '../knowledge/packageManagers';
import type { DockerfileModel, Instruction, Stage } from '../model';
import { finalInstructions, lastFinal, stageChain } from './stages';

// What the RUN rules share: which RUN instructions to look at (with the RUNs stored by ONBUILD),
// their commands and `--mount` flags, and what they install and clean up.

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

/** The leading `--flag`s of a RUN's arguments (whole words only: `(?:\s*--\S+)*` splits `--a--a--…` in exponentially many ways). */
export const FLAGS = /^\s*(?:--\S+(?:\s+|$))*/;

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

/**
 * The commands the container runs at start: the effective ENTRYPOINT and CMD of the final image
 * read together as the one command Docker runs, with the instruction each comes from.
 * - A shell-form ENTRYPOINT ignores CMD.
 * - An exec-form ENTRYPOINT gets the exec-form CMD as arguments (`["redis-server"]` + `["--port", "7000"]`
 *   is one command); wrappers (`tini --`) and entrypoint scripts (`docker-entrypoint.sh`, which end
 *   in `exec "$@"`) hand over to the CMD, which is then the program.
 * - An ENTRYPOINT set in a later stage than the CMD resets it, as it does over a base image.
 */
export function mainCommands(model: DockerfileModel): { inst: Instruction; cmd: Command }[] {
    const entry = lastFinal(model, 'ENTRYPOINT');
    let cmd = lastFinal(model, 'CMD');
    if (entry && cmd && entry.stage !== cmd.stage) {
        const chain = stageChain(model.finalStage);
        // The chain runs from the final stage back: a larger index is an earlier stage.
        if (chain.indexOf(cmd.stage!) > chain.indexOf(entry.stage!)) {
            cmd = undefined;
        }
    }
    const own = (inst: Instruction | undefined) => (inst ? inst.commands().map((c) => ({ inst, cmd: c })) : []);
    if (!entry || !cmd || !entry.json) {
        return entry ? own(entry) : own(cmd);
    }
    const entryCommands = entry.commands();
    const entryMain = entryCommands[0];
    const handsOver = entryMain === undefined || entryMain.program === undefined || isEntrypointScript(entryMain);
    if (!cmd.json) {
        // Docker runs `ENTRYPOINT… /bin/sh -c "CMD"`: the shell commands run only when the entrypoint hands over.
        return handsOver ? [...own(entry), ...own(cmd)] : own(entry);
    }
    if (
        entryMain &&
        entryMain.program !== undefined &&
        isEntrypointScript(entryMain) &&
        !cmd.json[0]?.value.startsWith('-')
    ) {
        // The script ends in `exec "$@"` (it would prefix a program to CMD arguments that start with `-`).
        return own(cmd);
    }
    const joined = commandsFromJson(model, [...entry.json, ...cmd.json]);
    return joined.map((c, i) => {
        if (i > 0 || c.nested) {
            return { inst: c.program && inside(model, cmd, c.program) ? cmd : entry, cmd: c };
        }
        // The range of the part that holds the program, so a finding stays on one instruction.
        const fromCmd = c.program !== undefined && inside(model, cmd, c.program);
        const part = c.words.filter((w) => inside(model, fromCmd ? cmd : entry, w));
        const range = { start: part[0]!.range.start, end: part[part.length - 1]!.range.end };
        return { inst: fromCmd ? cmd : entry, cmd: { ...c, range } };
    });
}

/** A script the ENTRYPOINT runs to prepare the container before it execs the CMD (`docker-entrypoint.sh`). */
function isEntrypointScript(cmd: Command): boolean {
    return cmd.args.length === 0 && /entrypoint|\.sh$/i.test(cmd.name);
}

/** Whether a word (or finding) of a joined ENTRYPOINT + CMD command is written in `inst`. */
export function inside(model: DockerfileModel, inst: Instruction, word: { range: Range }): boolean {
    const at = model.offsetAt(word.range.start);
    return at >= model.offsetAt(inst.range.start) && at <= model.offsetAt(inst.range.end);
}

/** Every RUN command of the given instructions. */
export function runCommands(instructions: Instruction[]): { inst: Instruction; cmd: Command }[] {
    return instructions
        .filter((i) => i.keyword === 'RUN')
        .flatMap((inst) => inst.commands().map((cmd) => ({ inst, cmd })));
}

/** The text of a command as written, for messages. */
export function commandText(cmd: Command): string {
    return cmd.words.map((w) => w.value).join(' ');
}

/** The words of a command as one string, for matching. */
export function words(cmd: Command): string[] {
    return cmd.words.map((w) => w.value);
}

/** The RUN's top-level commands (not those inside `sh -c '…'`). */
export function topLevel(inst: Instruction): Command[] {
    return inst.commands().filter((c) => !c.nested);
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

/** Package managers and the sub-commands that install packages. */
const INSTALLERS: Record<string, readonly string[]> = {
    'apt-get': ['install'],
    apt: ['install'],
    aptitude: ['install'],
    apk: ['add'],
    yum: ['install'],
    dnf: ['install'],
    microdnf: ['install'],
    zypper: ['install', 'in'],
    pacman: ['-S', '-Sy', '-Syu'],
};

export interface InstalledPackage {
    /** Package name without version pin (`nginx=1.24*` → `nginx`). */
    name: string;
    manager: string;
    word: CommandWord;
    inst: Instruction;
}

/** Packages installed by RUN instructions through a system package manager. */
export function installedPackages(instructions: Instruction[]): InstalledPackage[] {
    const out: InstalledPackage[] = [];
    for (const { inst, cmd } of runCommands(instructions)) {
        const verbs = INSTALLERS[cmd.name];
        if (!verbs) {
            continue;
        }
        const verbIndex = cmd.args.findIndex((a) => verbs.includes(a.value));
        if (verbIndex < 0) {
            continue;
        }
        for (const word of cmd.args.slice(verbIndex + 1)) {
            if (word.value.startsWith('-') || word.dynamic || word.value === '') {
                continue;
            }
            const name = word.value.split(/[=<>~]|(?<=.)@/)[0]!.replace(/\.(x86_64|noarch|aarch64)$/, '');
            out.push({ name, manager: cmd.name, word, inst });
        }
    }
    return out;
}
