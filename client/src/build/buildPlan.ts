// Pure parts of the Build Image command: what the Dockerfile offers (stages, ARGs), defaults, validation
// and the equivalent `docker build` command line shown to the user. No vscode import: unit-tested in Node.
import { PATH_COMPONENT, splitReference, TAG } from '../../../server/src/shared/imageReference';

export interface DockerfileFacts {
    /** Named stages (`FROM … AS name`), in order. */
    stages: string[];
    /** ARGs with their defaults, the global ones (before the first FROM) first; no duplicates. */
    args: { name: string; defaultValue?: string }[];
}

/** Logical lines: continuations joined, comments dropped (escape directive honoured). */
function logicalLines(content: string): string[] {
    const escape = /^#\s*escape\s*=\s*`/im.test(content.split(/\r?\n/, 5).join('\n')) ? '`' : '\\';
    const out: string[] = [];
    let current = '';
    for (const raw of content.split(/\r\n|\r|\n/)) {
        const line = raw.trim();
        if (line.startsWith('#')) {
            continue;
        }
        if (line.endsWith(escape)) {
            current += `${line.slice(0, -1)} `;
            continue;
        }
        current += line;
        if (current.trim()) {
            out.push(current.trim());
        }
        current = '';
    }
    if (current.trim()) {
        out.push(current.trim());
    }
    return out;
}

export function dockerfileFacts(content: string): DockerfileFacts {
    const stages: string[] = [];
    const args: { name: string; defaultValue?: string }[] = [];
    const seen = new Set<string>();
    for (const line of logicalLines(content)) {
        const from = /^FROM\s.*?\sAS\s+(\S+)\s*$/i.exec(line);
        if (from) {
            stages.push(from[1] as string);
            continue;
        }
        const arg = /^ARG\s+(.+)$/i.exec(line);
        if (!arg) {
            continue;
        }
        // `ARG A=1 B` declares several.
        for (const decl of (arg[1] as string).match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? []) {
            const eq = decl.indexOf('=');
            const name = eq >= 0 ? decl.slice(0, eq) : decl;
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || seen.has(name)) {
                continue;
            }
            seen.add(name);
            const value = eq >= 0 ? decl.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2') : undefined;
            args.push(value === undefined ? { name } : { name, defaultValue: value });
        }
    }
    return { stages, args };
}

/** `<folder>:latest`, made a valid repository name (lower case, no spaces). */
export function defaultTag(folderName: string): string {
    const repo =
        folderName
            .toLowerCase()
            .replace(/[^a-z0-9._-]+/g, '-')
            .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'image';
    return `${repo}:latest`;
}

/** Undefined when `ref` is a usable image reference for `-t`, else why not. */
export function validateTag(ref: string): string | undefined {
    const v = ref.trim();
    if (!v) {
        return 'Enter a name such as app:latest.';
    }
    const { registry, repository, tag, digest } = splitReference(v);
    if (digest !== undefined) {
        return 'A build tag has no digest: drop the @… part.';
    }
    if (tag !== undefined && !TAG_RE.test(tag)) {
        return `"${tag}" is not a valid tag (letters, digits, _ . -; at most 128).`;
    }
    if (registry !== undefined && !/^[A-Za-z0-9.-]+(:\d+)?$/.test(registry)) {
        return `"${registry}" is not a valid registry host.`;
    }
    for (const part of repository.split('/')) {
        if (!PATH_RE.test(part)) {
            return `"${part}" must be lower case letters and digits, separated by . _ or -.`;
        }
    }
    return undefined;
}

const TAG_RE = new RegExp(`^${TAG}$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}$`);

export interface BuildPlan {
    contextDir: string;
    dockerfile: string;
    tag?: string;
    target?: string;
    buildArgs?: Record<string, string>;
    noCache?: boolean;
    pull?: boolean;
    platform?: string;
    /** Image labels; only a plan given as a command argument has them. */
    labels?: Record<string, string>;
}

/** POSIX shell quoting, only where needed. */
export function shellQuote(s: string): string {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The `docker build` invocation doing the same build, paths relative to `cwd` when inside it. */
export function buildCommandLine(plan: BuildPlan, cwd?: string): string {
    const rel = (p: string): string => {
        if (!cwd) {
            return p;
        }
        const base = cwd.endsWith('/') ? cwd : `${cwd}/`;
        return p === cwd ? '.' : p.startsWith(base) ? p.slice(base.length) : p;
    };
    const parts = ['docker', 'build'];
    const defaultDockerfile = `${plan.contextDir.replace(/\/$/, '')}/Dockerfile`;
    if (plan.dockerfile !== defaultDockerfile) {
        parts.push('-f', rel(plan.dockerfile));
    }
    if (plan.tag) {
        parts.push('-t', plan.tag);
    }
    if (plan.target) {
        parts.push('--target', plan.target);
    }
    for (const [k, v] of Object.entries(plan.buildArgs ?? {})) {
        parts.push('--build-arg', `${k}=${v}`);
    }
    if (plan.noCache) {
        parts.push('--no-cache');
    }
    if (plan.pull) {
        parts.push('--pull');
    }
    if (plan.platform) {
        parts.push('--platform', plan.platform);
    }
    parts.push(rel(plan.contextDir));
    return parts.map(shellQuote).join(' ');
}

/** The diagnostic text of a failed step: the engine's message, then the command's last output lines. */
export function failureMessage(failure: { message: string; output: readonly string[] }, maxLines = 10): string {
    const tail = failure.output.filter((l) => l.trim()).slice(-maxLines);
    return tail.length ? `${failure.message}\n\nLast output:\n${tail.join('\n')}` : failure.message;
}

/**
 * The question an untrusted workspace must answer before a build: the build sends the context folder to the
 * engine and runs the Dockerfile's RUN steps there, which a cloned repository must not do unasked.
 */
export function untrustedBuildQuestion(
    plan: Pick<BuildPlan, 'contextDir' | 'dockerfile'>,
    engine: string,
): { message: string; detail: string; confirm: string } {
    return {
        message: 'Build an image from an untrusted workspace?',
        detail:
            `The build sends the folder ${plan.contextDir} (minus what .dockerignore excludes) to the Docker engine ` +
            `(${engine}) and runs the RUN steps of ${plan.dockerfile} in containers there. ` +
            'Only build if you trust this Dockerfile.',
        confirm: 'Build',
    };
}
