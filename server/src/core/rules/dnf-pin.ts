import { DNF, managerCommand, RPM_SPEC, rpmUnpinned } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

export const dnfPin: Rule = {
    id: 'dnf-pin',
    title: 'Pin package versions in dnf install',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: 'Without a version, `dnf install` takes whatever the repositories have on the day of the build, so two builds of the same Dockerfile can ship different software. `dnf install -y httpd-2.4.62` makes rebuilds repeatable and upgrades deliberate.',
        bad: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n',
        good: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
        notes: [
            'Checked for `dnf install`, `dnf5 install` and `microdnf install`, also inside `sh -c` and `ONBUILD RUN`. A package counts as pinned when a dash-separated part after its name looks like a version (`httpd-2.4.62`; `python3-pip` does not), with a version constraint, and when it is an `.rpm` file, a path or a URL. Modules need a stream (`dnf module install nodejs:20`). Groups (`@core`), provides (`pkgconfig(x)`) and packages given through variables are not checked.',
            'No quick fix: only you know the version.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3041'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, DNF, RPM_SPEC);
                if (!mc) {
                    continue;
                }
                // `dnf module install nodejs:20`: the stream after the colon is the pin.
                const loose = rpmUnpinned(mc);
                if (loose.length > 0) {
                    findings.push({
                        range: hull(loose),
                        message: `Pin the version of ${nameList(loose.map((w) => w.value))} (\`name-version\`, or \`module:stream\`), so that rebuilding the image installs the same software.`,
                    });
                }
            }
        }
        return findings;
    },
};
