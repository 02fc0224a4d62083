import { expandWord, globalArgs, PLATFORM_ARGS, variableRefs } from '../knowledge/buildArgs';
import { earlierStage, referenceProblem } from '../knowledge/imageRef';
import type { Finding, Rule } from '../types';

export const invalidDefaultArgInFrom: Rule = {
    id: 'invalid-default-arg-in-from',
    title: 'ARG defaults must make a valid base image',
    category: 'correctness',
    defaultSeverity: 'warning',
    equivalents: { buildkit: ['InvalidDefaultArgInFrom'] },
    docs: {
        why: 'A FROM built from ARGs must still name an image when nobody passes `--build-arg`: with an empty or missing default, `FROM busybox:${TAG}` becomes `busybox:`, and the build fails for everyone who builds without the argument.',
        bad: 'ARG TAG\nFROM busybox:${TAG}\n',
        good: 'ARG TAG=1.37\nFROM busybox:${TAG}\n',
        notes: 'The FROM image is expanded with the global ARG defaults and the platform args of a linux/amd64 build, then checked as an image reference (non-empty, lowercase repository, valid tag and digest). `${TAG:-1.37}` also gives a valid default. Names no ARG declares are left to `undefined-arg-in-from`.',
    },
    check({ model }) {
        const args = globalArgs(model);
        const env = new Map<string, string>(PLATFORM_ARGS);
        for (const a of args) {
            env.set(a.name, a.value === undefined ? '' : expandWord(a.value, model.escape, env));
        }
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const words = stage.from.args();
            const m = /^(?:--\S+\s+)*(\S+)/.exec(words.text);
            if (!m || !m[1]!.includes('$')) {
                continue;
            }
            const image = m[1]!;
            const refs = variableRefs(image, model.escape);
            if (refs.length === 0 || refs.some((r) => !env.has(r.name))) {
                continue;
            }
            const value = expandWord(image, model.escape, env);
            if (value.toLowerCase() === 'scratch' || earlierStage(model, value, stage)) {
                continue;
            }
            const problem = referenceProblem(value);
            if (!problem) {
                continue;
            }
            const start = m[0].length - image.length;
            const empty = refs.filter((r) => env.get(r.name) === '').map((r) => r.name);
            findings.push({
                range: model.rangeOf(words.map[start]!, words.map[start + image.length - 1]! + 1),
                message: `Default value for ${empty.length > 0 ? `ARG ${empty.join(', ')}` : 'the ARGs'} results in an invalid base image \`${value}\`: ${problem}. Give the ARG a default (\`ARG ${empty[0] ?? refs[0]!.name}=…\`) or the reference a fallback (\`\${${refs[0]!.name}:-…}\`).`,
            });
        }
        return findings;
    },
};
