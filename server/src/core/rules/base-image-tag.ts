import { From } from 'dockerfile-ast';
import { earlierStage } from '../knowledge/imageRef';
import type { Finding, Rule } from '../types';

export const baseImageTag: Rule = {
    id: 'base-image-tag',
    title: 'Tag the version of the base image',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3006'], trivy: ['DS-0001'] },
    docs: {
        why: 'An image without a tag means `:latest`, whatever that is on the day of the build: the same Dockerfile builds a different image next month and breaks without a change of its own. A tag (or a digest) says which version the Dockerfile was written for.',
        bad: 'FROM debian\nRUN apt-get update\n',
        good: 'FROM debian:12-slim\nRUN apt-get update\n',
        notes: '`scratch`, earlier stages (`FROM builder`), digests (`image@sha256:…`) and images given by a variable (`FROM $BASE`, where the ARG default or `--build-arg` decides) are not reported. Trivy reports an untagged image as DS-0001, like `:latest`.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const ast = stage.from.ast;
            if (!(ast instanceof From)) {
                continue;
            }
            const image = ast.getImage();
            const range = ast.getImageRange();
            if (!image || !range || image.includes('$') || image.toLowerCase() === 'scratch') {
                continue;
            }
            if (image.includes('@') || ast.getImageTag() !== null || earlierStage(model, image, stage)) {
                continue;
            }
            findings.push({
                range,
                message: `\`${image}\` has no tag, so Docker takes \`${image}:latest\`: whatever was pushed last, which can change between two builds. Name the version you tested, such as \`${image}:<version>\`.`,
            });
        }
        return findings;
    },
};
