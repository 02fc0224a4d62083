import type { Flag } from 'dockerfile-ast';
import type { DockerfileModel, Instruction, Stage } from '../model';

/**
 * Image references as the builder reads them (github.com/distribution/reference): the registry,
 * repository, tag and digest of `FROM`, `COPY --from` and `RUN --mount=from=` values.
 */

export interface ImageReference {
    /** The registry host as written (`ghcr.io`, `localhost:5000`); undefined means Docker Hub. */
    registry: string | undefined;
    repository: string;
    tag: string | undefined;
    digest: string | undefined;
}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
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

/** Why a reference (no variables) is not one the builder accepts, or undefined when it is. */
export function referenceProblem(ref: string): string | undefined {
    if (ref === '') {
        return 'the image name is empty';
    }
    const m = REFERENCE.exec(ref);
    if (m) {
        return m[2]!.length + (m[1] ? m[1].length + 1 : 0) > 255
            ? 'the repository name is longer than 255 characters'
            : undefined;
    }
    const parts = splitReference(ref);
    if (parts.repository !== parts.repository.toLowerCase()) {
        return 'repository names must be lowercase';
    }
    if (parts.tag === '') {
        return 'the tag after `:` is empty';
    }
    if (parts.digest === '') {
        return 'the digest after `@` is empty';
    }
    return 'it is not a valid image reference';
}

/** Docker Hub under the names users write in allow-lists. */
export const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

/** Whether the value (a FROM image or a --from) names a stage defined before `before`. */
export function earlierStage(model: DockerfileModel, value: string, before: Stage | undefined): Stage | undefined {
    const lower = value.toLowerCase();
    const limit = before ? before.index : model.stages.length;
    if (/^\d+$/.test(value)) {
        const index = Number(value);
        return index < limit ? model.stages[index] : undefined;
    }
    const first = firstByAlias(model).get(lower);
    return first && first.index < limit ? first : undefined;
}

const aliases = new WeakMap<DockerfileModel, Map<string, Stage>>();

/** The first stage of each name, once per model: a scan per stage was quadratic (50,000 stages took 5 s). */
function firstByAlias(model: DockerfileModel): Map<string, Stage> {
    let map = aliases.get(model);
    if (!map) {
        map = new Map();
        for (const s of model.stages) {
            if (s.alias !== undefined && !map.has(s.alias)) {
                map.set(s.alias, s);
            }
        }
        aliases.set(model, map);
    }
    return map;
}

export interface MountFrom {
    /** The `from=` value. */
    value: string;
    /** `type=` of the mount (bind when absent). */
    type: string;
    /** Document offsets of the value. */
    start: number;
    end: number;
}

/** `from=` values of a RUN's `--mount` flags. */
export function mountFroms(model: DockerfileModel, inst: Instruction): MountFrom[] {
    const ast = inst.ast as { getFlags?: () => Flag[] };
    if (inst.keyword !== 'RUN' || typeof ast.getFlags !== 'function') {
        return [];
    }
    const out: MountFrom[] = [];
    for (const flag of ast.getFlags()) {
        if (flag.getName() !== 'mount') {
            continue;
        }
        const options = flag.getOptions();
        const from = options.find((o) => o.getName() === 'from');
        const range = from?.getValueRange();
        if (!from || !range) {
            continue;
        }
        const type = options.find((o) => o.getName() === 'type')?.getValue() ?? 'bind';
        out.push({
            value: from.getValue() ?? '',
            type,
            start: model.offsetAt(range.start),
            end: model.offsetAt(range.end),
        });
    }
    return out;
}
