import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintConfig } from '../core/config';
import { type HadolintConfig, HadolintConfigError, parseHadolintConfig } from '../core/hadolintConfig';
import { mergeLintConfigs, ruleOptionsFrom, withDockerignore } from '../core/projectConfig';
import {
    dockerignoreCandidates,
    HADOLINT_CONFIG_NAMES,
    type HomeDirs,
    projectSearchDirs,
    userHadolintConfigs,
} from '../shared/configFiles';
import type { DockwiseSettings } from '../shared/settings';
import { errorText, type Logger } from './logger';

/** What linting one document takes from the files around it. */
export interface ProjectConfig {
    config: LintConfig;
    /** Why the hadolint config found for the document was not applied (shown on its first line). */
    problem?: string;
}

/** Ignore files over this size are not read (no real one comes close). */
const MAX_FILE_BYTES = 1_000_000;

/** The settings as a LintConfig: severities, ignore comments and the options of the rules. */
export function settingsConfig(settings: DockwiseSettings): LintConfig {
    return {
        rules: settings.rules,
        inlineSuppressions: settings.lint.inlineSuppressions,
        ruleOptions: ruleOptionsFrom(settings.lint),
    };
}

/**
 * Reads, for each document on disk, the hadolint config that applies to it (the Dockerfile's
 * folder up to its workspace folder or repository root, then the user-level files) and the
 * `.dockerignore` of its build context. Files are read on every lint: they are small, and the
 * findings follow an edit even where no file watcher reports it (user-level files).
 */
export class ProjectFiles {
    /** The last parse per config path, so a config is parsed (and its warnings logged) once per content. */
    private readonly parsed = new Map<string, { text: string; result: HadolintConfig | HadolintConfigError }>();

    constructor(
        private readonly workspaceFolders: () => readonly string[],
        private readonly homeDirs: HomeDirs,
        private readonly logger: Logger,
    ) {}

    /** The LintConfig for `uri`: the hadolint config with the settings on top, plus the .dockerignore. */
    configFor(uri: string, settings: DockwiseSettings): ProjectConfig {
        const own = settingsConfig(settings);
        const file = filePath(uri);
        if (!file) {
            return { config: own };
        }
        let config = own;
        let problem: string | undefined;
        if (settings.hadolint.useConfig) {
            const found = this.hadolintConfig(path.dirname(file));
            if (found instanceof HadolintConfigError) {
                problem = found.message;
            } else if (found) {
                config = mergeLintConfigs(found.config, own);
            }
        }
        return { config: withDockerignore(config, this.dockerignore(file)), problem };
    }

    private hadolintConfig(dir: string): HadolintConfig | HadolintConfigError | undefined {
        const roots = this.workspaceFolders().map((f) => path.resolve(f));
        const isRoot = (d: string) => roots.includes(d) || existsSync(path.join(d, '.git'));
        const candidates = [
            ...projectSearchDirs(dir, isRoot).flatMap((d) => HADOLINT_CONFIG_NAMES.map((n) => path.join(d, n))),
            ...userHadolintConfigs(this.homeDirs),
        ];
        for (const candidate of candidates) {
            const text = readSmall(candidate);
            if (text === undefined) {
                continue;
            }
            const known = this.parsed.get(candidate);
            if (known && known.text === text) {
                return known.result;
            }
            let result: HadolintConfig | HadolintConfigError;
            try {
                result = parseHadolintConfig(text);
                for (const w of result.warnings) {
                    this.logger.warn(`${candidate}: ${w}`);
                }
            } catch (e) {
                const why = e instanceof HadolintConfigError ? e.message : errorText(e);
                result = new HadolintConfigError(
                    `The hadolint config ${candidate} is invalid and was not applied: ${why}`,
                );
                this.logger.warn(result.message);
            }
            this.parsed.set(candidate, { text, result });
            return result;
        }
        return undefined;
    }

    private dockerignore(file: string): string | undefined {
        for (const candidate of dockerignoreCandidates(file)) {
            const text = readSmall(candidate);
            if (text !== undefined) {
                return text;
            }
        }
        return undefined;
    }
}

/** The local path of a `file:` URI; other schemes (untitled, virtual workspaces) have no folder to read. */
export function filePath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) {
        return undefined;
    }
    try {
        return fileURLToPath(uri);
    } catch {
        return undefined;
    }
}

function readSmall(file: string): string | undefined {
    try {
        const stat = statSync(file);
        if (!stat.isFile() || stat.size > MAX_FILE_BYTES) {
            return undefined;
        }
        return readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
}
