import { From } from 'dockerfile-ast';
import type { Finding, Rule } from '../types';

export const redundantTargetPlatform: Rule = {
    id: 'redundant-target-platform',
    title: 'Drop the redundant --platform=$TARGETPLATFORM',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3065'], buildkit: ['RedundantTargetPlatform'] },
    docs: {
        why: 'A stage is built for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` changes nothing and only makes the reader wonder why it is there.',
        bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
        good: 'FROM alpine:3.20\n',
        notes: 'The quick fix removes the flag.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const ast = stage.from.ast;
            const flag = ast instanceof From ? ast.getPlatformFlag() : null;
            const value = flag?.getValue()?.replace(/^"(.*)"$/, '$1');
            if (!flag || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) {
                continue;
            }
            const start = model.offsetAt(flag.getRange().start);
            let end = model.offsetAt(flag.getRange().end);
            while (/[ \t]/.test(model.text[end] ?? '')) {
                end++;
            }
            findings.push({
                range: flag.getRange(),
                message:
                    'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior.',
                fixes: [
                    {
                        title: 'Remove --platform=$TARGETPLATFORM',
                        preferred: true,
                        edits: [{ range: model.rangeOf(start, end), newText: '' }],
                    },
                ],
            });
        }
        return findings;
    },
};
