import { managerCommand, RPM_CHANGES, RPM_SPEC, rpmAssumesYes } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, earlierRunMatches, head, insertAfter } from '../kit';

const YUM = new Set(['yum']);
/** An earlier RUN wrote `assumeyes=1` into yum's configuration. */
const CONFIGURED = /assumeyes\s*=\s*(?:1|true|yes)/i;

export const yumYes: Rule = {
    id: 'yum-yes',
    title: 'Answer yum’s prompts with -y',
    category: 'correctness',
    defaultSeverity: 'warning',
    docs: {
        why: 'A build has no terminal to answer yum’s “Is this ok [y/N]”: without `-y`, yum reads no answer, exits with “Operation aborted” and the build fails.',
        bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
        good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
        notes: 'Checked for yum sub-commands that change packages (`install`, `groupinstall`, `localinstall`, `remove`, `update`, …), also inside `sh -c` and `ONBUILD RUN`. `-y`, `--assumeyes`, `--setopt=assumeyes=1` and an earlier RUN that writes `assumeyes=1` into the configuration count. The quick fix adds `-y` after `yum`.',
    },
    equivalents: { hadolint: ['DL3030'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            const configured = earlierRunMatches(model, inst, CONFIGURED);
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, YUM, RPM_SPEC);
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
