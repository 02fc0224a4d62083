import type { Finding, Rule } from '../types';
import { allRuns } from '../kit';

export const useShellInstruction: Rule = {
    id: 'use-shell-instruction',
    title: 'Use SHELL to change the shell of RUN',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: 'Linking another shell over /bin/sh changes the shell of every script and program in the image, not just of your RUN instructions, and hides the change from anyone reading the Dockerfile. The SHELL instruction changes the shell of RUN, CMD and ENTRYPOINT openly.',
        bad: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n',
        good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\n',
        notes: 'Reported on `ln` that creates /bin/sh (or /usr/bin/sh), also inside `sh -c` and `ONBUILD RUN`. No quick fix: SHELL only changes the build’s shell, not what programs of the image get as /bin/sh.',
    },
    equivalents: { hadolint: ['DL4005'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const operands = cmd.args.filter((a) => !a.value.startsWith('-'));
                const target = operands[operands.length - 1];
                if (cmd.name === 'ln' && operands.length >= 2 && /^\/(?:usr\/)?bin\/sh$/.test(target?.value ?? '')) {
                    findings.push({
                        range: cmd.range,
                        message:
                            'Use the SHELL instruction to change the shell of RUN, instead of replacing /bin/sh for the whole image.',
                    });
                }
            }
        }
        return findings;
    },
};
