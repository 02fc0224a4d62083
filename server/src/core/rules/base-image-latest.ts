import { From } from 'dockerfile-ast';
import type { Finding, Rule } from '../types';

export const baseImageLatest: Rule = {
    id: 'base-image-latest',
    title: 'Do not build on the `latest` tag',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3007'], trivy: ['DS-0001'] },
    docs: {
        why: '`:latest` moves whenever the image is republished, so the build is not reproducible and a new major version can slip in unnoticed. Pin the version the Dockerfile was written for.',
        bad: 'FROM node:latest\nCMD ["node", "server.js"]\n',
        good: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
        notes: 'A digest pins the image even with `:latest` (`node:latest@sha256:…`), so that is not reported. The tag is read as written: `FROM $BASE` is not evaluated (see `invalid-default-arg-in-from` for ARG defaults).',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const ast = stage.from.ast;
            if (!(ast instanceof From)) {
                continue;
            }
            const image = ast.getImage() ?? '';
            const tagRange = ast.getImageTagRange();
            if (ast.getImageTag() !== 'latest' || !tagRange || image.includes('@')) {
                continue;
            }
            findings.push({
                range: tagRange,
                message:
                    '`latest` is whatever was pushed last: the next build may get another image without any change here. Name a release tag instead.',
            });
        }
        return findings;
    },
};
