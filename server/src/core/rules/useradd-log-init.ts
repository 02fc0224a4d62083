import { flagValues, hasFlag, parseCli, USERADD_SPEC } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, insertAfter } from '../kit';

export const useraddLogInit: Rule = {
    id: 'useradd-log-init',
    title: 'Use useradd -l with a high UID',
    category: 'efficiency',
    defaultSeverity: 'warning',
    docs: {
        why: 'useradd records every user in /var/log/lastlog and /var/log/faillog at an offset proportional to the UID. With a high UID these sparse files become gigabytes in the image layer, which does not keep them sparse. `-l` (`--no-log-init`) skips them.',
        bad: 'FROM debian:12-slim\nRUN useradd -u 123456 -m app\n',
        good: 'FROM debian:12-slim\nRUN useradd -l -u 123456 -m app\n',
        notes: 'Reported when `useradd` gets a UID of six digits or more (`-u`, `--uid`) without `-l`/`--no-log-init`, also inside `sh -c` and `ONBUILD RUN`. UIDs from variables are not checked. The quick fix adds `-l` after `useradd`.',
    },
    equivalents: { hadolint: ['DL3046'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                if (cmd.name !== 'useradd' || !cmd.program) {
                    continue;
                }
                const cli = parseCli(cmd.args, USERADD_SPEC);
                const uid = flagValues(cli, 'u', 'uid').find((v) => /^\d{6,}$/.test(v));
                if (uid && !hasFlag(cli, 'l', 'no-log-init')) {
                    findings.push({
                        range: cmd.program.range,
                        message: `Add \`-l\` (\`--no-log-init\`): with UID ${uid}, useradd writes huge lastlog and faillog files into the layer.`,
                        fixes: [{ title: 'Add `-l`', edits: [insertAfter(cmd, cmd.program, '-l')], preferred: true }],
                    });
                }
            }
        }
        return findings;
    },
};
