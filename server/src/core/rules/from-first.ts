import { utilsRule, ValidationCode } from '../kit';

export const fromFirst = utilsRule({
    id: 'from-first',
    title: 'A Dockerfile must start with FROM',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [ValidationCode.NO_SOURCE_IMAGE],
    equivalents: { hadolint: ['DL3061'] },
    docs: {
        why: 'Every image starts from a base image, so the first instruction must be FROM; only ARG instructions (for the base image tag), comments and parser directives may come before it. An empty file, or one with only ARGs, builds nothing.',
        bad: 'RUN apk add --no-cache curl\nFROM alpine:3.20\n',
        good: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\nRUN apk add --no-cache curl\n',
    },
    hint(_d, model) {
        return model.instructions.length === 0
            ? 'start the file with `FROM <image>`'
            : 'start the file with `FROM <image>` (only ARG may come before it)';
    },
});
