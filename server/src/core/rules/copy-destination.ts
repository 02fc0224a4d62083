import { instructionAt, utilsRule, ValidationCode } from '../kit';

export const copyDestination = utilsRule({
    id: 'copy-destination',
    title: 'COPY or ADD of several sources needs a directory destination ending in /',
    category: 'correctness',
    defaultSeverity: 'error',
    codes: [ValidationCode.INVALID_DESTINATION],
    equivalents: { hadolint: ['DL3021'], trivy: ['DS-0011'] },
    docs: {
        why: 'With more than one source, COPY and ADD put them all into the destination, which must therefore be a directory written with a trailing `/`; otherwise the build fails.',
        bad: 'FROM node:22-slim\nCOPY package.json package-lock.json /app\n',
        good: 'FROM node:22-slim\nCOPY package.json package-lock.json /app/\n',
        notes: 'A quick fix appends `/` to the destination.',
    },
    fixes(d, model) {
        const end = model.offsetAt(d.range.end);
        // In the JSON form the range ends after the closing quote; in the shell form a quote is part of the path.
        const json = instructionAt(model, d.range.start)?.json !== undefined;
        const at = model.positionAt(json && model.text[end - 1] === '"' ? end - 1 : end);
        return [
            {
                title: 'Append / to the destination',
                edits: [{ range: { start: at, end: at }, newText: '/' }],
                preferred: true,
            },
        ];
    },
});
