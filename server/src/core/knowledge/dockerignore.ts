import ignore from '@balena/dockerignore';

/**
 * `.dockerignore` matching for CopyIgnoredFile. The patterns are matched by @balena/dockerignore
 * (Docker's own matcher ported: `**`, `!` exceptions, parent directories, Go filepath.Clean);
 * what BuildKit adds on top is here: it gives up on files with `!` exceptions, and checks `.`
 * only against patterns that exclude everything.
 *
 * The core never reads files: the caller passes the content of the `.dockerignore` that applies,
 * which is `<Dockerfile name>.dockerignore` beside the Dockerfile when that exists, else
 * `.dockerignore` at the root of the build context (BuildKit's order).
 */

export interface DockerignoreMatcher {
    /** The pattern that excludes the path (as written), or undefined when the path is sent. */
    excludedBy(path: string): string | undefined;
}

/** Patterns of a .dockerignore: comments and blank lines dropped, whitespace trimmed. */
export function dockerignorePatterns(content: string): string[] {
    return content
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}

const EVERYTHING = new Set(['*', '**', '**/*']);

/** A matcher, or undefined when BuildKit would not check (no patterns, or `!` exceptions present). */
export function dockerignoreMatcher(content: string): DockerignoreMatcher | undefined {
    const patterns = dockerignorePatterns(content);
    if (patterns.length === 0 || patterns.some((p) => p.startsWith('!'))) {
        return undefined;
    }
    const all = ignore().add(patterns);
    const single = patterns.map((p) => ({ p, m: ignore().add(p) }));
    return {
        excludedBy(path) {
            const clean = cleanPath(path);
            if (clean === '.') {
                return patterns.find((p) => EVERYTHING.has(p.replace(/^\/+/, '')));
            }
            if (!all.ignores(clean)) {
                return undefined;
            }
            return single.find(({ m }) => m.ignores(clean))?.p ?? patterns[0];
        },
    };
}

/** A context path as BuildKit checks it: slashes, no leading `/` or `./`, `.` and `..` resolved. */
export function cleanPath(path: string): string {
    const parts: string[] = [];
    for (const part of path.replace(/\\/g, '/').split('/')) {
        if (part === '' || part === '.') {
            continue;
        }
        if (part === '..') {
            parts.pop();
        } else {
            parts.push(part);
        }
    }
    return parts.length === 0 ? '.' : parts.join('/');
}
