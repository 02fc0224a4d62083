import { managerCommand, RPM_SPEC, rpmUnpinned } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

const YUM = new Set(['yum']);

export const yumPin: Rule = {
    id: 'yum-pin',
    title: 'Pin package versions in yum install',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: 'Without a version, `yum install` takes whatever the repositories have on the day of the build, so two builds of the same Dockerfile can ship different software. `yum install -y httpd-2.4.6` makes rebuilds repeatable and upgrades deliberate.',
        bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
        good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
        notes: [
            'Checked for `yum install` (also `yum in`) and `yum module install` (a module needs its `:stream`), also inside `sh -c` and `ONBUILD RUN`. A package counts as pinned when a dash-separated part after its name looks like a version (`httpd-2.4.6`, `nodejs-18.1.0-1.el9`; `python3-pip` does not), with a version constraint, and when it is an `.rpm` file, a path or a URL. Groups (`@core`), provides (`pkgconfig(x)`) and packages given through variables are not checked.',
            'No quick fix: only you know the version.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3033'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, YUM, RPM_SPEC);
                const loose = mc ? rpmUnpinned(mc) : [];
                if (loose.length > 0) {
                    findings.push({
                        range: hull(loose),
                        message: `Pin the version of ${nameList(loose.map((w) => w.value))} (\`name-version\`), so that rebuilding the image installs the same software.`,
                    });
                }
            }
        }
        return findings;
    },
};
