// What a set of compose files offers to choose from: services, the profiles they belong to, the project name.
// Read with the `yaml` package only to offer choices; Compose stays the authority on what the files mean
// (extends, includes, interpolation are not resolved here).
import * as path from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';

export interface ComposeServiceInfo {
    readonly name: string;
    /** Empty: the service always starts. */
    readonly profiles: readonly string[];
    readonly image?: string;
}

export interface ComposeConfig {
    /** The `name:` key, when a file sets one. */
    readonly name?: string;
    /** Services by name, in file order (later files add services and may replace profiles). */
    readonly services: readonly ComposeServiceInfo[];
    /** Every profile named by a service, sorted. */
    readonly profiles: readonly string[];
    /** Problems reading a file (not Compose's verdict: the files are passed to Compose anyway). */
    readonly problems: readonly { file: string; line: number; message: string }[];
}

export interface ComposeText {
    readonly file: string;
    readonly text: string;
}

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Merges the files in `-f` order: a later file's `profiles:` for a service replaces an earlier one's. */
export function readComposeConfig(texts: readonly ComposeText[]): ComposeConfig {
    const services = new Map<string, { profiles: string[]; image?: string }>();
    const problems: { file: string; line: number; message: string }[] = [];
    let name: string | undefined;
    for (const { file, text } of texts) {
        // Merge keys (`<<: *common`) are YAML 1.1, and Compose files use them.
        const doc = parseDocument(text, { merge: true, uniqueKeys: false });
        for (const error of doc.errors) {
            const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
            problems.push({ file, line: (error.linePos?.[0].line ?? 1) - 1, message });
        }
        const root: unknown = doc.toJS({ maxAliasCount: 100 });
        if (!root || typeof root !== 'object') {
            continue;
        }
        const top = root as Record<string, unknown>;
        if (typeof top.name === 'string' && top.name) {
            name = top.name;
        }
        const defined = top.services;
        if (!defined || typeof defined !== 'object') {
            continue;
        }
        for (const [service, raw] of Object.entries(defined as Record<string, unknown>)) {
            const spec = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
            const before = services.get(service);
            services.set(service, {
                profiles: 'profiles' in spec ? strings(spec.profiles) : (before?.profiles ?? []),
                image: typeof spec.image === 'string' ? spec.image : before?.image,
            });
        }
    }
    const list = [...services].map(([n, s]) => ({ name: n, profiles: s.profiles, image: s.image }));
    const profiles = [...new Set(list.flatMap((s) => s.profiles))].sort();
    return { name, services: list, profiles, problems };
}

/**
 * The project name Compose would use: `COMPOSE_PROJECT_NAME` (environment or `.env`), else the `name:` key, else
 * the working directory's name, lowercased, keeping `a-z 0-9 _ -` (what both v1 and v2 keep).
 */
export function projectNameFor(
    config: Pick<ComposeConfig, 'name'>,
    workingDir: string,
    env: Record<string, string | undefined> = {},
): string {
    const raw = env.COMPOSE_PROJECT_NAME || config.name || path.basename(workingDir);
    return normalizeProjectName(raw) || 'default';
}

export function normalizeProjectName(raw: string): string {
    return raw
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, '')
        .replace(/^[_-]+/, '');
}

/** `KEY=value` lines of a `.env` file (comments and blank lines skipped, surrounding quotes removed). */
export function parseEnvFile(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/.exec(line);
        if (m && !line.trimStart().startsWith('#')) {
            const value = m[2]!;
            out[m[1]!] = /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value.replace(/\s+#.*$/, '');
        }
    }
    return out;
}

/**
 * The 0-based line of a key path (`['services', 'web', 'ports']`) in a compose text, or of its longest prefix
 * that exists; undefined when not even the first key is there.
 */
export function lineOfPath(text: string, keys: readonly string[]): number | undefined {
    const doc: Document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
    let node: unknown = doc.contents;
    let found: number | undefined;
    for (const key of keys) {
        if (!isMap(node)) {
            break;
        }
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        if (!pair || !isScalar(pair.key) || !pair.key.range) {
            break;
        }
        found = lineAt(text, pair.key.range[0]);
        node = pair.value;
    }
    return found;
}

function lineAt(text: string, offset: number): number {
    let line = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
        }
    }
    return line;
}
