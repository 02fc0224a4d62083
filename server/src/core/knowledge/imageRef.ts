import type { Flag } from 'dockerfile-ast';
import { type ReferenceProblem, referenceProblem as sharedReferenceProblem } from '../../shared/imageReference';
import type { DockerfileModel, Instruction, Stage } from '../model';

/**
 * Image references as the builder reads them: the grammar and the parser are shared with the client
 * (`shared/imageReference.ts`); this module words the problems for findings and finds `from=` values.
 */

const PROBLEM_TEXT: Record<ReferenceProblem, string> = {
    empty: 'the image name is empty',
    spaces: 'it is not a valid image reference',
    'too-long': 'the repository name is longer than 255 characters',
    uppercase: 'repository names must be lowercase',
    'empty-tag': 'the tag after `:` is empty',
    'empty-digest': 'the digest after `@` is empty',
    'bad-digest': 'it is not a valid image reference',
    invalid: 'it is not a valid image reference',
};

/** Why a reference (no variables) is not one the builder accepts, or undefined when it is. */
export function referenceProblem(ref: string): string | undefined {
    const problem = sharedReferenceProblem(ref);
    return problem && PROBLEM_TEXT[problem];
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
