// Just enough Dockerfile structure to put a failed build step back on its line: logical instructions
// (continuations, comments, the escape directive, heredoc bodies) and their stages.

export interface Instruction {
    /** 0-based first and last physical line. */
    line: number;
    endLine: number;
    keyword: string;
    /** Keyword and arguments on one line, continuations joined with a space. */
    text: string;
    /** Index of the stage (FROM) it belongs to; -1 for ARGs before the first FROM. */
    stage: number;
}

export interface Stage {
    index: number;
    /** `AS name`, lower-cased as the builders compare it. */
    name?: string;
    /** Instructions of the stage, FROM first. */
    instructions: Instruction[];
}

export function parseInstructions(content: string): { instructions: Instruction[]; stages: Stage[] } {
    const lines = content.split(/\r\n|\r|\n/);
    let escape = '\\';
    const directive = /^#\s*escape\s*=\s*([`\\])\s*$/i;
    for (const l of lines) {
        const m = directive.exec(l.trim());
        if (m) {
            escape = m[1] as string;
            break;
        }
        if (!/^#\s*\w+\s*=/.test(l.trim())) {
            break;
        }
    }
    const instructions: Instruction[] = [];
    const stages: Stage[] = [];
    let i = 0;
    while (i < lines.length) {
        const first = (lines[i] as string).trim();
        if (!first || first.startsWith('#')) {
            i++;
            continue;
        }
        const start = i;
        const parts: string[] = [];
        let current = first;
        for (;;) {
            const continued = current.endsWith(escape);
            parts.push(continued ? current.slice(0, -1).trim() : current);
            if (!continued || i + 1 >= lines.length) {
                break;
            }
            i++;
            // Comment lines inside a continuation are dropped, as the builders do.
            while (i < lines.length && (lines[i] as string).trim().startsWith('#')) {
                i++;
            }
            current = (lines[i] ?? '').trim();
        }
        const joined = parts.filter(Boolean).join(' ');
        const keyword = (/^\S+/.exec(joined)?.[0] ?? '').toUpperCase();
        // Heredoc bodies (`RUN <<EOF`) belong to the instruction: skip to each terminator.
        for (const m of joined.matchAll(/<<-?(["']?)(\w+)\1/g)) {
            const word = m[2] as string;
            while (i + 1 < lines.length && (lines[i + 1] as string).trim() !== word) {
                i++;
            }
            i++;
        }
        if (keyword === 'FROM') {
            const name = /\sAS\s+(\S+)\s*$/i.exec(joined)?.[1]?.toLowerCase();
            stages.push({ index: stages.length, name, instructions: [] });
        }
        const ins: Instruction = {
            line: start,
            endLine: Math.min(i, lines.length - 1),
            keyword,
            text: joined,
            stage: stages.length - 1,
        };
        instructions.push(ins);
        stages[stages.length - 1]?.instructions.push(ins);
        i++;
    }
    return { instructions, stages };
}

/** Whitespace-insensitive comparison of what the engine printed with our joined text. */
function same(a: string, b: string): boolean {
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
    return norm(a) === norm(b);
}

function byText(instructions: Instruction[], text: string): Instruction | undefined {
    const exact = instructions.filter((i) => same(i.text, text));
    if (exact.length) {
        return exact[exact.length - 1];
    }
    // The engine may have expanded ARGs or shortened the text: fall back to a prefix match of the command.
    const head = text.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 40);
    return instructions.find((i) => i.text.replace(/\s+/g, ' ').toLowerCase().startsWith(head));
}

/**
 * Finds the instruction of a failed step from the title the builder printed:
 * classic `Step 4/7 : RUN make` (N counts instructions from the first FROM) or BuildKit
 * `[builder 3/4] RUN make` (N counts within the stage, FROM being 1).
 */
export function locateStep(content: string, step: string): Instruction | undefined {
    const { instructions, stages } = parseInstructions(content);
    const classic = /^Step (\d+)\/(\d+) : ([\s\S]*)$/.exec(step.trim());
    if (classic) {
        const text = classic[3] as string;
        const fromFirst = instructions.filter((i) => i.stage >= 0);
        const candidate = fromFirst[Number(classic[1]) - 1];
        return candidate && same(candidate.text, text) ? candidate : byText(instructions, text);
    }
    const bk = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s*([\s\S]*)$/.exec(step.trim());
    if (bk) {
        const stageLabel = (bk[1] as string).trim().toLowerCase();
        const text = bk[4] as string;
        const stage =
            stages.find((s) => s.name === stageLabel) ??
            stages[/^stage-(\d+)$/.exec(stageLabel) ? Number(stageLabel.slice(6)) : stages.length - 1];
        const candidate = stage?.instructions[Number(bk[2]) - 1];
        return candidate && same(candidate.text, text)
            ? candidate
            : (byText(stage?.instructions ?? instructions, text) ?? byText(instructions, text));
    }
    return byText(instructions, step);
}
