import { flagValues, isLocalPackage, managerCommand, rpmVersioned, ZYPPER_SPEC } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

const ZYPPER = new Set(['zypper']);

export const zypperPin: Rule = {
    id: 'zypper-pin',
    title: 'Pin package versions in zypper install',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: 'Without a version, `zypper install` takes whatever the repositories have on the day of the build, so two builds of the same Dockerfile can ship different software. `zypper install -y curl=8.6.0` (or `curl>=8.6`) makes rebuilds repeatable and upgrades deliberate.',
        bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean --all\n',
        good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean --all\n',
        notes: [
            'Checked for `zypper install` and `zypper in`, also inside `sh -c` and `ONBUILD RUN`. `=`, `>`, `<` constraints, `name-version`, `.rpm` files, paths and URLs count as pinned. Patterns and other non-package types (`-t pattern`) and packages given through variables are not checked.',
            'No quick fix: only you know the version.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3037'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, ZYPPER, ZYPPER_SPEC);
                if (
                    (mc?.sub?.value !== 'install' && mc?.sub?.value !== 'in') ||
                    flagValues(mc.cli, 't', 'type').some((t) => t !== 'package')
                ) {
                    continue;
                }
                const loose = mc.operands.filter(
                    (w) =>
                        !w.dynamic &&
                        w.value !== '' &&
                        !/[<>=]/.test(w.value) &&
                        !rpmVersioned(w.value) &&
                        !isLocalPackage(w.value, ['.rpm']),
                );
                if (loose.length > 0) {
                    findings.push({
                        range: hull(loose),
                        message: `Pin the version of ${nameList(loose.map((w) => w.value))} (\`name=version\`), so that rebuilding the image installs the same software.`,
                    });
                }
            }
        }
        return findings;
    },
};
