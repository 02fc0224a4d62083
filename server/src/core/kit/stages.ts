import { PropertyInstruction } from 'dockerfile-ast';
import { canonicalReference } from '../../shared/imageReference';
import type { DockerfileModel, Instruction, Stage } from '../model';

// Questions about stages and the final image: which stages build on which, what the final image
// holds, and what is in effect before an instruction (SHELL, the base image's flavour).

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

/**
 * Instructions that apply to the final image: the final stage and the stages it builds on. A
 * fragment (instructions and no FROM: a snippet, a template, an include) is one implicit stage,
 * linted like the end of an image (from-first reports the missing FROM).
 */
export function finalInstructions(model: DockerfileModel): Instruction[] {
    if (model.stages.length === 0) {
        return model.instructions.filter((i) => i.keyword !== 'ARG');
    }
    return stageChain(model.finalStage)
        .reverse()
        .flatMap((s) => s.instructions);
}

/** The last instruction with this keyword that applies to the final image. */
export function lastFinal(model: DockerfileModel, keyword: string): Instruction | undefined {
    const all = finalInstructions(model).filter((i) => i.keyword === keyword);
    return all[all.length - 1];
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

export type Flavor = 'alpine' | 'busybox' | 'windows' | 'other';

/** What the stage is built on, as far as its root image's name tells. */
export function baseFlavor(stage: Stage | undefined): Flavor {
    const chain = stageChain(stage);
    const root = chain[chain.length - 1];
    if (!root) {
        return 'other';
    }
    const { registry, repository, tag } = canonicalReference(root.image);
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
