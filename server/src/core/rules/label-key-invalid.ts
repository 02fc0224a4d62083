import { labelKeyProblem, labelPairs } from '../knowledge/labels';
import type { Finding, Rule } from '../types';

export const labelKeyInvalid: Rule = {
    id: 'label-key-invalid',
    title: 'Follow Docker’s label key format',
    category: 'maintainability',
    defaultSeverity: 'hint',
    equivalents: { hadolint: ['DL3048'] },
    docs: {
        why: 'Docker’s guidelines for label keys (lowercase letters, digits, `.` and `-`, reverse-DNS namespaces, no `com.docker.*`) keep labels from different tools apart and let scripts filter on them reliably.',
        bad: 'FROM alpine:3.20\nLABEL Version=1.0 com.docker.extension.title=Mine\n',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.0 com.example.title=Mine\n',
        notes: 'Keys start with a lowercase letter, end with a letter or digit, and have no `..` or `--`. Keys with a variable are not checked.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            for (const pair of labelPairs(model, inst)) {
                const problem = pair.key.includes('$') ? undefined : labelKeyProblem(pair.key);
                if (problem) {
                    findings.push({
                        range: model.rangeOf(pair.keyStart, pair.keyEnd),
                        message: `Invalid label key '${pair.key}': ${problem}.`,
                    });
                }
            }
        }
        return findings;
    },
};
