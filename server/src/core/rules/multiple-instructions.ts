import { utilsRule, ValidationCode } from '../kit';

export const multipleInstructions = utilsRule({
    id: 'multiple-instructions',
    title: 'One CMD, ENTRYPOINT and HEALTHCHECK per stage',
    category: 'correctness',
    defaultSeverity: 'warning',
    codes: [ValidationCode.MULTIPLE_INSTRUCTIONS],
    equivalents: {
        hadolint: ['DL4003', 'DL4004', 'DL3012'],
        buildkit: ['MultipleInstructionsDisallowed'],
        trivy: ['DS-0016', 'DS-0007', 'DS-0023'],
    },
    docs: {
        why: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect. An earlier one is dead code that misleads the reader about what the container runs, often left over from an edit.',
        bad: 'FROM node:22-slim\nCMD ["node", "server.js"]\nCMD ["npm", "start"]\n',
        good: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
        notes: 'Each overridden instruction is reported; the last one is not. A later stage may set its own.',
    },
});
