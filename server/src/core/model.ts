import {
    DockerfileParser,
    type Dockerfile,
    type Instruction as AstInstruction,
    JSONInstruction,
    Onbuild,
} from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { basename, type Command, commandsFromJson, commandsFromShell } from './commands';
import { type LogicalText, logicalText } from './logicalText';

/** One instruction, with what the rules ask of it computed once and cached. */
export interface Instruction {
    /** Upper-cased keyword (`RUN`, `CMD`, …). */
    keyword: string;
    ast: AstInstruction;
    range: Range;
    keywordRange: Range;
    argsRange: Range | undefined;
    stage: Stage | undefined;
    /** Exec-form strings when the arguments are a JSON array. */
    json: { value: string; range: Range }[] | undefined;
    /** The arguments with continuations and inner comment lines removed. */
    args(): LogicalText;
    /** Commands of a RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD, shell or exec form. */
    commands(): Command[];
    /** For `ONBUILD RUN …`, the stored instruction (wrapped like any other, in the same stage); else undefined. */
    trigger(): Instruction | undefined;
}

export interface Stage {
    index: number;
    from: Instruction;
    /** The image reference as written (`nginx:1.27`, `builder`, `scratch`). */
    image: string;
    /** `AS name`, lower-cased; undefined when absent. */
    alias: string | undefined;
    instructions: Instruction[];
    /** The earlier stage this one builds on (`FROM builder`), if any. */
    parent: Stage | undefined;
}

export interface DockerfileModel {
    text: string;
    doc: TextDocument;
    ast: Dockerfile;
    escape: string;
    instructions: Instruction[];
    stages: Stage[];
    /** The stage that becomes the image (the last one). */
    finalStage: Stage | undefined;
    positionAt(offset: number): Position;
    offsetAt(position: Position): number;
    rangeOf(start: number, end: number): Range;
    /** Line break used by the file, for fixes that insert lines. */
    eol: string;
}

export function buildModel(text: string): DockerfileModel {
    const doc = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
    const ast = DockerfileParser.parse(text);
    const escape = safe(() => ast.getEscapeCharacter(), '\\');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const rangeOf = (start: number, end: number): Range => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
    const model: DockerfileModel = {
        text,
        doc,
        ast,
        escape,
        instructions: [],
        stages: [],
        finalStage: undefined,
        positionAt: (o) => doc.positionAt(o),
        offsetAt: (p) => doc.offsetAt(p),
        rangeOf,
        eol,
    };
    let stage: Stage | undefined;
    const firstByAlias = new Map<string, Stage>();
    for (const astInstruction of ast.getInstructions()) {
        const inst = wrap(model, astInstruction, stage);
        if (inst.keyword === 'FROM') {
            const words = astInstruction.getArguments().map((a) => a.getValue());
            const positional = words.filter((w) => !w.startsWith('--'));
            const image = positional[0] ?? '';
            const alias = positional[1]?.toUpperCase() === 'AS' ? positional[2]?.toLowerCase() : undefined;
            // The first earlier stage of that name, from a map: a scan per FROM was quadratic in stages.
            const parent = firstByAlias.get(image.toLowerCase());
            stage = { index: model.stages.length, from: inst, image, alias, instructions: [inst], parent };
            if (alias !== undefined && !firstByAlias.has(alias)) {
                firstByAlias.set(alias, stage);
            }
            inst.stage = stage;
            model.stages.push(stage);
        } else {
            stage?.instructions.push(inst);
        }
        model.instructions.push(inst);
    }
    model.finalStage = model.stages[model.stages.length - 1];
    const body = model.stages.length === 0 ? model.instructions.filter((i) => i.keyword !== 'ARG') : [];
    if (body.length > 0) {
        // A fragment (no FROM: a snippet, a template): its instructions form one implicit stage, so
        // what is in effect before an instruction (ENV, SHELL) is known; it is not among `stages`,
        // which holds what FROM starts.
        const implicit: Stage = {
            index: 0,
            from: body[0]!,
            image: '',
            alias: undefined,
            instructions: body,
            parent: undefined,
        };
        for (const inst of body) {
            inst.stage = implicit;
        }
    }
    return model;
}

