import * as path from 'node:path';

/**
 * Where the files that steer linting live: hadolint's config and the `.dockerignore` of the
 * build. Paths only, no file access, so the client (file watchers), the server and the CLI share
 * one list without pulling the rules into the client bundle.
 */

export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export interface HomeDirs {
    home?: string;
    xdgConfigHome?: string;
    localAppData?: string;
}

/** The user-level hadolint configs, in hadolint's order (first found wins). */
export function userHadolintConfigs(dirs: HomeDirs): string[] {
    const out: string[] = [];
    const both = (base: string) => [`${base}.yaml`, `${base}.yml`];
    const xdg = dirs.xdgConfigHome || (dirs.home ? path.join(dirs.home, '.config') : undefined);
    if (xdg) {
        out.push(...both(path.join(xdg, 'hadolint')));
    }
    if (dirs.localAppData) {
        out.push(...both(path.join(dirs.localAppData, 'hadolint', 'config')));
    }
    if (dirs.home) {
        out.push(
            ...both(path.join(dirs.home, '.config', 'hadolint')),
            ...both(path.join(dirs.home, '.hadolint', 'hadolint')),
            ...both(path.join(dirs.home, 'hadolint', 'config')),
            ...both(path.join(dirs.home, '.hadolint')),
        );
    }
    return [...new Set(out)];
}

/**
 * Where hadolint looks for its config, first found wins: the working directory (for the editor:
 * the Dockerfile's folder, then the workspace folder), then the user-level files.
 */
export function hadolintConfigCandidates(dirs: HomeDirs & { cwd: string }): string[] {
    const local = HADOLINT_CONFIG_NAMES.map((n) => path.join(dirs.cwd, n));
    return [...new Set([...local, ...userHadolintConfigs(dirs)])];
}

/**
 * The folders searched for a project's `.hadolint.yaml`: `start` and its parents up to the first
 * one `isRoot` accepts (a repository or workspace root). Without such a root only `start` is
 * searched: a config in some unrelated parent folder must not change the findings.
 */
export function projectSearchDirs(start: string, isRoot: (dir: string) => boolean): string[] {
    const dirs: string[] = [];
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
        dirs.push(dir);
        if (isRoot(dir)) {
            return dirs;
        }
        if (path.dirname(dir) === dir) {
            return [dirs[0]!];
        }
    }
}

/** BuildKit's order: `<Dockerfile>.dockerignore` beside it wins over the context's `.dockerignore`. */
export function dockerignoreCandidates(dockerfile: string, context = path.dirname(dockerfile)): string[] {
    return [`${dockerfile}.dockerignore`, path.join(context, '.dockerignore')];
}

/** Is this changed file one that can change findings (a hadolint config or an ignore file)? */
export function affectsLinting(file: string): boolean {
    const name = path.basename(file);
    return (
        HADOLINT_CONFIG_NAMES.includes(name) ||
        /^(hadolint|config)\.ya?ml$/.test(name) ||
        name === '.dockerignore' ||
        name.endsWith('.dockerignore')
    );
}
