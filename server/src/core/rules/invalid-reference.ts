import { utilsRule, ValidationCode } from '../kit';

export const invalidReference = utilsRule({
    id: 'invalid-reference',
    title: 'Image references must be well-formed',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [
        ValidationCode.INVALID_REFERENCE_FORMAT,
        ValidationCode.BASE_NAME_EMPTY,
        ValidationCode.FLAG_INVALID_FROM_VALUE,
    ],
    equivalents: { buildkit: ['InvalidDefaultArgInFrom'] },
    docs: {
        why: 'The builder fails on a base image it cannot parse: an empty or malformed tag (`node:`, `node:@x`), a malformed digest, a `COPY --from` value that is not a name, or a FROM variable that no ARG before the first FROM defines, which leaves the image name blank.',
        bad: 'FROM node:\nFROM $BASE_IMAGE\n',
        good: 'ARG BASE_IMAGE=alpine:3.20\nFROM node:22-slim\nFROM $BASE_IMAGE\n',
    },
    hint(d) {
        return d.code === ValidationCode.BASE_NAME_EMPTY
            ? 'declare it with a default before the first FROM (`ARG NAME=image:tag`)'
            : undefined;
    },
});
