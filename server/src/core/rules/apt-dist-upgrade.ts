import { APT, APT_SPEC, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, head } from '../kit';

export const aptDistUpgrade: Rule = {
    id: 'apt-dist-upgrade',
    title: 'Avoid apt-get dist-upgrade in an image',
    category: 'maintainability',
    defaultSeverity: 'warning',
    offByDefault: true,
    docs: {
        why: '`apt-get dist-upgrade` (`apt full-upgrade`) lets apt remove packages and pull in new ones to upgrade the whole system, so what the image contains depends on the day of the build. A newer tag of the base image gets the same fixes in a tested form.',
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*\n',
        good: 'FROM debian:12.8-slim\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n',
        notes: 'Off by default: hadolint dropped this check (DL3005) in 2023 and Trivy marks DS-0024 deprecated, since upgrading packages in an image is now accepted practice. Turn it on to keep whole-distribution upgrades out of your images. No quick fix.',
    },
    equivalents: { hadolint: ['DL3005'], trivy: ['DS-0024'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, APT, APT_SPEC);
                if (mc?.sub?.value === 'dist-upgrade' || mc?.sub?.value === 'full-upgrade') {
                    findings.push({
                        range: head(cmd, mc.sub),
                        message:
                            '`dist-upgrade` upgrades the whole system and may add or remove packages: build on a newer base image instead (or use `upgrade`).',
                    });
                }
            }
        }
        return findings;
    },
};
