import { From } from 'dockerfile-ast';
import { argDecls } from '../knowledge/buildArgs';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Rule } from '../types';

/** Comments that are not descriptions: directives and linter pragmas. */
const NOT_DESCRIPTION = /^#\s*(?:hadolint|dockwise|dockerfile-utils|check\s*=|syntax\s*=|escape\s*=)/i;

function described(model: DockerfileModel, inst: Instruction, name: string): Finding | undefined {
    const line = inst.range.start.line;
    if (line === 0) {
        return undefined;
    }
    const lineStart = model.offsetAt({ line: line - 1, character: 0 });
    const lineEnd = model.offsetAt({ line, character: 0 });
    const raw = model.text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    const text = raw.trim();
    if (!text.startsWith('#') || NOT_DESCRIPTION.test(text)) {
        return undefined;
    }
    const body = text.replace(/^#\s*/, '');
    if (body.split(/\s+/)[0] === name) {
        return undefined;
    }
    const hash = lineStart + raw.indexOf('#');
    const at = model.positionAt(hash + 1 + (raw.slice(raw.indexOf('#') + 1).match(/^\s*/)?.[0].length ?? 0));
    return {
        range: model.rangeOf(hash, lineStart + raw.length),
        message: `Comment for ${inst.keyword === 'FROM' ? 'build stage' : 'build argument'} '${name}' should follow the format: \`# ${name} <description>\`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.`,
        fixes: [
            {
                title: `Start the comment with '${name}'`,
                edits: [{ range: { start: at, end: at }, newText: `${name} ` }],
            },
            {
                title: 'Separate the comment with an empty line',
                edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: model.eol }],
            },
        ],
    };
}

export const definitionDescription: Rule = {
    id: 'definition-description',
    title: 'Start stage and ARG descriptions with their name',
    category: 'maintainability',
    defaultSeverity: 'info',
    offByDefault: true,
    equivalents: { buildkit: ['InvalidDefinitionDescription'] },
    docs: {
        why: 'Build tools show the comment right above a stage or build argument as its description (`docker buildx build --call=outline`), like Go doc comments: it must start with the name it describes, or it is not picked up.',
        bad: '# Builds the CLI\nFROM golang:1.23 AS build-cli\n# Release to build\nARG VERSION=dev\n',
        good: '# build-cli builds the CLI\nFROM golang:1.23 AS build-cli\n# VERSION is the release to build\nARG VERSION=dev\n',
        notes: 'Off by default, like the experimental BuildKit check; `# check=experimental=InvalidDefinitionDescription` turns it on for one file. Only the comment directly above a named stage or a single-name ARG is checked; directives and linter pragmas are not descriptions.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            let name: string | null | undefined;
            if (inst.keyword === 'FROM' && inst.ast instanceof From) {
                name = inst.ast.getBuildStage();
            } else if (inst.keyword === 'ARG') {
                const decls = argDecls(inst);
                name = decls.length === 1 ? decls[0]!.name : undefined;
            }
            const f = name ? described(model, inst, name) : undefined;
            if (f) {
                findings.push(f);
            }
        }
        return findings;
    },
};
