import { From } from 'dockerfile-ast';
import { imageStages, labelSchema, stageLabels } from '../knowledge/labels';
import type { Finding, Rule } from '../types';

export const labelMissing: Rule = {
    id: 'label-missing',
    title: 'Set the labels the label schema requires',
    category: 'maintainability',
    defaultSeverity: 'info',
    equivalents: { hadolint: ['DL3049'] },
    docs: {
        why: 'Teams that require labels (owner, source, version) use them to find who runs an image and where it came from; an image without them is an orphan in the registry.',
        bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=web\n',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=web org.opencontainers.image.source=https://example.com/web.git\n',
        options: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
        notes: 'Does nothing until `labelSchema` is set (label name → `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`); `label-schema` in `.hadolint.yaml` sets it. Reported at the FROM of each stage that makes an image: stages that others build on or copy from are build steps and are not reported, and labels of the stages a stage builds on count.',
    },
    check({ model, options }) {
        const schema = labelSchema(options);
        if (schema.size === 0) {
            return [];
        }
        const findings: Finding[] = [];
        for (const stage of imageStages(model)) {
            const labels = stageLabels(model, stage);
            const missing = [...schema.keys()].filter((k) => !labels.has(k));
            const ast = stage.from.ast;
            const range = (ast instanceof From ? ast.getImageRange() : null) ?? stage.from.keywordRange;
            for (const label of missing) {
                findings.push({ range, message: `Label \`${label}\` is missing.` });
            }
        }
        return findings;
    },
};
