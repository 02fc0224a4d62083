import type { Finding, Rule } from '../types';

export const userNumeric: Rule = {
    id: 'user-numeric',
    title: 'Use a numeric USER id',
    category: 'security',
    defaultSeverity: 'info',
    equivalents: { hadolint: ['DL3066'] },
    docs: {
        why: 'A user name is resolved through the image’s /etc/passwd, which the host and orchestrators cannot see: Kubernetes’ `runAsNonRoot` cannot verify `USER app` and refuses to start the pod, and file ownership on mounted volumes is by number anyway.',
        bad: 'FROM node:22-slim\nUSER node\n',
        good: 'FROM node:22-slim\nUSER 1000:1000\n',
        notes: 'Only the user part (before `:`) must be numeric. Values with a variable (`USER $UID`) are not reported. The quick fix is offered only for `root`, which is 0 everywhere.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'USER' || !inst.argsRange) {
                continue;
            }
            const lt = inst.args();
            const value = lt.text.trim();
            const user = value.split(':')[0]!;
            if (user === '' || /^\d+$/.test(user) || user.includes('$')) {
                continue;
            }
            const start = lt.map[lt.text.indexOf(user)]!;
            const range = model.rangeOf(start, start + user.length);
            findings.push({
                range,
                message: `Non-numeric user-id '${user}' may not be resolvable by host system: use its uid (\`USER <uid>\`; \`id -u ${user}\` in the image tells it).`,
                fixes: user === 'root' ? [{ title: 'Use uid 0', edits: [{ range, newText: '0' }] }] : undefined,
            });
        }
        return findings;
    },
};