function wrap(model: DockerfileModel, ast: AstInstruction, stage: Stage | undefined): Instruction {
    const argsRange = ast.getArgumentsRange() ?? undefined;
    const json =
        ast instanceof JSONInstruction && ast.getOpeningBracket() && ast.getClosingBracket()
            ? ast.getJSONStrings().map((s) => ({ value: jsonString(model, s.getRange()), range: s.getRange() }))
            : undefined;
    let args: LogicalText | undefined;
    let commands: Command[] | undefined;
    let trigger: Instruction | null | undefined;
    const inst: Instruction = {
        keyword: ast.getKeyword().toUpperCase(),
        ast,
        range: ast.getRange(),
        keywordRange: ast.getInstructionRange(),
        argsRange,
        stage,
        json,
        args() {
            if (!args) {
                args = argsRange
                    ? logicalText(
                          model.text,
                          model.offsetAt(argsRange.start),
                          model.offsetAt(argsRange.end),
                          model.escape,
                      )
                    : { text: '', map: [model.offsetAt(inst.range.end)] };
            }
            return args;
        },
        commands() {
            commands ??= computeCommands(model, inst);
            return commands;
        },
        trigger() {
            if (trigger === undefined) {
                const t = ast instanceof Onbuild ? safe(() => ast.getTriggerInstruction(), null) : null;
                trigger = t ? wrap(model, t, stage) : null;
            }
            return trigger ?? undefined;
        },
    };
    return inst;
}

const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const SHELL_NAMES = /(?:^|\/)(?:sh|bash|ash|dash|ksh|zsh)$/;

function computeCommands(model: DockerfileModel, inst: Instruction): Command[] {
    if (!COMMAND_KEYWORDS.has(inst.keyword)) {
        return [];
    }
    if (inst.json) {
        return commandsFromJson(model, inst.json);
    }
    const lt = inst.args();
    let text = lt.text;
    let skip = 0;
    if (inst.keyword === 'RUN') {
        // Flags such as --mount=… come before the command. Each flag is a whole word: `(?:\s*--\S+)*`
        // split `--a--a--…` in exponentially many ways (see the HEALTHCHECK one below).
        const flags = /^\s*(?:--\S+(?:\s+|$))*/.exec(text);
        skip = flags ? flags[0].length : 0;
    } else if (inst.keyword === 'HEALTHCHECK') {
        // Not `(?:\s*--\S+)*\s*CMD`: on `HEALTHCHECK --a--a--a… x` (no CMD) it backtracked
        // exponentially, 30 repeats hung the linter (found by test/unit/regexSafety.test.ts).
        const m = /^\s*(?:--\S+\s+)*CMD\s+/i.exec(text);
        if (!m) {
            return [];
        }
        skip = m[0].length;
    }
    text = text.slice(skip);
    // `RUN <<EOF` makes the heredoc body the script itself.
    // The whole name (`(?!…)`): shortening it letter by letter to retry `[^\n]*` was quadratic.
    const heredoc = /^<<(-?)(["']?)([A-Za-z0-9_]+)(?![A-Za-z0-9_])\2[^\n]*\n/.exec(text);
    if (heredoc) {
        const bodyStart = skip + heredoc[0].length;
        const lines = lt.text.slice(bodyStart);
        const endRe = new RegExp(`^${heredoc[1] ? '\\t*' : ''}${heredoc[3]}\\r?$`, 'm');
        const endMatch = endRe.exec(lines);
        const body = endMatch ? lines.slice(0, endMatch.index) : lines;
        // A script for another interpreter (`#!/usr/bin/env python3`) holds no shell commands.
        if (body.startsWith('#!')) {
            const words = body.slice(2).split('\n')[0]!.trim().split(/\s+/);
            const interpreter =
                basename(words[0]!) === 'env' ? words.slice(1).find((w) => !w.startsWith('-')) : words[0];
            if (!SHELL_NAMES.test(interpreter ?? '')) {
                return [];
            }
        }
        return commandsFromShell(model, lt, body, bodyStart, false);
    }
    return commandsFromShell(model, lt, text, skip, false);
}

/** The decoded value of a JSON string token (dockerfile-ast's own value drops spaces). */
function jsonString(model: DockerfileModel, range: Range): string {
    const raw = model.text.slice(model.offsetAt(range.start), model.offsetAt(range.end));
    try {
        const v: unknown = JSON.parse(raw);
        return typeof v === 'string' ? v : raw;
    } catch {
        return raw.replace(/^"|"$/g, '');
    }
}

function safe<T>(f: () => T, fallback: T): T {
    try {
        return f();
    } catch {
        return fallback;
    }
}
