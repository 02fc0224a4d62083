import { copyArgs, flagValue, isRemoteSource } from '../knowledge/copyArgs';
import { dockerignoreMatcher } from '../knowledge/dockerignore';
import type { Finding, Rule } from '../types';

export const copyIgnoredFile: Rule = {
    id: 'copy-ignored-file',
    title: 'Do not COPY files that .dockerignore excludes',
    category: 'correctness',
    defaultSeverity: 'warning',
    equivalents: { buildkit: ['CopyIgnoredFile'] },
    docs: {
        why: 'Files matched by `.dockerignore` are never sent to the builder, so a COPY or ADD of one fails ("not found") or, with a wildcard, silently copies less than the Dockerfile says.',
        bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY .env ./\n',
        good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\n',
        options: { dockerignore: '.env\nnode_modules\n' },
        notes: [
            'The editor and the CLI pass the content of the `.dockerignore` that applies to the build (option `dockerignore`): `<Dockerfile name>.dockerignore` beside the Dockerfile when it exists (`Dockerfile.dockerignore`, `app.Dockerfile.dockerignore`), else `.dockerignore` at the root of the build context, which is the Dockerfile’s folder unless configured otherwise. Without one the rule does nothing.',
            'As BuildKit: a `.dockerignore` with `!` exceptions is not checked (what is sent depends on the order of patterns and files), `COPY --from` and URLs are not checked, and `.` is reported only when a pattern excludes everything (`*`, `**`). Sources with a variable are skipped.',
        ].join('\n\n'),
    },
    check({ model, options }) {
        const content = options.dockerignore;
        const matcher = typeof content === 'string' ? dockerignoreMatcher(content) : undefined;
        if (!matcher) {
            return [];
        }
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') {
                continue;
            }
            const args = copyArgs(model, inst);
            if (args.heredoc || flagValue(args, 'from')) {
                continue;
            }
            for (const src of args.sources) {
                if (src.dynamic || isRemoteSource(src.value)) {
                    continue;
                }
                const pattern = matcher.excludedBy(src.value);
                if (pattern !== undefined) {
                    findings.push({
                        range: model.rangeOf(src.start, src.end),
                        message: `"${src.value}" is left out of the build context by .dockerignore (pattern \`${pattern}\`), so the builder never receives it and this ${inst.keyword} fails or copies nothing. Remove the pattern, or do not ${inst.keyword === 'ADD' ? 'add' : 'copy'} the file.`,
                    });
                }
            }
        }
        return findings;
    },
};
