import { PropertyInstruction } from 'dockerfile-ast';
import { ALWAYS_SET, namesInScope, PREDEFINED_ARGS, variableRefs } from '../knowledge/buildArgs';
import type { DockerfileModel, Instruction, Stage } from '../model';
import type { Finding, Rule } from '../types';

function check(model: DockerfileModel, stage: Stage, inst: Instruction): Finding[] {
    if (!(inst.ast instanceof PropertyInstruction)) {
        return [];
    }
    const props = inst.ast.getProperties();
    const index = new Map(props.map((p, i) => [p.getName(), i]));
    const before = namesInScope(stage, inst);
    const findings: Finding[] = [];
    props.forEach((p, i) => {
        const vr = p.getValueRange();
        if (!vr) {
            return;
        }
        const start = model.offsetAt(vr.start);
        const raw = model.text.slice(start, model.offsetAt(vr.end));
        const refs = variableRefs(raw, model.escape).filter((r) => {
            const j = index.get(r.name);
            return (
                j !== undefined &&
                j !== i &&
                !before.has(r.name) &&
                !PREDEFINED_ARGS.has(r.name) &&
                !ALWAYS_SET.has(r.name)
            );
        });
        if (refs.length === 0) {
            return;
        }
        // Splitting the ENV before this pair gives it the new values, when all it uses are set earlier in the line.
        const prev = props[i - 1];
        const splittable = prev !== undefined && refs.every((r) => index.get(r.name)! < i);
        for (const r of refs) {
            findings.push({
                range: model.rangeOf(start + r.start, start + r.end),
                message: `Do not refer to an environment variable within the same ENV statement where it is defined: '$${r.name}' here is the value from before this ENV (${before.has(r.name) ? 'set earlier' : 'unset, so empty'}), not the one this line sets.`,
                fixes: splittable
                    ? [
                          {
                              title: `Split the ENV before ${p.getName()}`,
                              preferred: true,
                              edits: [
                                  {
                                      range: model.rangeOf(
                                          model.offsetAt(prev.getRange().end),
                                          model.offsetAt(p.getRange().start),
                                      ),
                                      newText: `${model.eol}${inst.ast.getInstruction()} `,
                                  },
                              ],
                          },
                      ]
                    : undefined,
            });
        }
    });
    return findings;
}

export const envSelfReference: Rule = {
    id: 'env-self-reference',
    title: 'Do not use a variable in the ENV that defines it',
    category: 'correctness',
    defaultSeverity: 'error',
    equivalents: { hadolint: ['DL3044'] },
    docs: {
        why: 'All values of one ENV instruction are expanded before any of them is set, so `ENV A=1 B=$A` sets B to the old A (usually empty), not 1. Define the variable in an earlier ENV.',
        bad: 'FROM alpine:3.20\nENV APP_HOME=/opt/app APP_BIN=${APP_HOME}/bin\n',
        good: 'FROM alpine:3.20\nENV APP_HOME=/opt/app\nENV APP_BIN=${APP_HOME}/bin\n',
        notes: 'A variable referring to itself (`ENV PATH=/opt/bin:$PATH`) is fine, and so is one that an earlier ARG or ENV of the stage already defines (hadolint’s reading). The quick fix splits the ENV in two before the pair that uses the variable.',
    },
    check({ model }) {
        return model.stages.flatMap((stage) =>
            stage.instructions.filter((i) => i.keyword === 'ENV').flatMap((inst) => check(model, stage, inst)),
        );
    },
};
