// Which files are compose files, and which of them belong together (a base file and its overrides), the way
// Compose itself pairs them. Pure: callers list the folder.
import * as path from 'node:path';

/** Names Compose reads by default, in its order of preference. */
export const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'] as const;

const BASE = /^(docker-)?compose\.ya?ml$/i;
/** `compose.override.yaml`, `docker-compose.prod.yml`, … */
const VARIANT = /^((?:docker-)?compose)\.([^/\\]+)\.ya?ml$/i;

/** True for a compose file name, or a file the user listed (`dockwise.compose.files`, glob-free names or paths). */
export function isComposeFile(file: string, extra: readonly string[] = []): boolean {
    const name = path.basename(file);
    if (BASE.test(name) || VARIANT.test(name)) {
        return true;
    }
    return extra.some((e) =>
        e.includes('/') || e.includes('\\') ? path.resolve(e) === path.resolve(file) : e === name,
    );
}

export interface ComposeFileSet {
    /** The files Compose gets, in `-f` order: the base first, then overrides. */
    readonly files: readonly string[];
    /** The folder relative paths resolve against (the base file's folder). */
    readonly workingDir: string;
}

/** Base files in a folder (several when e.g. both `compose.yaml` and `docker-compose.yml` exist). */
export function baseFilesIn(names: readonly string[]): string[] {
    return names.filter((n) => BASE.test(n)).sort((a, b) => rank(a) - rank(b));
}

function rank(name: string): number {
    const i = (BASE_NAMES as readonly string[]).indexOf(name.toLowerCase());
    return i < 0 ? BASE_NAMES.length : i;
}

/**
 * The file set for a chosen file. A base file brings its `.override` file along, as Compose does without `-f`
 * (an explicit `-f` list turns that off, so we add it ourselves). A variant (`compose.prod.yaml`) is applied on
 * top of its base: base, override, variant. `siblings` are the names in the chosen file's folder; `pickBase`
 * chooses when the folder has several base files.
 */
export function fileSetFor(file: string, siblings: readonly string[], pickBase?: string): ComposeFileSet {
    const dir = path.dirname(file);
    const name = path.basename(file);
    const join = (n: string): string => path.join(dir, n);
    if (!BASE.test(name) && !VARIANT.test(name)) {
        return { files: [file], workingDir: dir }; // a file the user listed: taken as it is
    }
    const variant = VARIANT.exec(name);
    const base = BASE.test(name) ? name : (pickBase ?? baseFor(variant![1]!, siblings));
    if (!base) {
        return { files: [file], workingDir: dir };
    }
    const override = overrideOf(base, siblings);
    const files = [base];
    if (override) {
        files.push(override);
    }
    if (!BASE.test(name) && !files.includes(name)) {
        files.push(name);
    }
    return { files: files.map(join), workingDir: dir };
}

/** The base a variant belongs to: same stem (`docker-compose.prod.yml` → `docker-compose.yml`), else any. */
function baseFor(stem: string, siblings: readonly string[]): string | undefined {
    const bases = baseFilesIn(siblings);
    return bases.find((b) => b.toLowerCase().startsWith(`${stem.toLowerCase()}.`)) ?? bases[0];
}

function overrideOf(base: string, siblings: readonly string[]): string | undefined {
    const stem = base.replace(/\.ya?ml$/i, '');
    const wanted = [`${stem}.override.yaml`, `${stem}.override.yml`].map((n) => n.toLowerCase());
    return siblings.find((s) => wanted.includes(s.toLowerCase()));
}
