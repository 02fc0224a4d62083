/** Bad usage, an unreadable file or a bad config: exit 2 with one line on stderr and nothing on stdout. */
export class CliError extends Error {
    readonly exitCode = 2;
}

/** The message of anything thrown, without a stack. */
export function errorText(e: unknown): string {
    if (e instanceof Error) {
        const code = (e as NodeJS.ErrnoException).code;
        // Node's fs messages repeat the path we print anyway: keep the reason only.
        if (code === 'ENOENT') {
            return 'no such file or directory';
        }
        if (code === 'EACCES' || code === 'EPERM') {
            return 'permission denied';
        }
        if (code === 'EISDIR') {
            return 'is a directory';
        }
        return e.message;
    }
    return String(e);
}

/** Levenshtein distance, for "did you mean" hints on mistyped ids and options. */
export function distance(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length]!;
}

/** ` (did you mean "x"?)` when one candidate is close enough, else ''. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
    let best: string | undefined;
    let bestScore = Infinity;
    const lower = input.toLowerCase();
    const list = [...candidates];
    // A truncated id (`keep-alive`) is too far for the edit distance but obviously meant.
    const prefixed = list.filter((c) => lower.length >= 4 && c.toLowerCase().startsWith(lower));
    if (prefixed.length === 1) {
        return ` (did you mean "${prefixed[0]}"?)`;
    }
    for (const c of list) {
        const d = distance(lower, c.toLowerCase());
        if (d < bestScore) {
            best = c;
            bestScore = d;
        }
    }
    return best !== undefined && bestScore <= Math.max(2, Math.floor(input.length / 3))
        ? ` (did you mean "${best}"?)`
        : '';
}
