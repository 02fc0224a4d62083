import { managerCommand, ZYPPER_CHANGES, ZYPPER_SPEC } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, head, insertAfter } from '../kit';

const ZYPPER = new Set(['zypper']);

export const zypperYes: Rule = {
    id: 'zypper-yes',
    title: 'Run zypper non-interactively',
    category: 'correctness',
    defaultSeverity: 'warning',
    docs: {
        why: 'A build has no terminal to answer zypper’s “Continue? [y/n/v/...? shows all options] (y)”: without `-n` (or `-y` on the sub-command), zypper waits for an answer that never comes and the build fails.',
        bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean --all\n',
        good: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all\n',
        notes: 'Checked for zypper sub-commands that change packages (`install`/`in`, `remove`/`rm`, `update`, `dist-upgrade`, `patch`, `source-install`), also inside `sh -c` and `ONBUILD RUN`. The global `-n`/`--non-interactive` before the sub-command, or `-y`/`--no-confirm` after it, count. The quick fix adds `-n` after `zypper`, which every sub-command honours.',
    },
    equivalents: { hadolint: ['DL3034'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, ZYPPER, ZYPPER_SPEC);
                if (!mc?.sub || !cmd.program || !ZYPPER_CHANGES.has(mc.sub.value)) {
                    continue;
                }
                const subAt = cmd.args.indexOf(mc.sub);
                const quiet = mc.cli.flags.some((f) =>
                    cmd.args.indexOf(f.word) < subAt
                        ? f.name === 'n' || f.name === 'non-interactive'
                        : f.name === 'y' || f.name === 'no-confirm',
                );
                if (!quiet) {
                    findings.push({
                        range: head(cmd, mc.sub),
                        message: `Add \`-n\` (\`--non-interactive\`): without it, \`zypper ${mc.sub.value}\` waits for an answer that never comes during a build.`,
                        fixes: [{ title: 'Add `-n`', edits: [insertAfter(cmd, cmd.program, '-n')], preferred: true }],
                    });
                }
            }
        }
        return findings;
    },
};
