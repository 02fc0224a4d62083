import { APT, APT_SPEC, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, earlierRunMatches, head, insertAfter } from '../kit';

/** An earlier RUN turned recommends off in apt's configuration (`APT::Install-Recommends "false";`). */
const CONFIGURED = /APT::Install-Recommends\s*"?(?:0|false|no)/i;

export const aptNoInstallRecommends: Rule = {
    id: 'apt-no-install-recommends',
    title: 'Install without recommended packages',
    category: 'efficiency',
    defaultSeverity: 'info',
    docs: {
        why: 'By default apt-get also installs the packages that the requested ones merely recommend: documentation, extra tools, sometimes whole toolchains. `--no-install-recommends` keeps the image to what you asked for.',
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        notes: 'Checked for `apt-get install` and `apt install`, also inside `sh -c` and `ONBUILD RUN`. `-o APT::Install-Recommends=false` and an earlier RUN that writes `APT::Install-Recommends "false";` into apt’s configuration count too. The quick fix adds `--no-install-recommends` after `install`.',
    },
    equivalents: { hadolint: ['DL3015'], trivy: ['DS-0029'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            const configured = earlierRunMatches(model, inst, CONFIGURED);
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, APT, APT_SPEC);
                if (mc?.sub?.value !== 'install' || configured) {
                    continue;
                }
                const off = mc.cli.flags.some(
                    (f) =>
                        f.name === 'no-install-recommends' ||
                        ((f.name === 'o' || f.name === 'option') &&
                            /^APT::Install-Recommends=(0|false|no)$/i.test(f.value ?? '')),
                );
                if (!off) {
                    findings.push({
                        range: head(cmd, mc.sub),
                        message:
                            'Add `--no-install-recommends`: otherwise apt also installs every package the requested ones recommend, which makes the image bigger.',
                        fixes: [
                            {
                                title: 'Add `--no-install-recommends`',
                                edits: [insertAfter(cmd, mc.sub, '--no-install-recommends')],
                                preferred: true,
                            },
                        ],
                    });
                }
            }
        }
        return findings;
    },
};
