import { PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileModel, Instruction } from '../core/model';
import { pragmasOf, shellPragmaAt } from '../core/pragmas';
import { allRuns, baseFlavor, instructionsBefore, type Run } from '../core/kit';
import { suppressions } from '../core/suppress';

/**
 * What ShellCheck is asked about a Dockerfile: the script of each shell-form RUN (or its heredoc
 * body), the dialect it runs in, and how to map ShellCheck's lines and columns back into the
 * document. Pure: computed in the lint worker from the model, run by runner.ts, mapped by findings.ts.
 */
export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

export interface ShellCheckJob {
    shell: ShellDialect;
    /** What ShellCheck reads on stdin: `export NAME=1` for each ARG/ENV in scope, then the RUN's script. */
    input: string;
    /** Lines of `input` before the RUN's own script. */
    prefixLines: number;
    /** Document offset of each character of the script (after the prefix), then of its end. */
    offsets: number[];
    /** First line of the instruction (where an ignore comment applies). */
    instructionLine: number;
    /** Lower-cased ids its ignore comments turn off (instruction, stage and global ones). */
    ignored: string[];
}

/**
 * Codes never reported: sourced files cannot be followed (they are in the image, not beside the
 * Dockerfile), and ash is checked as sh. hadolint leaves out the same ones.
 */
export const EXCLUDED_CODES = ['SC1090', 'SC1091', 'SC2187'];

const DIALECTS: Record<string, ShellDialect> = {
    sh: 'sh',
    ash: 'sh',
    busybox: 'sh',
    bash: 'bash',
    dash: 'dash',
    ksh: 'ksh',
    mksh: 'ksh',
    ksh93: 'ksh',
};

/** ShellCheck's dialect for a shell path or name (`/bin/bash`, `powershell`), or undefined when it has none. */
export function dialectOf(shell: string): ShellDialect | undefined {
    const name = shell.trim().split(/\s+/)[0] ?? '';
    const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
    return DIALECTS[base.replace(/\.exe$/, '')];
}

/** The shell a RUN runs in: the `# hadolint shell=` pragma unless a later SHELL overrides it, else SHELL, else sh. */
function shellOfRun(model: DockerfileModel, run: Run): string {
    const line = run.inst.range.start.line;
    const shellInst = instructionsBefore(run.onbuild ?? run.inst)
        .filter((i) => i.keyword === 'SHELL' && i.json)
        .pop();
    const pragma = shellPragmaAt(model, line);
    const pragmaLine = pragmasOf(model)
        .shells.filter((s) => s.line < line && s.shell === pragma)
        .pop()?.line;
    if (pragma !== undefined && (shellInst === undefined || pragmaLine! > shellInst.range.start.line)) {
        return pragma;
    }
    if (shellInst?.json?.[0]) {
        return shellInst.json[0].value;
    }
    return baseFlavor(run.stage) === 'windows' ? 'cmd' : '/bin/sh';
}

/** Names of the ARGs and ENVs the RUN sees (declared before it in its stage and the stages it builds on). */
function namesInScope(inst: Instruction): string[] {
    const names = new Set<string>();
    for (const i of instructionsBefore(inst)) {
        if ((i.keyword === 'ARG' || i.keyword === 'ENV') && i.ast instanceof PropertyInstruction) {
            for (const p of i.ast.getProperties()) {
                if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.getName())) {
                    names.add(p.getName());
                }
            }
        }
    }
    return [...names].sort();
}

const FLAGS = /^(?:\s*--\S+)*\s*/;
const HEREDOC = /^<<(-?)(["']?)([A-Za-z0-9_]+)\2[^\n]*\n/;

/** The script of a shell-form RUN and the document offsets of its characters; undefined for a non-shell heredoc. */
function scriptOf(inst: Instruction): { script: string; offsets: number[]; shebang?: string } | undefined {
    const lt = inst.args();
    const skip = FLAGS.exec(lt.text)?.[0].length ?? 0;
    const text = lt.text.slice(skip);
    const heredoc = HEREDOC.exec(text);
    if (!heredoc) {
        return { script: text, offsets: lt.map.slice(skip) };
    }
    // `RUN <<EOF` runs the heredoc's body as the script.
    const bodyStart = skip + heredoc[0].length;
    const rest = lt.text.slice(bodyStart);
    const end = new RegExp(`^${heredoc[1] ? '\\t*' : ''}${heredoc[3]}\\r?$`, 'm').exec(rest);
    const body = end ? rest.slice(0, end.index) : rest;
    const offsets = lt.map.slice(bodyStart, bodyStart + body.length + 1);
    const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(body);
    if (!shebang) {
        return { script: body, offsets };
    }
    // `#!/usr/bin/env bash` names the interpreter in its argument.
    const interpreter = /(?:^|\/)env$/.test(shebang[1]!) ? (shebang[2] ?? '') : shebang[1]!;
    return { script: body, offsets, shebang: interpreter };
}

/** The script without the CR of CRLF line ends (ShellCheck would flag each one), offsets kept in step. */
function withoutCr(script: string, offsets: number[]): { script: string; offsets: number[] } {
    if (!script.includes('\r')) {
        return { script, offsets };
    }
    let text = '';
    const kept: number[] = [];
    for (let i = 0; i < script.length; i++) {
        if (script[i] !== '\r' || script[i + 1] !== '\n') {
            text += script[i];
            kept.push(offsets[i]!);
        }
    }
    kept.push(offsets[script.length]!);
    return { script: text, offsets: kept };
}

/** One job per shell-form RUN (ONBUILD RUN too) that runs in a shell ShellCheck knows. */
export function shellCheckJobs(model: DockerfileModel, inlineSuppressions = true): ShellCheckJob[] {
    const ignoredAt = inlineSuppressions ? suppressions(model) : new Map<number, Set<string>>();
    const pragmas = pragmasOf(model);
    const jobs: ShellCheckJob[] = [];
    for (const run of allRuns(model)) {
        if (run.inst.json) {
            continue; // Exec form: no shell runs it.
        }
        const script = scriptOf(run.inst);
        const shell = script && dialectOf(script.shebang ?? shellOfRun(model, run));
        if (!script || !shell || script.script.trim() === '') {
            continue;
        }
        const instructionLine = (run.onbuild ?? run.inst).range.start.line;
        const ignored = new Set(ignoredAt.get(instructionLine));
        if (inlineSuppressions) {
            pragmas.globalIgnores.forEach((id) => ignored.add(id));
            pragmas.stageIgnores
                .filter((s) => instructionLine >= s.from && instructionLine <= s.to)
                .forEach((s) => s.ids.forEach((id) => ignored.add(id)));
        }
        const exports = namesInScope(run.onbuild ?? run.inst).map((n) => `export ${n}=1\n`);
        const clean = withoutCr(script.script, script.offsets);
        jobs.push({
            shell,
            input: exports.join('') + clean.script,
            prefixLines: exports.length,
            offsets: clean.offsets,
            instructionLine,
            ignored: [...ignored],
        });
    }
    return jobs;
}
