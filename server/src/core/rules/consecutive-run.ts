import type { Finding, Fix, Rule } from '../types';
import { allRuns, mergeRuns, runFlagsText, topLevel } from '../kit';

/** hadolint's threshold: RUNs of more than two commands were most likely kept apart on purpose. */
const SMALL = 2;

export const consecutiveRun: Rule = {
    id: 'consecutive-run',
    title: 'Consider merging consecutive RUN instructions',
    category: 'efficiency',
    defaultSeverity: 'info',
    docs: {
        why: 'Each RUN adds a layer to the image. Short RUNs in a row (a command or two each) usually belong together: one RUN with `&&` makes fewer layers, and files that a later step deletes never reach the image.',
        bad: 'FROM debian:12-slim\nRUN mkdir -p /opt/app\nRUN chown nobody /opt/app\n',
        good: 'FROM debian:12-slim\nRUN mkdir -p /opt/app \\\n    && chown nobody /opt/app\n',
        notes: [
            'Reported on a RUN right after another RUN (comments between them do not count, any other instruction does) when both have at most two commands and the same flags (`--mount`, `--network`, …), as hadolint does. RUNs stored by ONBUILD are not checked.',
            'The quick fix joins the RUN onto the previous one with `&& \\` when that cannot change what runs: no heredoc, nothing but blank lines between them, no `cd`, `export`, `set` or other builtin in the first whose effect would reach the second, and a second that is a plain `&&` chain.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3059'] },
    check({ model }) {
        const findings: Finding[] = [];
        const runs = new Set(allRuns(model, false).map((r) => r.inst));
        for (const stage of model.stages) {
            let prev: { inst: (typeof stage.instructions)[number]; flags: string; count: number } | undefined;
            for (const inst of stage.instructions) {
                if (!runs.has(inst)) {
                    prev = undefined;
                    continue;
                }
                const flags = runFlagsText(inst);
                const count = inst.json ? 1 : topLevel(inst).length;
                if (prev && prev.flags === flags && count <= SMALL && prev.count <= SMALL) {
                    const edit = mergeRuns(model, prev.inst, inst);
                    const fixes: Fix[] = edit
                        ? [{ title: 'Merge into the previous RUN', edits: [edit], preferred: true }]
                        : [];
                    findings.push({
                        range: inst.keywordRange,
                        message:
                            'This RUN follows another short RUN: consider merging them into one (`&&`), which saves a layer.',
                        fixes,
                    });
                }
                prev = { inst, flags, count };
            }
        }
        return findings;
    },
};
