import { parseCli, WGET_SPEC } from '../knowledge/packageManagers';
import type { Stage } from '../model';
import type { Finding, Rule } from '../types';
import { allRuns, baseFlavor, insertAfter, installedPackages, stageChain } from '../kit';

/** Options that keep wget's log short: a progress style, quiet, no-verbose, or a log file. */
const QUIET = new Set(['progress', 'q', 'quiet', 'no-verbose', 'o', 'output-file', 'a', 'append-output']);

/** Alpine and busybox images have busybox's wget, which prints one line per file and knows no `--progress`. */
function busyboxWget(stage: Stage | undefined): boolean {
    const flavor = baseFlavor(stage);
    if (flavor !== 'alpine' && flavor !== 'busybox') {
        return false;
    }
    const chain = stageChain(stage).flatMap((s) => s.instructions);
    return !installedPackages(chain).some((p) => p.name === 'wget');
}

export const wgetProgress: Rule = {
    id: 'wget-progress',
    title: 'Keep wget’s progress output short',
    category: 'maintainability',
    defaultSeverity: 'info',
    docs: {
        why: 'Without a terminal, GNU wget prints its progress as rows of dots: a large download fills the build log with thousands of lines. `--progress=dot:giga` prints one dot per megabyte and a line per 32 MB; `-nv` or `-q` print less still.',
        bad: 'FROM debian:12-slim\nRUN wget https://example.com/big.tar.gz\n',
        good: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n',
        notes: [
            'Reported on `wget` without `--progress`, `-q`/`--quiet`, `-nv`/`--no-verbose` or a log file (`-o`, `-a`), also inside `sh -c` and `ONBUILD RUN`. Not on Alpine or busybox images, whose busybox wget prints a single progress line, unless the Dockerfile installs GNU wget there.',
            'The quick fixes add `--progress=dot:giga` (preferred) or `--no-verbose` after `wget`.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3047'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst, stage } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                if (cmd.name !== 'wget' || !cmd.program) {
                    continue;
                }
                const cli = parseCli(cmd.args, WGET_SPEC);
                if (cmd.args.some((a) => a.value === '-nv') || cli.flags.some((f) => QUIET.has(f.name))) {
                    continue;
                }
                if (busyboxWget(stage)) {
                    break;
                }
                findings.push({
                    range: cmd.program.range,
                    message:
                        'Add `--progress=dot:giga` (or `--no-verbose`): without a terminal, wget fills the build log with rows of progress dots.',
                    fixes: [
                        {
                            title: 'Add `--progress=dot:giga`',
                            edits: [insertAfter(cmd, cmd.program, '--progress=dot:giga')],
                            preferred: true,
                        },
                        { title: 'Add `--no-verbose`', edits: [insertAfter(cmd, cmd.program, '--no-verbose')] },
                    ],
                });
            }
        }
        return findings;
    },
};
