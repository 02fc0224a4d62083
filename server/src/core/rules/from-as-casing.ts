import type { Finding, Rule } from '../types';

export const fromAsCasing: Rule = {
    id: 'from-as-casing',
    title: 'Write AS in the same case as FROM',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { buildkit: ['FromAsCasing'] },
    docs: {
        why: 'Keywords are case-insensitive, but `FROM image as name` mixes two styles in one line; matching the case of `AS` to `FROM` keeps the file consistent.',
        bad: 'FROM golang:1.23 as build\n',
        good: 'FROM golang:1.23 AS build\n',
        notes: 'As in BuildKit, only an all-uppercase or all-lowercase FROM sets the expected case (mixed-case keywords are `instruction-casing`’s business). The quick fix rewrites `AS`.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const keyword = stage.from.ast.getInstruction();
            const lower = keyword === keyword.toLowerCase();
            if (!lower && keyword !== keyword.toUpperCase()) {
                continue;
            }
            const args = stage.from.ast.getArguments();
            const as = args.length >= 3 ? args[1] : undefined;
            if (!as || as.getValue().toLowerCase() !== 'as') {
                continue;
            }
            const written = as.getValue();
            const want = lower ? 'as' : 'AS';
            if (written === want) {
                continue;
            }
            findings.push({
                range: as.getRange(),
                message: `'${written}' and '${keyword}' keywords' casing do not match: write '${want}'.`,
                fixes: [
                    { title: `Write '${want}'`, preferred: true, edits: [{ range: as.getRange(), newText: want }] },
                ],
            });
        }
        return findings;
    },
};
