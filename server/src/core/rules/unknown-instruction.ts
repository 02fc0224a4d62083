import { closeMatches, instructionAt, rangeText, utilsRule, ValidationCode } from '../kit';

const ONCE_PER_STAGE = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Instructions the builder knows (MAINTAINER left out: it is deprecated, never a suggestion). */
const KEYWORDS = [
    'ADD',
    'ARG',
    'CMD',
    'COPY',
    'ENTRYPOINT',
    'ENV',
    'EXPOSE',
    'FROM',
    'HEALTHCHECK',
    'LABEL',
    'ONBUILD',
    'RUN',
    'SHELL',
    'STOPSIGNAL',
    'USER',
    'VOLUME',
    'WORKDIR',
];

export const unknownInstruction = utilsRule({
    id: 'unknown-instruction',
    title: 'Every line must start with a known instruction',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [ValidationCode.UNKNOWN_INSTRUCTION],
    docs: {
        why: 'The builder stops at the first word it does not know as an instruction. Usually it is a typo, or the line was meant to continue the previous instruction but that line does not end with the escape character.',
        bad: 'FROM alpine:3.20\nRUM apk add --no-cache curl\n',
        good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
        notes: 'A quick fix renames a keyword that is one or two typos away from a real instruction.',
    },
    hint(d, model) {
        const word = rangeText(model, d.range);
        const [match, ...others] = closeMatches(word, KEYWORDS);
        if (match && others.length === 0) {
            return `did you mean ${match}?`;
        }
        if (d.range.start.character > 0) {
            return `if this line continues the previous instruction, end that line with \`${model.escape}\``;
        }
        return undefined;
    },
    fixes(d, model) {
        const matches = closeMatches(rangeText(model, d.range), KEYWORDS);
        // A stage takes one CMD, ENTRYPOINT and HEALTHCHECK: the title says when the rename makes a second.
        const stage = instructionAt(model, d.range.start)?.stage;
        const peers = stage ? stage.instructions : model.instructions.filter((i) => !i.stage);
        const twice = (m: string) =>
            ONCE_PER_STAGE.has(m) && peers.some((i) => i.keyword === m)
                ? ` (it leaves two ${m} instructions in this stage)`
                : '';
        return matches.map((m) => ({
            title: `Change to ${m}${twice(m)}`,
            edits: [{ range: d.range, newText: m }],
            preferred: matches.length === 1,
        }));
    },
});
