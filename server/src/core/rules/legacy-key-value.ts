import { PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Fix, Rule } from '../types';

/** `key=value` for a legacy `KEY value`, when the value can be written so without changing it. */
function fix(
    model: DockerfileModel,
    name: string,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
): Fix | undefined {
    const raw = model.text.slice(valueStart, valueEnd);
    // Not across lines (the edit would join them and could eat a character, with an odd escape), nor
    // for a name `${=…` would turn into a syntax error (both found by the fix property tests).
    if (/[\r\n]/.test(model.text.slice(nameEnd, valueEnd)) || /["'$`\\{}=]/.test(name)) {
        return undefined;
    }
    let newValue: string | undefined;
    if (!/\s/.test(raw) || /^"(?:[^"\\]|\\.)*"$/.test(raw) || /^'[^']*'$/.test(raw)) {
        newValue = raw;
    } else if (!/["'\\`]/.test(raw)) {
        newValue = `"${raw}"`;
    }
    if (newValue === undefined) {
        return undefined;
    }
    return {
        title: 'Use key=value',
        preferred: true,
        edits: [{ range: model.rangeOf(nameEnd, valueEnd), newText: `=${newValue}` }],
    };
}

function check(model: DockerfileModel, inst: Instruction): Finding[] {
    if (!(inst.ast instanceof PropertyInstruction)) {
        return [];
    }
    const findings: Finding[] = [];
    for (const p of inst.ast.getProperties()) {
        const vr = p.getValueRange();
        if (p.getAssignmentOperator() !== null || !vr) {
            continue;
        }
        const nameEnd = model.offsetAt(p.getNameRange().end);
        const valueStart = model.offsetAt(vr.start);
        const valueEnd = model.offsetAt(vr.end);
        const name = model.text.slice(model.offsetAt(p.getNameRange().start), nameEnd);
        const f = fix(model, name, nameEnd, valueStart, valueEnd);
        findings.push({
            range: p.getRange(),
            message: `"${inst.keyword} key=value" should be used instead of legacy "${inst.keyword} key value" format: the legacy form takes the whole rest of the line as one value and allows only one pair.`,
            fixes: f ? [f] : undefined,
        });
    }
    return findings;
}

export const legacyKeyValue: Rule = {
    id: 'legacy-key-value',
    title: 'Write ENV and LABEL as key=value',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { buildkit: ['LegacyKeyValueFormat'] },
    docs: {
        why: 'The legacy `ENV key value` form takes everything after the first space as the value, quotes and all, and allows only one variable per line. `key=value` is unambiguous, is what the documentation uses, and the legacy form may be removed in a future release.',
        bad: 'FROM alpine:3.20\nENV LANG C.UTF-8\nLABEL description A small web server\n',
        good: 'FROM alpine:3.20\nENV LANG=C.UTF-8\nLABEL description="A small web server"\n',
        notes: 'The quick fix writes `key=value`, quoting a value with spaces; a value that mixes quotes or escapes, or spans lines, is left to the author.',
    },
    check({ model }) {
        return model.instructions
            .filter((i) => i.keyword === 'ENV' || i.keyword === 'LABEL')
            .flatMap((i) => check(model, i));
    },
};
