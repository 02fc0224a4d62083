import { utilsRule, ValidationCode } from '../dockerfileUtils';

export const emptyContinuationLine = utilsRule({
    id: 'empty-continuation-line',
    title: 'No empty lines inside a continued instruction',
    category: 'maintainability',
    defaultSeverity: 'warning',
    codes: [ValidationCode.EMPTY_CONTINUATION_LINE],
    equivalents: { buildkit: ['NoEmptyContinuation'] },
    docs: {
        why: 'The builder skips an empty line inside an instruction continued with `\\`, so it looks like the end of the instruction but is not. BuildKit warns that this will become an error.',
        bad: 'FROM debian:12-slim\nRUN apt-get update \\\n\n    && apt-get install -y --no-install-recommends curl\n',
        good: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\n',
        notes: 'A comment line inside a continuation is not reported. A quick fix removes the empty lines.',
    },
});
