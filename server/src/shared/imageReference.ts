// Image references (`[registry[:port]/]name[:tag][@digest]`): one grammar and one parser for the lint core and the
// client. Pure and a leaf, like the rest of shared/. Each side words its own messages from `referenceProblem`.

export interface ImageReference {
    /** The registry host as written (`ghcr.io`, `localhost:5000`); undefined means Docker Hub. */
    readonly registry: string | undefined;
    /** The repository path as written (`nginx`, `library/nginx`, `team/app`). */
    readonly repository: string;
    readonly tag: string | undefined;
    readonly digest: string | undefined;
}

// From the distribution reference grammar (github.com/distribution/reference, regexp.go).
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
export const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
export const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
    `^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);

/** Splits a reference (no variables) into its parts; the registry is the first component only when it looks like a host. */
export function splitReference(ref: string): ImageReference {
    let rest = ref;
    let digest: string | undefined;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let registry: string | undefined;
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    if (
        first &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())
    ) {
        registry = first;
        rest = rest.slice(slash + 1);
    }
    let tag: string | undefined;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    return { registry, repository: rest, tag, digest };
}

/**
 * The reference as lookups of known images compare it: trimmed and lower-case, with Docker Hub's `library/` (and
 * the `docker/library/` that mirrors keep: `public.ecr.aws/docker/library/nginx`) dropped from the repository.
 */
export function canonicalReference(ref: string): ImageReference {
    const parts = splitReference(ref.trim().toLowerCase());
    return { ...parts, repository: parts.repository.replace(/^(docker\/)?library\//, '') };
}

export type ReferenceProblem =
    'empty' | 'spaces' | 'too-long' | 'uppercase' | 'empty-tag' | 'empty-digest' | 'bad-digest' | 'invalid';

/** What is wrong with a reference (no variables), or undefined when the engine accepts it. */
export function referenceProblem(ref: string): ReferenceProblem | undefined {
    if (ref === '') {
        return 'empty';
    }
    if (/\s/.test(ref)) {
        return 'spaces';
    }
    const m = REFERENCE.exec(ref);
    if (m) {
        return m[2]!.length + (m[1] ? m[1].length + 1 : 0) > 255 ? 'too-long' : undefined;
    }
    const parts = splitReference(ref);
    if (parts.repository !== parts.repository.toLowerCase()) {
        return 'uppercase';
    }
    if (parts.tag === '') {
        return 'empty-tag';
    }
    if (parts.digest === '') {
        return 'empty-digest';
    }
    return parts.digest !== undefined ? 'bad-digest' : 'invalid';
}
