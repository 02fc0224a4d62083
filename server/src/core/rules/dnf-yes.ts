import { managerCommand, RPM_CHANGES, RPM_SPEC, rpmAssumesYes } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, earlierRunMatches, head, insertAfter } from '../kit';

// microdnf asks too on EL9 images (Oracle Linux 9, UBI 9): older ones assumed yes by default.
const DNF = new Set(['dnf', 'dnf5', 'microdnf']);
/** An earlier RUN wrote `assumeyes=1` into dnf's configuration. */
const CONFIGURED = /assumeyes\s*=\s*(?:1|true|yes)/i;

export const dnfYes: Rule = {
    id: 'dnf-yes',
    title: 'Answer dnf’s prompts with -y',
    category: 'correctness',
    defaultSeverity: 'warning',
    docs: {
        why: 'A build has no terminal to answer dnf’s “Is this ok [y/N]”: without `-y`, dnf reads no answer, exits with “Operation aborted” and the build fails.',
        bad: 'FROM fedora:41\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
        good: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
        notes: [
            'Checked for dnf, dnf5 and microdnf sub-commands that change packages (`install`, `groupinstall`, `remove`, `upgrade`, `module`, …, and their short names `in`, `rm`, `up`), also inside `sh -c` and `ONBUILD RUN`. `-y`, `--assumeyes`, `--setopt=assumeyes=1` and an earlier RUN that writes `assumeyes=1` into the configuration count. The quick fix adds `-y` after `dnf`.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3038'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            const configured = earlierRunMatches(model, inst, CONFIGURED);
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, DNF, RPM_SPEC);
                if (!mc?.sub || !cmd.program || !RPM_CHANGES.has(mc.sub.value) || configured || rpmAssumesYes(mc)) {
                    continue;
                }
                findings.push({
                    range: head(cmd, mc.sub),
                    message: `Add \`-y\`: without it, \`${mc.sub.value}\` asks for confirmation, gets no answer during a build and aborts it.`,
                    fixes: [{ title: 'Add `-y`', edits: [insertAfter(cmd, cmd.program, '-y')], preferred: true }],
                });
            }
        }
        return findings;
    },
};
