import { formatProblem, labelPairs, labelSchema } from '../knowledge/labels';
import type { Finding, Rule } from '../types';

export const labelFormat: Rule = {
    id: 'label-format',
    title: 'Write schema labels in their format',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
    docs: {
        why: 'Labels are read by tools: a `source` that is not a URL, a `created` date that is not RFC 3339 or a `licenses` value that is not SPDX breaks the scanners and dashboards that rely on them.',
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="last tuesday" org.opencontainers.image.licenses="Apache 2"\n',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-06-01T12:00:00Z" org.opencontainers.image.licenses="Apache-2.0"\n',
        options: {
            labelSchema: { 'org.opencontainers.image.created': 'rfc3339', 'org.opencontainers.image.licenses': 'spdx' },
        },
        notes: [
            'Formats of `labelSchema` (`label-schema` in `.hadolint.yaml`): `url` (DL3052, an absolute URI), `rfc3339` (DL3053), `spdx` (DL3054, an SPDX license expression such as `MIT OR Apache-2.0`), `hash` (DL3055, a 7-, 40- or 64-digit lowercase hex git hash), `semver` (DL3056), `email` (DL3058); `text` accepts anything.',
            'hadolint has one id per format, Dockwise one rule: a severity set for any of the six ids applies to all. Empty values are `label-empty`’s, values with a variable are skipped.',
        ].join('\n\n'),
    },
    check({ model, options }) {
        const schema = labelSchema(options);
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            for (const pair of labelPairs(model, inst)) {
                const format = schema.get(pair.key);
                const value = pair.value ?? '';
                if (!format || pair.dynamic || value.trim() === '' || pair.valueStart === undefined) {
                    continue;
                }
                const problem = formatProblem(format, value);
                if (problem) {
                    findings.push({
                        range: model.rangeOf(pair.valueStart, pair.valueEnd!),
                        message: `Label \`${pair.key}\` ${problem}.`,
                    });
                }
            }
        }
        return findings;
    },
};
