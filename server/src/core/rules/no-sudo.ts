import { basename } from '../commands';
import type { Instruction } from '../model';
import type { Finding, Fix, Rule } from '../types';
import { allRuns, instructionsBefore } from '../kit';

/** Whether the RUN runs as root: no USER before it, or the last one is root (`root`, `0`, `root:…`). */
function runsAsRoot(at: Instruction): boolean {
    const users = instructionsBefore(at, ['USER']);
    const last = users[users.length - 1];
    return !last || /^(?:root|0)(?::.*)?$/.test(last.args().text.trim());
}

export const noSudo: Rule = {
    id: 'no-sudo',
    title: 'Do not use sudo in RUN',
    category: 'security',
    defaultSeverity: 'error',
    docs: {
        why: 'RUN already runs as root unless a USER says otherwise, and sudo without a terminal behaves unpredictably (password prompts, a reset environment, a TTY requirement). Keeping sudo in an image also leaves a way to become root. Switch users with USER, or with gosu/su-exec in an entrypoint.',
        bad: 'FROM debian:12-slim\nRUN sudo mkdir -p /opt/app\n',
        good: 'FROM debian:12-slim\nRUN mkdir -p /opt/app\n',
        notes: 'Reported on every `sudo`, also inside `sh -c` and `ONBUILD RUN`. When the RUN runs as root and sudo has no options, a quick fix removes it (sudo as root changes nothing but the environment, which it resets).',
    },
    equivalents: { hadolint: ['DL3004'], trivy: ['DS-0010'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            const root = runsAsRoot(inst);
            for (const cmd of inst.commands()) {
                const programAt = cmd.program ? cmd.words.indexOf(cmd.program) : cmd.words.length;
                const at = cmd.words.findIndex((w, i) => i <= programAt && basename(w.value) === 'sudo');
                const sudo = cmd.words[at];
                if (!sudo) {
                    continue;
                }
                const next = cmd.words[at + 1];
                const fixes: Fix[] =
                    root && next && cmd.form === 'shell' && !next.value.startsWith('-')
                        ? [
                              {
                                  title: 'Remove `sudo`',
                                  edits: [{ range: { start: sudo.range.start, end: next.range.start }, newText: '' }],
                              },
                          ]
                        : [];
                findings.push({
                    range: sudo.range,
                    message:
                        'Do not use `sudo`: RUN already runs as root unless a USER says otherwise, and sudo behaves unpredictably without a terminal. Use USER (or gosu in an entrypoint) to change users.',
                    fixes,
                });
            }
        }
        return findings;
    },
};
