import { YUM_CLEANUP } from '../knowledge/packageManagers';
import type { Finding, Fix, Rule } from '../types';
import { appendCommand, finalRuns, head, uncleanedInstalls } from '../kit';

export const yumClean: Rule = {
    id: 'yum-clean',
    title: 'Run yum clean all after yum install',
    category: 'efficiency',
    defaultSeverity: 'warning',
    docs: {
        why: 'yum keeps repository metadata and downloaded packages in /var/cache/yum. Unless `yum clean all` runs in the same RUN, that cache stays in the image’s layer, often a hundred megabytes or more.',
        bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
        good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
        notes: [
            'Reported on yum commands that install or upgrade (`install`, `groupinstall`, `localinstall`, `reinstall`, `update`, `upgrade`) with no `yum clean all` after them in the same RUN, in the stages that make the final image (a build stage whose files are only copied from keeps its cache harmlessly), also in `ONBUILD RUN` and inside `sh -c`. Removing /var/cache/yum (`rm -rf /var/cache/yum`) or a cache mount on it counts too.',
            'The quick fix appends `&& yum clean all` to the RUN.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3032'], trivy: ['DS-0015'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of finalRuns(model)) {
            for (const mc of uncleanedInstalls(inst, YUM_CLEANUP)) {
                const edit = appendCommand(model, inst, 'yum clean all');
                const fixes: Fix[] = edit ? [{ title: 'Append `yum clean all`', edits: [edit], preferred: true }] : [];
                findings.push({
                    range: head(mc.cmd, mc.sub),
                    message:
                        'Run `yum clean all` at the end of this RUN: otherwise yum’s cache stays in the image’s layer.',
                    fixes,
                });
            }
        }
        return findings;
    },
};
