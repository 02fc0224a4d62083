import { labelPairs, labelSchema } from '../knowledge/labels';
import type { Finding, Rule } from '../types';

export const labelEmpty: Rule = {
    id: 'label-empty',
    title: 'Give schema labels a value',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3051'] },
    docs: {
        why: 'A required label set to an empty string satisfies a presence check but tells nobody anything; it is usually a build argument that was not passed.',
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=""\n',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.2"\n',
        options: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
        notes: 'Checks the labels named in `labelSchema` (`label-schema` in `.hadolint.yaml`).',
    },
    check({ model, options }) {
        const schema = labelSchema(options);
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            for (const pair of labelPairs(model, inst)) {
                if (schema.has(pair.key) && !pair.dynamic && (pair.value ?? '').trim() === '') {
                    findings.push({
                        range: model.rangeOf(pair.keyStart, pair.valueEnd ?? pair.keyEnd),
                        message: `Label \`${pair.key}\` is empty.`,
                    });
                }
            }
        }
        return findings;
    },
};
