import { copyArgs, flagValue } from '../knowledge/copyArgs';
import { earlierStage } from '../knowledge/imageRef';
import type { Finding, Rule } from '../types';

export const copyFromStage: Rule = {
    id: 'copy-from-stage',
    title: 'COPY --from should name an earlier stage',
    category: 'correctness',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3022'] },
    docs: {
        why: '`COPY --from=name` copies from the stage of that name, and when no earlier stage has it, the builder pulls an image called `name:latest` instead: a typo in a stage name silently copies from Docker Hub, and a stage defined later is refused by the classic builder.',
        bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=biuld /app /app\n',
        good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
        notes: 'A stage index (`--from=0`) of an earlier stage is fine, and so is an explicit image reference (with a tag, digest, registry or path: `--from=nginx:1.27`, `--from=docker/buildx-bin`). Values with a variable are not checked. Unlike hadolint, only a bare name that is no earlier stage is reported.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            for (const inst of stage.instructions) {
                if (inst.keyword !== 'COPY') {
                    continue;
                }
                const from = flagValue(copyArgs(model, inst), 'from');
                if (!from || from.dynamic || /[:@/]/.test(from.value) || earlierStage(model, from.value, stage)) {
                    continue;
                }
                const later = model.stages.find(
                    (s) =>
                        s.index >= stage.index &&
                        (s.alias === from.value.toLowerCase() || String(s.index) === from.value),
                );
                if (later === stage) {
                    continue; // copy-from-self reports it.
                }
                const names = model.stages.slice(0, stage.index).flatMap((s) => (s.alias ? [s.alias] : []));
                const message = later
                    ? `COPY --from=${from.value} refers to a stage defined later in the file: move that stage above this one.`
                    : `COPY --from should reference a previously defined FROM alias: no stage is named '${from.value}', so the image ${from.value}:latest would be pulled${names.length > 0 ? ` (stages so far: ${names.join(', ')})` : ''}.`;
                findings.push({ range: model.rangeOf(from.start, from.end), message });
            }
        }
        return findings;
    },
};
