import type { Command } from '../commands';
import type { DockerfileModel } from '../model';
import type { Finding, Fix, Rule } from '../types';
import { allRuns, baseFlavor, insertLinesBefore, posixShell, type Run, shellOf } from '../kit';

const PIPE = new Set(['|', '|&']);
/** Shells with `-o pipefail` (busybox's ash among them). */
const PIPEFAIL_SHELLS = /(?:^|\/)(?:bash|zsh|ash|ksh|mksh)$/;
/** Producers that cannot fail in a way pipefail would report. */
const SAFE_PRODUCERS = new Set(['echo', 'printf', 'yes', 'true']);

/** `-o pipefail`, also in a cluster (`-euo pipefail`, `-opipefail`). */
function setsPipefail(args: readonly string[]): boolean {
    return args.some((a, i) => a === '-opipefail' || (/^-[a-zA-Z]*o$/.test(a) && args[i + 1] === 'pipefail'));
}

/** Pipelines of a RUN: runs of commands joined by `|`, top-level and inside `sh -c` separately. */
function pipelines(cmds: readonly Command[]): Command[][] {
    const out: Command[][] = [];
    for (const nested of [false, true]) {
        let current: Command[] = [];
        for (const cmd of cmds.filter((c) => c.nested === nested)) {
            current.push(cmd);
            if (!PIPE.has(cmd.next)) {
                if (current.length > 1) {
                    out.push(current);
                }
                current = [];
            }
        }
    }
    return out;
}

/** Whether a failure of the producers could go unnoticed. */
function risky(pipeline: Command[], cmds: readonly Command[], model: DockerfileModel): boolean {
    const producers = pipeline.slice(0, -1);
    if (producers.every((c) => SAFE_PRODUCERS.has(c.name) || (c.name === 'cat' && c.args.length === 0))) {
        return false;
    }
    const first = pipeline[0]!;
    const start = model.offsetAt(first.range.start);
    // `set -o pipefail` earlier in the script, or `bash -o pipefail -c '…'` around it.
    return !cmds.some(
        (c) =>
            (c.name === 'set' && model.offsetAt(c.range.start) < start && setsPipefail(c.args.map((a) => a.value))) ||
            (first.nested &&
                !c.nested &&
                PIPEFAIL_SHELLS.test(c.name) &&
                model.offsetAt(c.range.start) < start &&
                model.offsetAt(c.range.end) >= model.offsetAt(first.range.end) &&
                setsPipefail(c.args.map((a) => a.value))),
    );
}

/** `SHELL [<shell>, "-o", "pipefail", "-c"]`: the stage's shell if it knows pipefail, else bash (ash on Alpine). */
function shellFix(model: DockerfileModel, run: Run, shell: string[] | undefined): Fix {
    const flavor = baseFlavor(run.stage);
    const exe =
        shell && PIPEFAIL_SHELLS.test(shell[0] ?? '')
            ? shell[0]!
            : flavor === 'alpine' || flavor === 'busybox'
              ? '/bin/ash'
              : '/bin/bash';
    const rest = shell && shell[0] === exe ? shell.slice(1) : ['-c'];
    const json = `[${[exe, '-o', 'pipefail', ...rest].map((s) => JSON.stringify(s)).join(', ')}]`;
    const line = `SHELL ${json}`;
    return { title: `Insert ${line}`, edits: [insertLinesBefore(model, run.inst, [line])], preferred: true };
}

export const pipefail: Rule = {
    id: 'pipefail',
    title: 'Set -o pipefail before a RUN with a pipe',
    category: 'correctness',
    defaultSeverity: 'warning',
    docs: {
        why: 'A pipeline fails only when its last command fails. In `RUN curl -fsSL https://… | tar -xz`, a failed download still lets the build go on, with a broken or empty result. With `-o pipefail` in the SHELL, any failing command fails the RUN.',
        bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n',
        good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n',
        notes: [
            'Reported once per RUN with a pipe (also inside `sh -c`) unless the SHELL in effect (inherited from the stages it builds on) sets `-o pipefail`, the shell is not POSIX (PowerShell, cmd), the image is a Windows one, the script itself runs `set -o pipefail` before the pipe (or the pipe is inside `bash -o pipefail -c`), or only `echo`/`printf`/`yes` feed the pipe.',
            'The quick fix inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN; on Alpine and busybox images, which have no bash, it uses `/bin/ash` (as hadolint’s message suggests); when the stage already has a SHELL with bash, zsh, ash or ksh, it adds `-o pipefail` to that one. SHELL applies to the later RUN, CMD and ENTRYPOINT of the stage too.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL4006'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const run of allRuns(model, false)) {
            const cmds = run.inst.commands();
            const pipeline = pipelines(cmds).find((p) => risky(p, cmds, model));
            if (!pipeline || !posixShell(run.inst)) {
                continue;
            }
            const shell = shellOf(run.inst);
            if (shell && PIPEFAIL_SHELLS.test(shell[0] ?? '') && setsPipefail(shell)) {
                continue;
            }
            findings.push({
                range: { start: pipeline[0]!.range.start, end: pipeline[pipeline.length - 1]!.range.end },
                message:
                    'Only the last command of this pipeline decides whether the RUN fails: set `-o pipefail` in a SHELL instruction before it, so a failing command fails the build.',
                // Before any FROM (or in a fragment, where the FROM it will follow is unknown) a SHELL is left
                // to the author: before a FROM it would not help, and fix-all would repeat it.
                fixes: run.stage?.from.keyword === 'FROM' ? [shellFix(model, run, shell)] : [],
            });
        }
        return findings;
    },
};
