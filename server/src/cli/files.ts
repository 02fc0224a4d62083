import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CliError, errorText } from './errors';

/** One Dockerfile to lint: the name reports show and its text. */
export interface Source {
    /** As given on the command line (joined with the part found below a folder); `-` for stdin. */
    name: string;
    /** Absolute path, undefined for stdin. */
    absolute: string | undefined;
    text: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Files next to a Dockerfile that share its name but are not Dockerfiles (docs, ignore files, backups). */
const NOT_DOCKERFILE = /\.(dockerignore|containerignore|md|txt|json|ya?ml|sh|orig|rej|bak|swp|patch|diff|log)$/i;

/**
 * BuildKit's default names (case-sensitive) and the usual suffixes; `dockerfile` in lower case is
 * BuildKit's fallback name, taken only as is (`dockerfile.tmLanguage.json` is no Dockerfile).
 */
export function isDockerfileName(name: string): boolean {
    if (name === 'dockerfile') {
        return true;
    }
    if (NOT_DOCKERFILE.test(name)) {
        return false;
    }
    return (
        /^(Dockerfile|Containerfile)(\..+)?$/.test(name) ||
        /^.+\.(dockerfile|Dockerfile|containerfile|Containerfile)$/.test(name)
    );
}

/** Folders searched recursively, files taken as given; sorted per folder so output is stable. */
export function findFiles(paths: readonly string[], cwd: string): { name: string; absolute: string | undefined }[] {
    const out: { name: string; absolute: string | undefined }[] = [];
    const seen = new Set<string>();
    for (const given of paths) {
        if (given === '-') {
            out.push({ name: '-', absolute: undefined });
            continue;
        }
        const absolute = path.resolve(cwd, given);
        let stat;
        try {
            stat = statSync(absolute);
        } catch (e) {
            throw new CliError(`cannot read ${given}: ${errorText(e)}`);
        }
        if (stat.isDirectory()) {
            const found: string[] = [];
            walk(absolute, '', found);
            if (found.length === 0) {
                throw new CliError(`no Dockerfiles found in ${given}`);
            }
            for (const rel of found) {
                add(path.join(given, rel), path.join(absolute, rel));
            }
        } else {
            add(path.normalize(given), absolute);
        }
    }
    return out;

    function add(name: string, absolute: string) {
        if (!seen.has(absolute)) {
            seen.add(absolute);
            out.push({ name, absolute });
        }
    }
}

function walk(root: string, rel: string, found: string[]): void {
    const dir = path.join(root, rel);
    let entries;
    try {
        entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
        throw new CliError(`cannot read ${dir}: ${errorText(e)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const relPath = path.join(rel, entry.name);
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
            // Linked files are linted; linked folders are not searched (as git does), so no loops.
            try {
                isFile = statSync(path.join(root, relPath)).isFile();
            } catch {
                // A dangling link named like a Dockerfile is reported when read, like any unreadable file.
                isFile = true;
            }
        }
        if (entry.isDirectory()) {
            if (!SKIPPED_DIRS.has(entry.name)) {
                walk(root, relPath, found);
            }
        } else if (isFile && isDockerfileName(entry.name)) {
            found.push(relPath);
        }
    }
}

/** Reads every file (stdin once) before anything is linted, so a bad path fails the run cleanly. */
export function readSources(
    files: readonly { name: string; absolute: string | undefined }[],
    readStdin: () => string,
    stdinFilename: string | undefined,
): Source[] {
    return files.map((f) => {
        let text: string;
        try {
            text = f.absolute === undefined ? readStdin() : readFileSync(f.absolute, 'utf8');
        } catch (e) {
            throw new CliError(`cannot read ${f.absolute === undefined ? 'standard input' : f.name}: ${errorText(e)}`);
        }
        // Editors hide a UTF-8 byte order mark: drop it so columns match what the editor shows.
        if (text.charCodeAt(0) === 0xfeff) {
            text = text.slice(1);
        }
        const name = f.absolute === undefined && stdinFilename ? stdinFilename : f.name;
        return { name, absolute: f.absolute, text };
    });
}
