import { From } from 'dockerfile-ast';
import { copyArgs, flagValue } from '../knowledge/copyArgs';
import { mountFroms } from '../knowledge/imageRef';
import type { DockerfileModel } from '../model';
import type { Finding, Rule } from '../types';
import type { TextEdit } from 'vscode-languageserver-types';

/** Edits that lowercase the stage name where it is defined and everywhere it is referenced. */
function renameEdits(model: DockerfileModel, name: string): TextEdit[] {
    const lower = name.toLowerCase();
    const edits: TextEdit[] = [];
    const edit = (start: number, end: number) => {
        if (model.text.slice(start, end) !== lower) {
            edits.push({ range: model.rangeOf(start, end), newText: lower });
        }
    };
    for (const stage of model.stages) {
        const ast = stage.from.ast;
        if (!(ast instanceof From)) {
            continue;
        }
        const stageRange = ast.getBuildStageRange();
        if (stage.alias === lower && stageRange) {
            edit(model.offsetAt(stageRange.start), model.offsetAt(stageRange.end));
        }
        const imageRange = ast.getImageRange();
        if (stage.image.toLowerCase() === lower && imageRange) {
            edit(model.offsetAt(imageRange.start), model.offsetAt(imageRange.end));
        }
    }
    for (const inst of model.instructions) {
        if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
            const v = flagValue(copyArgs(model, inst), 'from');
            if (v && v.raw.toLowerCase() === lower) {
                edit(v.start, v.end);
            }
        }
        for (const m of mountFroms(model, inst)) {
            if (m.value.toLowerCase() === lower) {
                edit(m.start, m.end);
            }
        }
    }
    return edits;
}

export const stageNameCasing: Rule = {
    id: 'stage-name-casing',
    title: 'Write stage names in lowercase',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { buildkit: ['StageNameCasing'] },
    docs: {
        why: 'Stage names are case-insensitive, so `Build`, `BUILD` and `build` are one stage; writing them in lowercase keeps references consistent and avoids names that look like different stages.',
        bad: 'FROM golang:1.23 AS BuildApp\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=BuildApp /app /app\n',
        good: 'FROM golang:1.23 AS buildapp\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=buildapp /app /app\n',
        notes: 'The quick fix lowercases the name where the stage is defined and in every `FROM`, `COPY --from` and `RUN --mount=from=` that refers to it.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const ast = stage.from.ast;
            const name = ast instanceof From ? ast.getBuildStage() : null;
            const range = ast instanceof From ? ast.getBuildStageRange() : null;
            if (!name || !range || name === name.toLowerCase()) {
                continue;
            }
            findings.push({
                range,
                message: `Stage name '${name}' should be lowercase.`,
                fixes: [
                    {
                        title: `Rename the stage to '${name.toLowerCase()}'`,
                        preferred: true,
                        edits: renameEdits(model, name),
                    },
                ],
            });
        }
        return findings;
    },
};
