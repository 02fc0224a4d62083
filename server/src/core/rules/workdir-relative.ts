import type { DockerfileModel, Instruction, Stage } from '../model';
import { instructionAt, stageChain, type UtilsDiagnostic, utilsDiagnostics, utilsRule, ValidationCode } from '../kit';

/** Per model, the WORKDIRs dockerfile-utils reports as relative: computed once, not once per finding. */
const relativeWorkdirs = new WeakMap<DockerfileModel, Set<Instruction | undefined>>();
/** Per stage, the offset of its first absolute WORKDIR (Infinity when it has none). */
const firstAbsoluteWorkdir = new WeakMap<Stage, number>();

/**
 * Whether an absolute WORKDIR comes earlier in the stage or the stages it builds on: then a
 * relative path is well defined (BuildKit's WorkdirRelativePath reasoning).
 */
function afterAbsoluteWorkdir(model: DockerfileModel, d: UtilsDiagnostic): boolean {
    const inst = instructionAt(model, d.range.start);
    if (!inst?.stage) {
        return false;
    }
    const relative =
        relativeWorkdirs.get(model) ??
        new Set(
            utilsDiagnostics(model, [ValidationCode.WORKDIR_IS_NOT_ABSOLUTE]).map((r) =>
                instructionAt(model, r.range.start),
            ),
        );
    relativeWorkdirs.set(model, relative);
    const start = model.offsetAt(inst.range.start);
    return stageChain(inst.stage).some((s) => {
        let first = firstAbsoluteWorkdir.get(s);
        if (first === undefined) {
            const w = s.instructions.find((i) => i.keyword === 'WORKDIR' && !relative.has(i));
            first = w ? model.offsetAt(w.range.start) : Infinity;
            firstAbsoluteWorkdir.set(s, first);
        }
        return first < start;
    });
}

export const workdirRelative = utilsRule({
    id: 'workdir-relative',
    title: 'Use an absolute WORKDIR',
    category: 'maintainability',
    defaultSeverity: 'warning',
    codes: [ValidationCode.WORKDIR_IS_NOT_ABSOLUTE],
    equivalents: { hadolint: ['DL3000'], buildkit: ['WorkdirRelativePath'], trivy: ['DS-0009'] },
    docs: {
        why: 'A relative WORKDIR is resolved against the working directory the base image happens to set, so the files land somewhere else when the base image changes. An absolute path says where they go.',
        bad: 'FROM node:22-slim\nWORKDIR app\nCOPY . .\n',
        good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n',
        notes: 'Not reported after an absolute WORKDIR in the same stage or a stage it builds on (as BuildKit). hadolint reports DL3000 as an error; the image still builds, so Dockwise warns. A quick fix (not applied by Auto Fix) prefixes `/`, which assumes the base image works in `/`.',
    },
    accept: (d, model) => !afterAbsoluteWorkdir(model, d),
    fixes(d, model) {
        const start = model.offsetAt(d.range.start);
        const raw = model.text.slice(start, model.offsetAt(d.range.end));
        const quote = /^["']/.test(raw) ? 1 : 0;
        if (quote && (raw.length < 2 || !raw.endsWith(raw[0]!))) {
            return []; // An unclosed quote: a `/` after it would still be inside it (found by the fix property tests).
        }
        const at = model.positionAt(start + quote);
        return [{ title: 'Make the path absolute (from /)', edits: [{ range: { start: at, end: at }, newText: '/' }] }];
    },
});
