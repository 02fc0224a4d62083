import { copyArgs } from '../knowledge/copyArgs';
import { isAbsolutePath } from '../knowledge/copyArgs';
import type { Finding, Rule } from '../types';
import { stageChain } from '../kit';

export const copyRelativeWithoutWorkdir: Rule = {
    id: 'copy-relative-without-workdir',
    title: 'Set WORKDIR before COPY to a relative destination',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3045'] },
    docs: {
        why: 'A relative COPY destination is resolved against the working directory, which without a WORKDIR in the Dockerfile is whatever the base image set (often `/`). The files land somewhere else when the base image changes; a WORKDIR (or an absolute destination) pins it.',
        bad: 'FROM node:22-slim\nCOPY package.json .\n',
        good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n',
        notes: 'A WORKDIR in the stage or in a stage it builds on (`FROM base`) counts. Absolute Linux and Windows paths (`C:\\app`) and destinations starting with a variable are not reported. ADD is checked like COPY.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const chain = stageChain(stage);
            const parentsHaveWorkdir = chain.slice(1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
            let workdir = parentsHaveWorkdir;
            for (const inst of stage.instructions) {
                if (inst.keyword === 'WORKDIR') {
                    workdir = true;
                }
                if (workdir || (inst.keyword !== 'COPY' && inst.keyword !== 'ADD')) {
                    continue;
                }
                const dest = copyArgs(model, inst).dest;
                if (!dest || dest.value === '' || isAbsolutePath(dest.value) || dest.value.startsWith('$')) {
                    continue;
                }
                findings.push({
                    range: model.rangeOf(dest.start, dest.end),
                    message: `${inst.keyword} to a relative destination without WORKDIR set: add \`WORKDIR /app\` (or the directory you mean) before it, or use an absolute path.`,
                });
            }
        }
        return findings;
    },
};
