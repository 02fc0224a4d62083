import { ZYPPER_CLEANUP } from '../knowledge/packageManagers';
import type { Finding, Fix, Rule } from '../types';
import { appendCommand, finalRuns, head, uncleanedInstalls } from '../kit';

export const zypperClean: Rule = {
    id: 'zypper-clean',
    title: 'Run zypper clean after zypper install',
    category: 'efficiency',
    defaultSeverity: 'warning',
    docs: {
        why: 'zypper keeps repository metadata and downloaded packages in /var/cache/zypp. Unless `zypper clean` runs in the same RUN, that cache stays in the image’s layer.',
        bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0\n',
        good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean --all\n',
        notes: [
            'Reported on zypper commands that install or upgrade (`install`/`in`, `update`, `dist-upgrade`, `patch`, `source-install`) with no `zypper clean` (`cc`) after them in the same RUN, in the stages that make the final image (a build stage whose files are only copied from keeps its cache harmlessly), also in `ONBUILD RUN` and inside `sh -c`. Removing /var/cache/zypp or a cache mount on it counts too.',
            'The quick fix appends `&& zypper clean --all` to the RUN.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3036'], trivy: ['DS-0020'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of finalRuns(model)) {
            for (const mc of uncleanedInstalls(inst, ZYPPER_CLEANUP)) {
                const edit = appendCommand(model, inst, 'zypper clean --all');
                const fixes: Fix[] = edit
                    ? [{ title: 'Append `zypper clean --all`', edits: [edit], preferred: true }]
                    : [];
                findings.push({
                    range: head(mc.cmd, mc.sub),
                    message:
                        'Run `zypper clean` at the end of this RUN: otherwise zypper’s cache stays in the image’s layer.',
                    fixes,
                });
            }
        }
        return findings;
    },
};
