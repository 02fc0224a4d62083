import type { Rule } from '../types';
import { lastFinal } from '../kit';

export const healthcheckMissing: Rule = {
    id: 'healthcheck-missing',
    title: 'Declare a HEALTHCHECK',
    category: 'foreground',
    defaultSeverity: 'info',
    offByDefault: true,
    equivalents: { hadolint: ['DL3057'], trivy: ['DS-0026'] },
    docs: {
        why: 'Without a HEALTHCHECK, Docker only knows whether the main process runs, not whether it answers: a hung server stays "running" and nothing restarts it.',
        bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
        good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1\n',
        notes: 'Off by default, as in hadolint: orchestrators such as Kubernetes ignore HEALTHCHECK and use their own probes, and the base image may declare one. `HEALTHCHECK NONE` counts as a deliberate choice. Checked on the final image (its stage and the stages it builds on).',
    },
    check({ model }) {
        const final = model.finalStage;
        if (!final || lastFinal(model, 'HEALTHCHECK')) {
            return [];
        }
        return [
            {
                range: final.from.range,
                message:
                    'HEALTHCHECK instruction missing: add one so Docker can tell a hung service from a healthy one (or `HEALTHCHECK NONE` to say it is deliberate).',
            },
        ];
    },
};
