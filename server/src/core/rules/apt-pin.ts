import { APT_FAMILY, APT_SPEC, isLocalPackage, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

/** `name=version`, a release pin `name/bookworm-backports`, or a `.deb` file. */
function pinned(arg: string): boolean {
    return arg.includes('=') || isLocalPackage(arg, ['.deb']);
}

export const aptPin: Rule = {
    id: 'apt-pin',
    title: 'Pin package versions in apt-get install',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: 'Without a version, `apt-get install` takes whatever the mirror has on the day of the build, so two builds of the same Dockerfile can ship different software. Pinning (`curl=7.88.1-10+deb12u8`) makes rebuilds repeatable and upgrades deliberate.',
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        notes: [
            'Checked for `apt-get install`, `apt install` and `aptitude install`, also inside `sh -c` and `ONBUILD RUN`. A package counts as pinned with `=version` (wildcards such as `=1.2.*` included), a release (`name/bookworm-backports`), or when it is a `.deb` file or path. Packages given through variables (`$PACKAGES`) are not checked, and the value of `-t`/`--target-release` or `-o` is not a package.',
            'There is no quick fix: only you know which version to pin (`apt-cache policy <package>` in the base image shows the candidates).',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3008'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, APT_FAMILY, APT_SPEC);
                if (mc?.sub?.value !== 'install') {
                    continue;
                }
                const loose = mc.operands.filter((w) => !w.dynamic && w.value !== '' && !pinned(w.value));
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
