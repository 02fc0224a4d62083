import { APT_FAMILY, APT_CHANGES, APT_SPEC, type ManagerCommand, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, earlierRunMatches, head, insertAfter } from '../kit';

/** `-y`, `--yes`, `--assume-yes`, quiet level 2 (`-qq`, `-q=2`), or `-o APT::Get::Assume-Yes=true`. */
export function aptAssumesYes(mc: ManagerCommand): boolean {
    let quiet = 0;
    for (const f of mc.cli.flags) {
        if (f.name === 'y' || f.name === 'yes' || f.name === 'assume-yes') {
            return true;
        }
        if (f.name === 'q' || f.name === 'quiet') {
            const level = /=(\d)$/.exec(f.word.value);
            quiet = level ? Number(level[1]) : quiet + 1;
        }
        if ((f.name === 'o' || f.name === 'option') && /^APT::Get::Assume-Yes=(1|true|yes)$/i.test(f.value ?? '')) {
            return true;
        }
    }
    return quiet >= 2;
}

/** An earlier RUN wrote `APT::Get::Assume-Yes "true";` into apt's configuration. */
const CONFIGURED = /APT::Get::Assume-Yes\s*"?(?:1|true|yes)/i;

export const aptYes: Rule = {
    id: 'apt-yes',
    title: 'Answer apt-get’s prompts with -y',
    category: 'correctness',
    defaultSeverity: 'warning',
    docs: {
        why: 'A build has no terminal to answer apt-get’s “Do you want to continue?”: without `-y`, apt-get reads no answer and aborts, and the build fails as soon as a package pulls in a dependency.',
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        notes: [
            'Checked for `apt-get`, `apt` and `aptitude` sub-commands that change packages (`install`, `remove`, `purge`, `upgrade`, `dist-upgrade`, `autoremove`, `build-dep`, …), also inside `sh -c` and `ONBUILD RUN`. `-y`, `--yes`, `--assume-yes`, quiet level 2 (`-qq`, which implies `-y`), `-o APT::Get::Assume-Yes=true` and an earlier RUN that writes `APT::Get::Assume-Yes` into apt’s configuration all count.',
            'Unlike hadolint, a single `-q` does not count: it only makes apt-get quieter. The quick fix adds `-y` after the sub-command.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3014'], trivy: ['DS-0021'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            const configured = earlierRunMatches(model, inst, CONFIGURED);
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, APT_FAMILY, APT_SPEC);
                if (!mc?.sub || !APT_CHANGES.has(mc.sub.value) || configured || aptAssumesYes(mc)) {
                    continue;
                }
                findings.push({
                    range: head(cmd, mc.sub),
                    message: `Add \`-y\`: without it, \`${mc.sub.value}\` asks for confirmation, gets no answer during a build and aborts it.`,
                    fixes: [{ title: 'Add `-y`', edits: [insertAfter(cmd, mc.sub, '-y')], preferred: true }],
                });
            }
        }
        return findings;
    },
};
