import { expandedTexts, globalArgs, PLATFORM_ARGS, suggest, variableRefs } from '../knowledge/buildArgs';
import type { Finding, Rule } from '../types';

export const undefinedArgInFrom: Rule = {
    id: 'undefined-arg-in-from',
    title: 'Declare the ARGs a FROM uses before the first FROM',
    category: 'correctness',
    defaultSeverity: 'warning',
    equivalents: { buildkit: ['UndefinedArgInFrom'] },
    docs: {
        why: 'A FROM line can only use build arguments declared before the first FROM (global ARGs) and the predefined platform args. Any other name expands to nothing, so the base image silently becomes something else or the build fails with an empty name.',
        bad: 'FROM node:${NODE_VERSION}-alpine\n',
        good: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\n',
        notes: 'The predefined `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, `TARGETVARIANT`, `BUILDPLATFORM`, `BUILDOS`, `BUILDARCH` and `BUILDVARIANT` need no declaration. An ARG declared inside a stage does not count for later FROM lines. References with a default or alternative (`${TAG:-3.20}`) are not reported: the author has decided what an unset value means. Near names are suggested (`VERSON` → `VERSION`).',
    },
    check({ model }) {
        const declared = new Set(globalArgs(model).map((a) => a.name));
        const known = new Set([...declared, ...PLATFORM_ARGS.keys()]);
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const refs = expandedTexts(model, stage.from).flatMap((lt) =>
                variableRefs(lt.text, model.escape).map((ref) => ({ ref, lt })),
            );
            for (const { ref, lt } of refs) {
                if (known.has(ref.name) || ref.modifier !== '') {
                    continue;
                }
                const near = suggest(ref.name, known);
                findings.push({
                    range: model.rangeOf(lt.map[ref.start]!, lt.map[ref.end - 1]! + 1),
                    message: `FROM argument '${ref.name}' is not declared${near ? ` (did you mean ${near}?)` : ''}: declare it with \`ARG ${ref.name}=<default>\` before the first FROM.`,
                    fixes: near
                        ? [
                              {
                                  title: `Change to ${near}`,
                                  edits: [
                                      {
                                          range: model.rangeOf(
                                              lt.map[ref.nameStart]!,
                                              lt.map[ref.nameStart + ref.name.length - 1]! + 1,
                                          ),
                                          newText: near,
                                      },
                                  ],
                              },
                          ]
                        : undefined,
                });
            }
        }
        return findings;
    },
};
