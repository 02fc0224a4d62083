import { APK_SPEC, isLocalPackage, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

const APK = new Set(['apk']);

/** `name=1.2.3-r0`, `name~1.2`, `name>1.2`, `name<2`, or an `.apk` file or path. */
function pinned(arg: string): boolean {
    return /[=~<>]/.test(arg) || isLocalPackage(arg, ['.apk']);
}

export const apkPin: Rule = {
    id: 'apk-pin',
    title: 'Pin package versions in apk add',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: 'Without a version, `apk add` takes whatever the repository has on the day of the build, so two builds of the same Dockerfile can ship different software. `apk add curl=8.9.1-r2` (or `curl~8.9`) makes rebuilds repeatable and upgrades deliberate.',
        bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
        good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
        notes: [
            'Checked for `apk add`, also inside `sh -c` and `ONBUILD RUN`. `=`, `~`, `>` and `<` constraints count as pinned, and so do `.apk` files and paths. The name given to `--virtual`/`-t` and the value of `--repository`/`-X` are not packages; packages given through variables are not checked.',
            'Alpine keeps only the latest build of each package in a branch, so an exact `=1.2.3-r0` pin can break when the branch moves on: `~1.2` (any 1.2.x) is a common middle ground. No quick fix: only you know the version.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3018'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, APK, APK_SPEC);
                if (mc?.sub?.value !== 'add') {
                    continue;
                }
                const loose = mc.operands.filter((w) => !w.dynamic && w.value !== '' && !pinned(w.value));
                if (loose.length > 0) {
                    findings.push({
                        range: hull(loose),
                        message: `Pin the version of ${nameList(loose.map((w) => w.value))} (\`name=version\` or \`name~version\`), so that rebuilding the image installs the same software.`,
                    });
                }
            }
        }
        return findings;
    },
};
