import type { DockerfileModel, Instruction } from '../model';
import type { Fix } from '../types';
import { instructionAt, utilsRule, ValidationCode } from '../kit';

/** The OCI annotation for the image's authors, the documented replacement for MAINTAINER. */
const AUTHORS_LABEL = 'org.opencontainers.image.authors';

/** A LABEL value in double quotes: `"`, `$` and the escape character are escaped. */
export function quoteLabelValue(value: string, escape: string): string {
    let out = '';
    for (const ch of value) {
        out += ch === '"' || ch === '$' || ch === escape ? escape + ch : ch;
    }
    return `"${out}"`;
}

function labelFix(model: DockerfileModel, inst: Instruction): Fix[] {
    const value = inst.args().text.trim();
    if (!value || !inst.argsRange) {
        return [];
    }
    const keyword = inst.ast.getInstruction() === inst.ast.getInstruction().toLowerCase() ? 'label' : 'LABEL';
    // A dangling continuation (`\` after the last argument) goes too, or LABEL would continue.
    let end = model.offsetAt(inst.argsRange.end);
    const dangling = /^[ \t]*(.)\r?\n/.exec(model.text.slice(end, end + 200));
    if (dangling && dangling[1] === model.escape) {
        end += dangling[0].trimEnd().length;
    }
    const range = { start: inst.keywordRange.start, end: model.positionAt(end) };
    const newText = `${keyword} ${AUTHORS_LABEL}=${quoteLabelValue(value, model.escape)}`;
    return [{ title: `Replace with LABEL ${AUTHORS_LABEL}`, edits: [{ range, newText }], preferred: true }];
}

export const maintainerDeprecated = utilsRule({
    id: 'maintainer-deprecated',
    title: 'Use a LABEL instead of the deprecated MAINTAINER',
    category: 'maintainability',
    defaultSeverity: 'warning',
    codes: [ValidationCode.DEPRECATED_MAINTAINER],
    equivalents: { hadolint: ['DL4000'], buildkit: ['MaintainerDeprecated'], trivy: ['DS-0022'] },
    docs: {
        why: 'MAINTAINER is deprecated. The `org.opencontainers.image.authors` label records the same information in the standard place, where `docker inspect` and registries show it.',
        bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
        notes: 'A quick fix rewrites the instruction as that LABEL. hadolint reports DL4000 as an error; Dockwise, like BuildKit and dockerfile-utils, as a warning, since the image still builds.',
    },
    hint() {
        return `use \`LABEL ${AUTHORS_LABEL}="…"\``;
    },
    fixes(d, model) {
        // Only a MAINTAINER instruction of its own; inside ONBUILD it is already an error.
        const inst = instructionAt(model, d.range.start);
        return inst?.keyword === 'MAINTAINER' ? labelFix(model, inst) : [];
    },
});
