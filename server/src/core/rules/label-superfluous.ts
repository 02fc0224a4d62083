import { labelPairs, labelSchema } from '../knowledge/labels';
import type { Finding, Rule } from '../types';

export const labelSuperfluous: Rule = {
    id: 'label-superfluous',
    title: 'Use only the labels of the label schema',
    category: 'maintainability',
    defaultSeverity: 'info',
    equivalents: { hadolint: ['DL3050'] },
    docs: {
        why: 'With strict labels, the label schema is the complete list: any other label is a typo of a schema label or metadata nobody agreed on.',
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=web team=web\n',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=web\n',
        options: { strictLabels: true, labelSchema: { 'org.opencontainers.image.title': 'text' } },
        notes: 'Does nothing unless `strictLabels` is true (`strict-labels` in `.hadolint.yaml`); every label not in `labelSchema` is then reported, all of them when the schema is empty.',
    },
    check({ model, options }) {
        if (options.strictLabels !== true) {
            return [];
        }
        const schema = labelSchema(options);
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            for (const pair of labelPairs(model, inst)) {
                if (!schema.has(pair.key)) {
                    findings.push({
                        range: model.rangeOf(pair.keyStart, pair.keyEnd),
                        message: `Superfluous label present: \`${pair.key}\` is not in the label schema.`,
                    });
                }
            }
        }
        return findings;
    },
};
