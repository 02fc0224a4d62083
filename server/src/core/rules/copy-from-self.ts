import { copyArgs, flagValue } from '../knowledge/copyArgs';
import type { Finding, Rule } from '../types';

export const copyFromSelf: Rule = {
    id: 'copy-from-self',
    title: 'COPY --from cannot name its own stage',
    category: 'correctness',
    defaultSeverity: 'error',
    equivalents: { hadolint: ['DL3023'], trivy: ['DS-0006'] },
    docs: {
        why: 'A stage cannot copy from itself: it is still being built. `COPY --from` with the current stage’s own name (or index) is a circular reference the builder rejects; it usually means the wrong stage name was typed.',
        bad: 'FROM golang:1.23 AS build\nCOPY --from=build /src /src\n',
        good: 'FROM golang:1.23 AS deps\nRUN go mod download\nFROM golang:1.23 AS build\nCOPY --from=deps /go/pkg /go/pkg\n',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            for (const inst of stage.instructions) {
                if (inst.keyword !== 'COPY') {
                    continue;
                }
                const from = flagValue(copyArgs(model, inst), 'from');
                const value = from?.value.toLowerCase();
                if (!from || (value !== stage.alias && value !== String(stage.index))) {
                    continue;
                }
                findings.push({
                    range: model.rangeOf(from.start, from.end),
                    message: `COPY --from cannot reference its own FROM alias ('${from.value}'): copy from an earlier stage.`,
                });
            }
        }
        return findings;
    },
};
