import type { DockerfileModel } from './model';

/**
 * Rule ids suppressed per instruction line by `# dockwise ignore=a,b`, `# hadolint ignore=DL3008` or
 * `# check=skip=JSONArgsRecommended` comments in the comment block right above the instruction. Keys are the instruction's first
 * line; ids are lower-cased.
 */
export function suppressions(model: DockerfileModel): Map<number, Set<string>> {
    const out = new Map<number, Set<string>>();
    const lines = model.text.split(/\r\n|\r|\n/); // The line breaks TextDocument counts.
    for (const inst of model.instructions) {
        const first = inst.range.start.line;
        const ids = new Set<string>();
        for (let line = first - 1; line >= 0; line--) {
            const text = lines[line]!.trim();
            if (!text.startsWith('#')) {
                break;
            }
            // BuildKit's per-instruction `# check=skip=A,B` ignores what follows a space.
            const m =
                /^#\s*(dockwise|hadolint)\s+ignore\s*=\s*([A-Za-z0-9_,\s-]+)/i.exec(text) ??
                /^#\s*(check)\s*=\s*skip\s*=\s*([A-Za-z0-9_,-]+)/i.exec(text);
            if (m) {
                for (const id of m[2]!.split(/[,\s]+/)) {
                    if (id) {
                        ids.add(id.toLowerCase());
                    }
                }
            }
        }
        if (ids.size > 0) {
            out.set(first, ids);
        }
    }
    return out;
}

/** The first line of the instruction holding `line`, or undefined outside any instruction. */
export function instructionLineAt(model: DockerfileModel, line: number): number | undefined {
    let lo = 0;
    let hi = model.instructions.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = model.instructions[mid]!.range;
        if (line < r.start.line) {
            hi = mid - 1;
        } else if (line > r.end.line) {
            lo = mid + 1;
        } else {
            return r.start.line;
        }
    }
    return undefined;
}
