import { utilsRule, ValidationCode } from '../kit';

export const instructionCasing = utilsRule({
    id: 'instruction-casing',
    title: 'Write instructions in uppercase',
    category: 'maintainability',
    defaultSeverity: 'warning',
    codes: [ValidationCode.CASING_INSTRUCTION],
    equivalents: { buildkit: ['ConsistentInstructionCasing'] },
    docs: {
        why: 'Instructions are case-insensitive, but uppercase is the convention every Dockerfile reader expects; it sets the instructions apart from their arguments.',
        bad: 'from alpine:3.20\nRun apk add --no-cache curl\n',
        good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
        notes: 'BuildKit’s ConsistentInstructionCasing accepts an all-lowercase file; this rule asks for uppercase, as dockerfile-utils does. A quick fix uppercases the keyword.',
    },
});
