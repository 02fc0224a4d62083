import { From } from 'dockerfile-ast';
import type { Finding, Rule } from '../types';

const RESERVED = new Set(['scratch', 'context']);

export const reservedStageName: Rule = {
    id: 'reserved-stage-name',
    title: 'Do not name a stage scratch or context',
    category: 'correctness',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
    docs: {
        why: '`scratch` is the empty image and `context` names the build context in `COPY --from` and `--mount=from`. A stage with one of these names is shadowed or shadows them, so `FROM scratch` or `COPY --from=context` no longer mean what the reader expects.',
        bad: 'FROM alpine:3.20 AS scratch\nRUN echo hi > /hi\nFROM scratch\nCOPY --from=scratch /hi /hi\n',
        good: 'FROM alpine:3.20 AS build\nRUN echo hi > /hi\nFROM scratch\nCOPY --from=build /hi /hi\n',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const ast = stage.from.ast;
            const name = ast instanceof From ? ast.getBuildStage() : null;
            const range = ast instanceof From ? ast.getBuildStageRange() : null;
            if (name && range && RESERVED.has(name.toLowerCase())) {
                findings.push({
                    range,
                    message: `'${name}' is reserved and should not be used as a stage name: pick another name (\`build\`, \`runtime\`, …).`,
                });
            }
        }
        return findings;
    },
};
