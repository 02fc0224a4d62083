// Shrinks a failing input for a bug report (delta debugging over lines, then characters): the
// smallest text on which the core targets still report the same kind of problem. In-process, so
// it is for exceptions and bad ranges, not for hangs.
import { choiceRng } from './generate';
import { fuzzCore } from './targets';

/** The kind of a problem: its first line without numbers, ranges and quoted text. */
function kind(problem: string): string {
    return problem
        .split('\n')[0]!
        .replace(/\{.*\}/g, '{}')
        .replace(/"[^"]*"/g, '""')
        .replace(/\d+/g, 'N')
        .slice(0, 80);
}

export async function minimize(text: string, seed: number, index: number, problem: string): Promise<string> {
    const wanted = kind(problem);
    const fails = async (t: string) => (await fuzzCore(t, choiceRng(seed, index))).some((p) => kind(p) === wanted);
    let best = text;
    for (const separator of ['\n', '']) {
        let parts = best.split(separator);
        let chunks = 2;
        while (parts.length >= 2) {
            const size = Math.ceil(parts.length / chunks);
            let reduced = false;
            for (let i = 0; i < parts.length; i += size) {
                const candidate = [...parts.slice(0, i), ...parts.slice(i + size)];
                if (await fails(candidate.join(separator))) {
                    parts = candidate;
                    chunks = Math.max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (chunks >= parts.length) {
                    break;
                }
                chunks = Math.min(parts.length, chunks * 2);
            }
        }
        best = parts.join(separator);
    }
    return best;
}
