import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
    type HadolintConfig,
    HadolintConfigError,
    isHadolintConfigData,
    parseHadolintConfig,
} from '../core/hadolintConfig';
import type { Rule } from '../core/types';
import {
    dockerignoreCandidates,
    HADOLINT_CONFIG_NAMES,
    projectSearchDirs,
    userHadolintConfigs,
} from '../shared/configFiles';
import { type ConfigFile, readConfigFile } from './config';
import { CliError, errorText } from './errors';
import type { Source } from './files';

/** `--config <file>`: a Dockwise config, or a hadolint one (by its name or its keys). */
export type GivenConfig = { kind: 'dockwise'; file: ConfigFile } | { kind: 'hadolint'; found: FoundHadolintConfig };

export interface FoundHadolintConfig {
    path: string;
    parsed: HadolintConfig;
}

export function readGivenConfig(file: string, rules: readonly Rule[]): GivenConfig {
    if (/hadolint/i.test(path.basename(file))) {
        return { kind: 'hadolint', found: readHadolintConfig(file) };
    }
    let data: unknown;
    try {
        const text = readFileSync(file, 'utf8');
        data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
    } catch {
        // Unreadable or malformed: readConfigFile says so.
    }
    if (isHadolintConfigData(data)) {
        return { kind: 'hadolint', found: readHadolintConfig(file) };
    }
    return { kind: 'dockwise', file: readConfigFile(file, rules) };
}

function readHadolintConfig(file: string): FoundHadolintConfig {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (e) {
        throw new CliError(`cannot read hadolint config ${file}: ${errorText(e)}`);
    }
    try {
        return { path: file, parsed: parseHadolintConfig(text) };
    } catch (e) {
        const why = e instanceof HadolintConfigError ? e.message : errorText(e);
        throw new CliError(`hadolint config ${file} is invalid: ${why}`);
    }
}

/**
 * Finds the hadolint config of each Dockerfile as hadolint would from the Dockerfile's folder:
 * that folder and its parents up to the repository root, then the working directory (and its
 * parents up to its repository root), then the user-level files. Each file is parsed once.
 */
export class HadolintConfigs {
    private readonly cache = new Map<string, FoundHadolintConfig>();

    constructor(
        private readonly cwd: string,
        private readonly env: Readonly<Record<string, string | undefined>>,
    ) {}

    /** Every config used so far, in the order first used (for their warnings). */
    get used(): FoundHadolintConfig[] {
        return [...this.cache.values()];
    }

    for(source: Source, stdinFilename: string | undefined): FoundHadolintConfig | undefined {
        const hasGit = (dir: string) => existsSync(path.join(dir, '.git'));
        const dirs = [
            ...projectSearchDirs(path.dirname(dockerfilePath(source, this.cwd, stdinFilename)), hasGit),
            ...projectSearchDirs(this.cwd, hasGit),
        ];
        const home = this.env.HOME ?? this.env.USERPROFILE;
        const candidates = [
            ...dirs.flatMap((d) => HADOLINT_CONFIG_NAMES.map((n) => path.join(d, n))),
            ...userHadolintConfigs({
                home,
                xdgConfigHome: this.env.XDG_CONFIG_HOME,
                localAppData: this.env.LOCALAPPDATA,
            }),
        ];
        const file = candidates.find(isFile);
        if (file === undefined) {
            return undefined;
        }
        let found = this.cache.get(file);
        if (!found) {
            found = readHadolintConfig(file);
            this.cache.set(file, found);
        }
        return found;
    }
}

/** The Dockerfile's path on disk; for stdin, `--stdin-filename` (or a Dockerfile) in the working directory. */
function dockerfilePath(source: Source, cwd: string, stdinFilename: string | undefined): string {
    return source.absolute ?? path.resolve(cwd, stdinFilename ?? 'Dockerfile');
}

/** The `.dockerignore` content of the source's build context, taken as its folder (as `docker build .` there). */
export function readDockerignore(source: Source, cwd: string, stdinFilename: string | undefined): string | undefined {
    for (const candidate of dockerignoreCandidates(dockerfilePath(source, cwd, stdinFilename))) {
        if (isFile(candidate)) {
            try {
                return readFileSync(candidate, 'utf8');
            } catch (e) {
                throw new CliError(`cannot read ${candidate}: ${errorText(e)}`);
            }
        }
    }
    return undefined;
}

function isFile(file: string): boolean {
    try {
        return statSync(file).isFile();
    } catch {
        return false;
    }
}
