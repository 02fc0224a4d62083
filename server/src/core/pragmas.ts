import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';
import type { Rule } from './types';

/**
 * File-level comments of hadolint and BuildKit that steer linting:
 *   `# hadolint global ignore=DL3006,DL3008`   the whole file
 *   `# hadolint stage ignore=DL3011`           the rest of the stage (above a FROM: that stage)
 *   `# hadolint shell=powershell`              the shell of the RUNs after it (for ShellCheck)
 *   `# check=skip=A,B;error=true;experimental=C`   BuildKit's parser directive
 * (`# dockwise global ignore=` and `# dockwise stage ignore=` work the same.) The per-instruction
 * `# hadolint ignore=` and `# check=skip=` comments are read by suppress.ts.
 */

export interface StageIgnore {
    /** First and last line (0-based, inclusive) the comment covers. */
    from: number;
    to: number;
    ids: Set<string>;
}

export interface CheckDirective {
    /** Lower-cased BuildKit check names to skip. */
    skip: Set<string>;
    /** `skip=all`: every rule with a BuildKit equivalent (experimental ones excepted, as in BuildKit). */
    skipAll: boolean;
    /** `error=true`: a build fails on any check warning. */
    error: boolean;
    /** Lower-cased names of experimental checks to run; `experimental=all` runs them all. */
    experimental: Set<string>;
    experimentalAll: boolean;
    range: Range;
    /** Parts that could not be read (BuildKit fails the build on them). */
    problems: string[];
}

export interface IgnoreComment {
    line: number;
    range: Range;
    tool: 'hadolint' | 'dockwise' | 'check';
    scope: 'instruction' | 'global' | 'stage';
}

export interface Pragmas {
    globalIgnores: Set<string>;
    stageIgnores: StageIgnore[];
    /** `# hadolint shell=…` comments in file order. */
    shells: { line: number; shell: string }[];
    check: CheckDirective | undefined;
    /** Every ignore comment, for DL1001. */
    ignoreComments: IgnoreComment[];
}

const IGNORE =
    /^#\s*(hadolint|dockwise)\s+(?:(global|stage)\s+)?ignore\s*=\s*([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)/i;
const SHELL = /^#\s*hadolint\s+shell\s*=\s*(\S+)/i;
const CHECK_SKIP = /^#\s*check\s*=\s*skip\s*=\s*(\S+)/i;
const DIRECTIVE = /^#\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

const cache = new WeakMap<DockerfileModel, Pragmas>();

export function pragmasOf(model: DockerfileModel): Pragmas {
    let p = cache.get(model);
    if (!p) {
        p = parsePragmas(model);
        cache.set(model, p);
    }
    return p;
}

function ids(list: string): Set<string> {
    return new Set(
        list
            .split(',')
            .map((s) => s.trim().toLowerCase())
            .filter((s) => s !== ''),
    );
}

function parsePragmas(model: DockerfileModel): Pragmas {
    const out: Pragmas = {
        globalIgnores: new Set(),
        stageIgnores: [],
        shells: [],
        check: undefined,
        ignoreComments: [],
    };
    const lines = model.text.split(/\r\n|\r|\n/); // The line breaks TextDocument counts.
    const instLines = new Set<number>();
    for (const inst of model.instructions) {
        for (let l = inst.range.start.line; l <= inst.range.end.line; l++) {
            instLines.add(l);
        }
    }
    const firstInstLine = model.instructions[0]?.range.start.line ?? lines.length;
    let directives = true;
    for (let line = 0; line < lines.length; line++) {
        const text = lines[line]!.trim();
        const range = { start: { line, character: 0 }, end: { line, character: lines[line]!.length } };
        // Parser directives: the `# key=value` lines at the very top, before anything else.
        const directive = directives && line < firstInstLine ? DIRECTIVE.exec(text) : null;
        if (!directive) {
            directives = false;
        } else if (directive[1]!.toLowerCase() === 'check') {
            out.check = parseCheck(directive[2]!, range);
            continue;
        }
        if (!text.startsWith('#') || instLines.has(line)) {
            continue;
        }
        const ignore = IGNORE.exec(text);
        if (ignore) {
            const tool = ignore[1]!.toLowerCase() as 'hadolint' | 'dockwise';
            const scope = (ignore[2]?.toLowerCase() ?? 'instruction') as IgnoreComment['scope'];
            out.ignoreComments.push({ line, range, tool, scope });
            if (scope === 'global') {
                for (const id of ids(ignore[3]!)) {
                    out.globalIgnores.add(id);
                }
            } else if (scope === 'stage') {
                out.stageIgnores.push({ from: line + 1, to: stageEnd(model, line), ids: ids(ignore[3]!) });
            }
            continue;
        }
        if (CHECK_SKIP.test(text)) {
            out.ignoreComments.push({ line, range, tool: 'check', scope: 'instruction' });
            continue;
        }
        const shell = SHELL.exec(text);
        if (shell) {
            out.shells.push({ line, shell: shell[1]! });
        }
    }
    return out;
}

