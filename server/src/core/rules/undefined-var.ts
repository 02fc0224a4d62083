import {
    ALWAYS_SET,
    declareArgEdit,
    definedBy,
    expandedTexts,
    globalArgs,
    namesInScope,
    PLATFORM_ARGS,
    PREDEFINED_ARGS,
    rootImage,
    suggest,
    variableRefs,
} from '../knowledge/buildArgs';
import type { DockerfileModel, Instruction, Stage } from '../model';
import type { Finding, Fix, Rule } from '../types';

/** Instructions whose arguments the builder expands (RUN, CMD and ENTRYPOINT leave it to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'LABEL', 'WORKDIR', 'USER', 'EXPOSE', 'VOLUME', 'STOPSIGNAL']);

function laterNames(stage: Stage, inst: Instruction): Set<string> {
    const after = stage.instructions.slice(stage.instructions.indexOf(inst) + 1);
    return new Set(after.flatMap((i) => definedBy(i)));
}

function check(model: DockerfileModel): Finding[] {
    const globals = new Set(globalArgs(model).map((a) => a.name));
    const findings: Finding[] = [];
    for (const stage of model.stages) {
        const scratch = rootImage(stage).toLowerCase() === 'scratch';
        for (const inst of stage.instructions) {
            if (!EXPANDED.has(inst.keyword)) {
                continue;
            }
            // A COPY/ADD heredoc body is file content, not arguments: expandedTexts stops before it.
            const refs = expandedTexts(model, inst).flatMap((lt) =>
                variableRefs(lt.text, model.escape).map((ref) => ({ ref, lt })),
            );
            if (refs.length === 0) {
                continue;
            }
            // Scope and later names scan the stage: only for instructions that use a variable (else quadratic).
            const scope = namesInScope(stage, inst);
            // Names the same ENV defines are env-self-reference's; earlier names of one ARG are in scope.
            const own = new Set(definedBy(inst));
            let later: Set<string> | undefined;
            for (const { ref, lt } of refs) {
                const name = ref.name;
                if (
                    ref.modifier !== '' ||
                    scope.has(name) ||
                    own.has(name) ||
                    PREDEFINED_ARGS.has(name) ||
                    ALWAYS_SET.has(name)
                ) {
                    continue;
                }
                later ??= laterNames(stage, inst);
                const range = model.rangeOf(lt.map[ref.start]!, lt.map[ref.end - 1]! + 1);
                const declare: Fix = {
                    title: `Declare ARG ${name} in this stage`,
                    preferred: true,
                    edits: [declareArgEdit(model, stage, name)],
                };
                if (globals.has(name) || PLATFORM_ARGS.has(name)) {
                    const what = globals.has(name)
                        ? 'is a global ARG (declared before the first FROM)'
                        : 'is a predefined platform ARG';
                    findings.push({
                        range,
                        message: `Usage of undefined variable '$${name}': it ${what}, which a stage sees only after \`ARG ${name}\` inside it; here it expands to nothing.`,
                        fixes: [declare],
                    });
                    continue;
                }
                if (later.has(name)) {
                    findings.push({
                        range,
                        message: `Usage of undefined variable '$${name}': it is defined only further down this stage, so here it expands to nothing. Move the ARG/ENV above this line.`,
                    });
                    continue;
                }
                const near = suggest(name, [...scope, ...globals]);
                if (!near && !scratch) {
                    // Could come from the base image's environment, which only a registry knows.
                    continue;
                }
                const nameRange = model.rangeOf(lt.map[ref.nameStart]!, lt.map[ref.nameStart + name.length - 1]! + 1);
                findings.push({
                    range,
                    message: `Usage of undefined variable '$${name}'${near ? ` (did you mean $${near}?)` : ''}: no ARG or ENV defines it${scratch ? '' : ' in this stage'}.`,
                    fixes: near
                        ? [{ title: `Change to $${near}`, edits: [{ range: nameRange, newText: near }] }]
                        : undefined,
                });
            }
        }
    }
    return findings;
}

export const undefinedVar: Rule = {
    id: 'undefined-var',
    title: 'Define variables before using them',
    category: 'correctness',
    defaultSeverity: 'warning',
    equivalents: { buildkit: ['UndefinedVar'] },
    docs: {
        why: 'An undefined `$NAME` in COPY, ENV, WORKDIR, LABEL or USER silently expands to nothing: files land in the wrong place, labels are empty. The classic cause is a global ARG (declared before the first FROM) used in a stage without `ARG NAME` inside it.',
        bad: 'ARG VERSION=1.4.2\nFROM alpine:3.20\nCOPY app-${VERSION}.tar.gz /opt/\n',
        good: 'ARG VERSION=1.4.2\nFROM alpine:3.20\nARG VERSION\nCOPY app-${VERSION}.tar.gz /opt/\n',
        notes: [
            'Reported: global ARGs and the platform ARGs (`TARGETARCH`, `BUILDPLATFORM`, …) not declared in the stage (the quick fix adds `ARG NAME` after the FROM); names defined only further down the stage; names close to a defined one (`$VERSON`, with a fix); and, in stages built on `scratch`, every undefined name.',
            'Not reported: names the base image may set (a static linter cannot see another image’s environment, which BuildKit reads from the registry), `PATH`, the proxy ARGs (`HTTP_PROXY`, …), references with a default (`${NAME:-x}`), and RUN, CMD and ENTRYPOINT, where the shell expands variables. A name defined in the same ENV is reported by `env-self-reference`.',
        ].join('\n\n'),
    },
    check({ model }) {
        return check(model);
    },
};
