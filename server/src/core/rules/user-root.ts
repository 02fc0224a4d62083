import { imageStages } from '../knowledge/labels';
import type { Instruction } from '../model';
import type { Finding, Rule } from '../types';
import { stageChain } from '../kit';

function isRoot(inst: Instruction): boolean {
    const user = inst
        .args()
        .text.trim()
        .replace(/^["']|["']$/g, '')
        .split(':')[0];
    return user === 'root' || user === '0';
}

export const userRoot: Rule = {
    id: 'user-root',
    title: 'Do not run the image as root',
    category: 'security',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3002'], trivy: ['DS-0002'] },
    docs: {
        why: 'A process running as root in a container is root on the files it can reach and one kernel bug away from root on the host. Switch to an unprivileged user once the steps that need root are done.',
        bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER root\nCMD ["node", "server.js"]\n',
        good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
        notes: [
            'Reported when the last USER of an image (its own stage and the stages it builds on) is `root` or `0`. Build stages that other stages build on or copy from are not images anyone runs and are not reported.',
            'A Dockerfile with no USER runs as the base image’s user, which hadolint does not report and Trivy’s DS-0002 does. Many base images already run unprivileged (`distroless/*:nonroot`, `nginxinc/nginx-unprivileged`), which a static linter cannot see, so by default Dockwise follows hadolint; set the option `requireUser: true` to also report images without any USER (Trivy’s reading).',
        ].join('\n\n'),
    },
    check({ model, options }) {
        const findings: Finding[] = [];
        const reported = new Set<Instruction>();
        for (const stage of imageStages(model)) {
            const users = stageChain(stage)
                .reverse()
                .flatMap((s) => s.instructions.filter((i) => i.keyword === 'USER'));
            const last = users[users.length - 1];
            if (last && isRoot(last) && !reported.has(last)) {
                reported.add(last);
                findings.push({
                    range: last.argsRange ?? last.range,
                    message:
                        'Last USER should not be root: switch to an unprivileged user (`USER app`, or a numeric `USER 10001`) after the steps that need root.',
                });
            } else if (
                !last &&
                options.requireUser === true &&
                stageChain(stage).pop()?.image.toLowerCase() !== 'scratch'
            ) {
                findings.push({
                    range: stage.from.range,
                    message:
                        'The image sets no USER, so it runs as the base image’s user, root for most images: add `USER <unprivileged user>` before CMD.',
                });
            }
        }
        return findings;
    },
};
