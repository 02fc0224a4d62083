import { managerCommand, ZYPPER_SPEC } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, head } from '../kit';

const ZYPPER = new Set(['zypper']);

export const zypperDistUpgrade: Rule = {
    id: 'zypper-dist-upgrade',
    title: 'Avoid zypper dist-upgrade in an image',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: '`zypper dist-upgrade` (`dup`) upgrades the whole distribution, possibly to a new release and with packages added or removed, so what the image contains depends on the day of the build. Build on a newer base image instead.',
        bad: 'FROM opensuse/tumbleweed\nRUN zypper -n dist-upgrade && zypper clean --all\n',
        good: 'FROM opensuse/tumbleweed:20241120\nRUN zypper -n install curl=8.11.0 && zypper clean --all\n',
        notes: 'Checked in every RUN, also inside `sh -c` and `ONBUILD RUN`. No quick fix.',
    },
    equivalents: { hadolint: ['DL3035'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, ZYPPER, ZYPPER_SPEC);
                if (mc?.sub?.value === 'dist-upgrade' || mc?.sub?.value === 'dup') {
                    findings.push({
                        range: head(cmd, mc.sub),
                        message:
                            '`zypper dist-upgrade` upgrades the whole distribution, possibly to a new release: build on a newer base image instead.',
                    });
                }
            }
        }
        return findings;
    },
};
