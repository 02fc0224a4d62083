import { Dockerfile } from 'dockerfile-ast/lib/dockerfile';
import { ImageTemplate } from 'dockerfile-ast/lib/imageTemplate';
import type { Position } from 'vscode-languageserver-types';
import type { Validation } from './kit/dockerfileUtils';
import type { DockerfileModel } from './model';
import { withParsed } from './sharedParse';

/*
 * Ways around four bugs of dockerfile-utils 0.16 / dockerfile-ast 0.7 that `npm run fuzz` found
 * (docs/fuzzing.md). The validator is given a text with the same offsets in which the trigger is
 * defused, and what it reports is mapped back, so the rules see what a fixed validator would say.
 */

/** Linear twin of dockerfile-utils' stage-name check `/^[a-z]([a-z0-9_\-.]*)*$/` (lower-cased name). */
const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;

/**
 * That check backtracks exponentially on a name it refuses: `FROM a AS` then 30 letters and `!`
 * takes minutes. Each refused name's first letter becomes `!`, which fails the regex at once and
 * keeps every offset; `names` maps the defused (lower-cased) name back to the real one.
 */
export function defuseStageNames(model: DockerfileModel): { text: string; names: Map<string, string> } {
    let text = model.text;
    const names = new Map<string, string>();
    for (const stage of model.stages) {
        const arg = stage.from.ast.getArguments()[2];
        const name = arg?.getValue().toLowerCase() ?? '';
        if (!arg || STAGE_NAME.test(name) || !/^[a-z]/.test(name)) {
            continue; // Accepted, or refused at its first character: no backtracking.
        }
        const start = model.offsetAt(arg.getRange().start);
        // The first letter as written (a line continuation may come before it).
        const at = text.slice(start, model.offsetAt(arg.getRange().end)).search(/[a-z]/i);
        if (at >= 0) {
            text = text.slice(0, start + at) + '!' + text.slice(start + at + 1);
            names.set(`!${name.slice(1)}`, name);
        }
    }
    return { text, names };
}

/**
 * dockerfile-ast finds the image (build stage, or the instructions before the first FROM) holding a
 * line by asking which one holds its column 0. When the first instruction is indented (`  ARG A=$B`)
 * none holds it, `getContainingImage` returns the Dockerfile itself, and `resolveVariable` and
 * `getAvailableVariables` call themselves until the stack overflows: in the validator (every rule
 * built on it went silent) and in the language service's hover, completion, definition, highlights
 * and rename (found by `npm run fuzz`). Patched once, for that case only: a line of the instructions
 * before the first FROM is theirs. The bundle holds one dockerfile-ast, shared by both.
 */
function patchContainingImage(): void {
    interface Internals {
        getContainingImage(position: Position): unknown;
        initialInstructions: ImageTemplate;
        [PATCHED]?: true;
    }
    const proto = Dockerfile.prototype as unknown as Internals;
    if (proto[PATCHED]) {
        return;
    }
    const original = proto.getContainingImage;
    proto.getContainingImage = function (this: Internals, position: Position) {
        const image = original.call(this, position);
        const initial = this.initialInstructions;
        const range = image === this && initial.getInstructions().length > 0 ? initial.getRange() : null;
        return range && range.start.line <= position.line && position.line <= range.end.line ? initial : image;
    };
    proto[PATCHED] = true;
}

const PATCHED = Symbol('dockwise.getContainingImage');
patchContainingImage();

/**
 * A line ending in a lone CR (old Mac files, or a mix) confuses dockerfile-ast's heredoc scan:
 * `RUN \<CR>#r<LF>` throws a TypeError in `getHeredocs`. Every line break counts the same for
 * positions, so the validator gets LF there: same offsets, same lines.
 */
export function loneCrToLf(text: string): string {
    return text.replace(/\r(?!\n)/g, '\n');
}

/**
 * dockerfile-ast reads an escape character inside a comment line of a continued instruction as an
 * escape (`RUN \`, `# C:\tools`, `echo`): it makes `t` an argument and `getHeredocs` throws a
 * TypeError. Comments mean nothing to the validator, so there such an escape becomes a space (same
 * offsets). Comment lines before the first instruction are left alone: parser directives live there.
 */
export function defuseCommentEscapes(model: DockerfileModel, text: string): string {
    const first = model.instructions[0];
    if (!first) {
        return text;
    }
    let out = text.slice(0, model.offsetAt({ line: first.range.start.line, character: 0 }));
    for (const line of text.slice(out.length).split(/(?<=\n)/)) {
        out += /^\s*#/.test(line) ? line.split(`${model.escape}`).join(' ') : line;
    }
    return out;
}

/** Runs the validator on the defused text and maps its findings back to `model.text`. */
export function validateAround(model: DockerfileModel, run: (text: string) => Validation): Validation {
    const defused = defuseStageNames(model);
    const names = defused.names;
    const text = loneCrToLf(defused.text);
    // Nothing defused (the usual case): validate reads the model's parse instead of parsing again.
    let v = withParsed(model.text, model.ast, () => run(text));
    if (v.error?.startsWith('TypeError')) {
        const retry = run(defuseCommentEscapes(model, text));
        v = retry.error === undefined ? retry : v;
    }
    for (const list of names.size > 0 ? v.byCode.values() : []) {
        for (const d of list) {
            for (const [defused, name] of names) {
                d.message = d.message.split(defused).join(name);
            }
        }
    }
    return v;
}
