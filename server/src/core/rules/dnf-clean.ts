import { DNF_CLEANUP } from '../knowledge/packageManagers';
import type { Finding, Fix, Rule } from '../types';
import { appendCommand, finalRuns, head, uncleanedInstalls } from '../kit';

export const dnfClean: Rule = {
    id: 'dnf-clean',
    title: 'Run dnf clean all after dnf install',
    category: 'efficiency',
    defaultSeverity: 'warning',
    docs: {
        why: 'dnf and microdnf keep repository metadata and downloaded packages in /var/cache. Unless `dnf clean all` (`microdnf clean all`) runs in the same RUN, that cache stays in the image’s layer, often a hundred megabytes or more.',
        bad: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62\n',
        good: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
        notes: [
            'Reported on dnf, dnf5 and microdnf commands that install or upgrade with no `clean all` after them in the same RUN, in the stages that make the final image (a build stage whose files are only copied from keeps its cache harmlessly), also in `ONBUILD RUN` and inside `sh -c`. Removing /var/cache/dnf, /var/cache/yum or /var/cache/libdnf5, or a cache mount on them, counts too.',
            'The quick fix appends `&& dnf clean all` (`microdnf clean all` after microdnf) to the RUN.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3040'], trivy: ['DS-0019', 'DS-0027'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of finalRuns(model)) {
            for (const mc of uncleanedInstalls(inst, DNF_CLEANUP)) {
                const clean = `${mc.cmd.name} clean all`;
                const edit = appendCommand(model, inst, clean);
                const fixes: Fix[] = edit ? [{ title: `Append \`${clean}\``, edits: [edit], preferred: true }] : [];
                findings.push({
                    range: head(mc.cmd, mc.sub),
                    message: `Run \`${clean}\` at the end of this RUN: otherwise the package cache stays in the image’s layer.`,
                    fixes,
                });
            }
        }
        return findings;
    },
};
