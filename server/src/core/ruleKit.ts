import { PropertyInstruction } from 'dockerfile-ast';
import type { Command, CommandWord } from './commands';
import type { DockerfileModel, Instruction, Stage } from './model';

/**
 * Shared questions rules ask of a Dockerfile. Kept here so each rule file holds only its own
 * logic.
 */

/** The stage chain of `stage`: itself, then the earlier stages it builds on (`FROM builder`). */
export function stageChain(stage: Stage | undefined): Stage[] {
    const chain: Stage[] = [];
    const seen = new Set<Stage>();
    for (let s = stage; s && !seen.has(s); s = s.parent) {
        seen.add(s);
        chain.push(s);
    }
    return chain;
}

/** Instructions that apply to the final image: the final stage and the stages it builds on. */
export function finalInstructions(model: DockerfileModel): Instruction[] {
    return stageChain(model.finalStage)
        .reverse()
        .flatMap((s) => s.instructions);
}

/** The last instruction with this keyword that applies to the final image. */
export function lastFinal(model: DockerfileModel, keyword: string): Instruction | undefined {
    const all = finalInstructions(model).filter((i) => i.keyword === keyword);
    return all[all.length - 1];
}

/**
 * The commands the container runs at start: the effective ENTRYPOINT and CMD of the final image
 * (only the last of each counts), with the instruction they come from.
 */
export function mainCommands(model: DockerfileModel): { inst: Instruction; cmd: Command }[] {
    const out: { inst: Instruction; cmd: Command }[] = [];
    for (const keyword of ['ENTRYPOINT', 'CMD']) {
        const inst = lastFinal(model, keyword);
        if (inst) {
            for (const cmd of inst.commands()) {
                out.push({ inst, cmd });
            }
        }
    }
    return out;
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

/** An edit inserting whole lines before the instruction, keeping the file's line endings. */
export function insertLinesBefore(model: DockerfileModel, inst: Instruction, lines: string[]) {
    const at = { line: inst.range.start.line, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((l) => l + model.eol).join('') };
}

/** ENV values that apply to the final image (later ones win), as written: variables are not expanded. */
export function finalEnv(model: DockerfileModel): Map<string, string> {
    const env = new Map<string, string>();
    for (const inst of finalInstructions(model)) {
        if (inst.keyword === 'ENV' && inst.ast instanceof PropertyInstruction) {
            for (const p of inst.ast.getProperties()) {
                const value = p.getValue();
                if (value !== null) {
                    env.set(p.getName(), value);
                }
            }
        }
    }
    return env;
}

/** Where a COPY or ADD puts its files: its last argument that is not a flag (heredoc bodies ignored). */
export function copyDestination(inst: Instruction): string | undefined {
    if (inst.json) {
        return inst.json.length >= 2 ? inst.json[inst.json.length - 1]!.value : undefined;
    }
    const firstLine = inst.args().text.split('\n')[0]!;
    const words = firstLine.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
    return words.length >= 2 ? words[words.length - 1] : undefined;
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
