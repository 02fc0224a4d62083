import { PropertyInstruction } from 'dockerfile-ast';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Command, CommandWord } from '../commands';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Fix, Rule } from '../types';
import {
    allRuns,
    copyDestination,
    insertLinesBefore,
    instructionsBefore,
    rangeText,
    removesDir,
    topLevel,
} from '../kit';

/** Instructions that do not depend on the working directory. */
const INDEPENDENT = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'USER', 'SHELL', 'MAINTAINER']);

/** Variables a value refers to (`$A`, `${B}`), or undefined when it runs a command (`$(…)`, backticks). */
function variables(value: string): string[] | undefined {
    if (/\$\(|`/.test(value)) {
        return undefined;
    }
    return [...value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

/** Names declared by ENV or ARG before the instruction. */
function declared(at: Instruction): Set<string> {
    const names = new Set<string>();
    for (const i of instructionsBefore(at, ['ENV', 'ARG'])) {
        if (i.ast instanceof PropertyInstruction) {
            i.ast.getProperties().forEach((p) => names.add(p.getName()));
        }
    }
    return names;
}

/** A `cd` that WORKDIR could replace: not in a subshell or loop, not back out, not into a scratch folder. */
function workdirCandidate(inst: Instruction, cmds: Command[], i: number): CommandWord | undefined {
    const cmd = cmds[i]!;
    if (cmd.name !== 'cd' || cmd.depth > 0 || cmd.keywords.length > 0) {
        return undefined;
    }
    const target = cmd.args.find((a) => !/^-[LPe@]+$/.test(a.value));
    // Trailing slashes off, `/` kept; `(.)\/+$` was quadratic on a run of slashes.
    const dir = target ? target.value.replace(/(?<!\/)\/+$/, '') || target.value.slice(0, 1) : '';
    if (!target || /^(?:-|\/|\.\.?|~.*|\/(?:var\/)?tmp(?:\/.*)?)$/.test(dir)) {
        return undefined;
    }
    if (target.dynamic) {
        const vars = variables(dir);
        const known = declared(inst);
        if (!vars || vars.some((v) => !known.has(v))) {
            return undefined;
        }
    }
    // Building in a folder that the same RUN deletes again is what `cd` is for.
    return cmds.slice(i + 1).some((c) => removesDir(c, [dir])) ? undefined : target;
}

/** Whether anything after the RUN depends on the working directory (then the fix must restore it). */
function laterDependsOnWorkdir(model: DockerfileModel, inst: Instruction): boolean {
    const stage = inst.stage;
    if (!stage) {
        return true;
    }
    for (const later of stage.instructions.slice(stage.instructions.indexOf(inst) + 1)) {
        if (later.keyword === 'WORKDIR') {
            return !later.args().text.trim().startsWith('/');
        }
        const absoluteCopy =
            (later.keyword === 'COPY' || later.keyword === 'ADD') && copyDestination(later)?.startsWith('/');
        if (!INDEPENDENT.has(later.keyword) && !absoluteCopy) {
            return true;
        }
    }
    // The working directory is part of the image (and of stages built on this one).
    return stage === model.finalStage || model.stages.some((s) => s.parent === stage);
}

/** The working directory before the RUN, when WORKDIR instructions make it known. */
function currentWorkdir(inst: Instruction): string | undefined {
    let dir: string | undefined;
    for (const i of instructionsBefore(inst, ['WORKDIR'])) {
        const path = i.args().text.trim();
        dir = path.startsWith('/') ? path : dir && `${dir.replace(/\/$/, '')}/${path}`;
    }
    return dir && !/[\s"'$]/.test(dir) ? dir : undefined;
}

/** `RUN cd /dir && rest` → `WORKDIR /dir` + `RUN rest` (+ the previous WORKDIR again when later instructions need it). */
function workdirFix(model: DockerfileModel, inst: Instruction, cd: Command, dir: string): Fix[] {
    const cmds = topLevel(inst);
    const rest = cmds[1];
    if (inst.json || cmds[0] !== cd || cd.next !== '&&' || !rest || !dir.startsWith('/') || /[\s"'$\\]/.test(dir)) {
        return [];
    }
    const between = model.text.slice(model.offsetAt(cd.range.end), model.offsetAt(rest.range.start));
    if (!/^\s*&&\s*$/.test(between.split(`${model.escape}\n`).join('').split(`${model.escape}\r\n`).join(''))) {
        return [];
    }
    // Uppercase whatever the file uses: instruction-casing asks for uppercase keywords.
    const workdir = 'WORKDIR';
    const edits: TextEdit[] = [
        insertLinesBefore(model, inst, [`${workdir} ${dir}`]),
        { range: { start: cd.range.start, end: rest.range.start }, newText: '' },
    ];
    if (laterDependsOnWorkdir(model, inst)) {
        const previous = currentWorkdir(inst);
        if (!previous) {
            return [];
        }
        edits.push({
            range: { start: inst.range.end, end: inst.range.end },
            newText: `${model.eol}${workdir} ${previous}`,
        });
    }
    return [{ title: `Use WORKDIR ${dir}`, edits, preferred: true }];
}

export const cdInRun: Rule = {
    id: 'cd-in-run',
    title: 'Use WORKDIR to switch directories',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: 'A `cd` in a RUN lasts only until the end of that RUN, which is easy to miss when reading or extending the Dockerfile: the next instruction runs back in the old directory. WORKDIR states the directory once, for everything that follows.',
        bad: 'FROM node:22-slim\nCOPY . /app\nRUN cd /app && npm ci --omit=dev\nCMD ["node", "/app/server.js"]\n',
        good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
        notes: [
            'Reported on `cd` in RUN, also inside `sh -c`. Unlike hadolint, Dockwise leaves alone the uses WORKDIR cannot replace: `cd` in a subshell `( … )` or a loop, back out (`cd ..`, `cd -`, `cd /`), into /tmp, into a folder the same RUN deletes again (building from source in a scratch folder), or into a directory computed at run time (`$(mktemp -d)`, variables no ENV or ARG declares).',
            'When the RUN is `cd /dir && …`, the quick fix makes it `WORKDIR /dir` followed by the rest of the RUN, and restores the previous WORKDIR after it when later instructions depend on the working directory (no fix when that directory is unknown).',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3003'], trivy: ['DS-0013'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model, false)) {
            const cmds = inst.commands();
            cmds.forEach((cmd, i) => {
                const target = workdirCandidate(inst, cmds, i);
                if (target) {
                    findings.push({
                        range: cmd.range,
                        message: `Use WORKDIR to switch to \`${rangeText(model, target.range)}\`: a \`cd\` lasts only until the end of this RUN.`,
                        fixes: cmd.nested ? [] : workdirFix(model, inst, cmd, target.value),
                    });
                }
            });
        }
        return findings;
    },
};
