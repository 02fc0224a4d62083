import type { Command } from '../commands';
import type { Finding, Rule } from '../types';
import { runsOf } from '../kit';

const TOOLS = new Set(['curl', 'wget']);

/** `command -v curl`, `which wget`, `type curl`, `hash wget`: a script choosing whichever tool is there. */
function looksUp(cmd: Command): boolean {
    return ['command', 'which', 'type', 'hash'].includes(cmd.name) && cmd.args.some((a) => TOOLS.has(a.value));
}

export const curlAndWget: Rule = {
    id: 'curl-and-wget',
    title: 'Download with either curl or wget, not both',
    category: 'efficiency',
    defaultSeverity: 'warning',
    docs: {
        why: 'curl and wget do the same job. A stage that uses both needs both installed, which adds size and attack surface for nothing: pick one.',
        bad: 'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q -O /tmp/b.tgz https://example.com/b.tgz\n',
        good: 'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz \\\n    && curl -fsSL -o /tmp/b.tgz https://example.com/b.tgz\n',
        notes: 'Each stage on its own, as hadolint does, RUNs stored by ONBUILD included. Reported on the uses of the tool that came second in the stage. A RUN that looks either tool up (`command -v curl || …`) to use whichever is installed is left alone. No quick fix: the options of the two tools differ.',
    },
    equivalents: { hadolint: ['DL4001'], trivy: ['DS-0014'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            let first: string | undefined;
            for (const { inst } of runsOf(stage.instructions, true)) {
                const cmds = inst.commands();
                if (cmds.some(looksUp)) {
                    continue;
                }
                for (const cmd of cmds) {
                    if (!TOOLS.has(cmd.name) || !cmd.program) {
                        continue;
                    }
                    first ??= cmd.name;
                    if (cmd.name !== first) {
                        findings.push({
                            range: cmd.program.range,
                            message: `This stage already downloads with \`${first}\`: use it here too instead of \`${cmd.name}\`, so the image needs only one of them.`,
                        });
                    }
                }
            }
        }
        return findings;
    },
};
