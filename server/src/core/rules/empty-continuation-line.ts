import { utilsRule, ValidationCode } from '../kit';

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
    // At the end of the file the fix removed the blanks but left the empty line, and the finding stayed
    // (found by the fix property tests): there it takes the line break before the empty lines too.
    filterServiceFixes(fixes, d, model) {
        const start = model.offsetAt(d.range.start);
        if (start === 0 || model.offsetAt(d.range.end) < model.text.length) {
            return fixes;
        }
        const lineBreak = /(?:\r\n|\r|\n)$/.exec(model.text.slice(Math.max(0, start - 2), start))?.[0] ?? '';
        const from = model.positionAt(start - lineBreak.length);
        return fixes.map((f) => ({
            ...f,
            edits: f.edits.map((e) =>
                model.offsetAt(e.range.start) === start ? { ...e, range: { ...e.range, start: from } } : e,
            ),
        }));
    },
});