/**
 * The last line a stage-scoped comment at `line` covers: up to the FROM after the next
 * instruction, so that above a FROM it covers that FROM's whole stage.
 */
function stageEnd(model: DockerfileModel, line: number): number {
    const next = model.instructions.find((i) => i.range.start.line > line);
    const start = next?.range.start.line ?? Infinity;
    const from = model.stages.find((s) => s.from.range.start.line > start);
    return from ? from.from.range.start.line - 1 : model.doc.lineCount;
}

/** `skip=A,B;error=true;experimental=C` (keys case-insensitive, at most three parts, as BuildKit). */
export function parseCheck(value: string, range: Range): CheckDirective {
    const check: CheckDirective = {
        skip: new Set(),
        skipAll: false,
        error: false,
        experimental: new Set(),
        experimentalAll: false,
        range,
        problems: [],
    };
    for (const part of value.split(';').slice(0, 3)) {
        const eq = part.indexOf('=');
        const key = (eq >= 0 ? part.slice(0, eq) : part).trim().toLowerCase();
        const val = eq >= 0 ? part.slice(eq + 1).trim() : '';
        if (key === 'skip' || key === 'experimental') {
            const names = ids(val);
            if (names.has('all')) {
                check[key === 'skip' ? 'skipAll' : 'experimentalAll'] = true;
            }
            for (const n of names) {
                check[key].add(n);
            }
        } else if (key === 'error') {
            const b = val.toLowerCase();
            if (b === 'true' || b === '1') {
                check.error = true;
            } else if (b !== 'false' && b !== '0') {
                check.problems.push(`error=${val} is not a boolean`);
            }
        } else if (key !== '') {
            check.problems.push(`unknown key ${key}`);
        }
    }
    return check;
}

/** Whether a finding of `rule` at `line` is turned off by a global, stage or `# check=skip` comment. */
export function fileSuppressed(p: Pragmas, rule: Rule, ids: readonly string[], line: number): boolean {
    if (ids.some((id) => p.globalIgnores.has(id))) {
        return true;
    }
    if (p.stageIgnores.some((s) => line >= s.from && line <= s.to && ids.some((id) => s.ids.has(id)))) {
        return true;
    }
    const check = p.check;
    if (check && ids.some((id) => check.skip.has(id))) {
        // Any id the rule answers to works in `skip=`, not only BuildKit's names.
        return true;
    }
    const buildkit = (rule.equivalents.buildkit ?? []).map((b) => b.toLowerCase());
    if (!check || buildkit.length === 0) {
        return false;
    }
    // BuildKit never skips an experimental check: it runs only when asked for by name.
    const experimental = rule.offByDefault === true;
    return (check.skipAll && !experimental) || buildkit.some((b) => check.skip.has(b));
}

/** Whether `# check=experimental=…` turns on this (off-by-default) rule for the file. */
export function experimentalOn(p: Pragmas, rule: Rule): boolean {
    const check = p.check;
    const buildkit = (rule.equivalents.buildkit ?? []).map((b) => b.toLowerCase());
    return (
        check !== undefined &&
        buildkit.length > 0 &&
        (check.experimentalAll || buildkit.some((b) => check.experimental.has(b)))
    );
}

/**
 * The `# hadolint shell=` in force at `line`: the last one above it whose stage reaches the line
 * (above a FROM it sets that stage's shell, inside a stage the rest of the stage's).
 */
export function shellPragmaAt(model: DockerfileModel, line: number): string | undefined {
    return pragmasOf(model)
        .shells.filter((s) => s.line < line && line <= stageEnd(model, s.line))
        .pop()?.shell;
}
