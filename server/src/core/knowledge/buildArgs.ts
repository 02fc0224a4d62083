import { ModifiableInstruction, PropertyInstruction } from 'dockerfile-ast';
import type { LogicalText } from '../logicalText';
import type { DockerfileModel, Instruction, Stage } from '../model';
import { stageChain } from '../kit/stages';

/**
 * Build arguments and variable expansion as the builder does them: which names are predefined,
 * which ARG/ENV names are in scope where, and how a word expands. Shared by the FROM and
 * UndefinedVar rules.
 */

/** Platform args BuildKit defines in the global scope; a stage sees them only after `ARG NAME`. */
export const PLATFORM_ARGS: ReadonlyMap<string, string> = new Map([
    // Sample values (a linux/amd64 build) for evaluating FROM lines.
    ['TARGETPLATFORM', 'linux/amd64'],
    ['TARGETOS', 'linux'],
    ['TARGETARCH', 'amd64'],
    ['TARGETVARIANT', ''],
    ['BUILDPLATFORM', 'linux/amd64'],
    ['BUILDOS', 'linux'],
    ['BUILDARCH', 'amd64'],
    ['BUILDVARIANT', ''],
]);

/** Args every stage may use without declaring them (Dockerfile reference, "Predefined ARGs"). */
export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
    'HTTP_PROXY',
    'http_proxy',
    'HTTPS_PROXY',
    'https_proxy',
    'FTP_PROXY',
    'ftp_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
]);

/** Variables every image has even when no instruction sets them (BuildKit adds a default PATH). */
export const ALWAYS_SET: ReadonlySet<string> = new Set(['PATH']);

export interface VarRef {
    name: string;
    /** `-`, `:-`, `+`, `:+`, `?`, `:?`, or '' for `$X` / `${X}`. */
    modifier: string;
    /** [start, end) of the whole `$X` / `${…}` in the scanned text. */
    start: number;
    end: number;
    nameStart: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Variable references in a word list as the builder expands them: not inside single quotes, not
 * after the escape character. Nested references in a `${X:-…}` default are not listed (they only
 * expand when X is unset).
 */
export function variableRefs(text: string, escape: string): VarRef[] {
    const out: VarRef[] = [];
    let quote: string | undefined;
    for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (c === escape && quote !== "'") {
            i++;
            continue;
        }
        if (quote === "'") {
            if (c === "'") {
                quote = undefined;
            }
            continue;
        }
        if (c === '"') {
            quote = quote === '"' ? undefined : '"';
            continue;
        }
        if (c === "'" && quote === undefined) {
            quote = "'";
            continue;
        }
        if (c !== '$') {
            continue;
        }
        if (text[i + 1] === '{') {
            let j = i + 2;
            if (!NAME_START.test(text[j] ?? '')) {
                continue;
            }
            const nameStart = j;
            while (NAME_CHAR.test(text[j] ?? '')) {
                j++;
            }
            const name = text.slice(nameStart, j);
            const mod = /^:?[-+?]/.exec(text.slice(j));
            const modifier = mod ? mod[0] : '';
            let depth = 1;
            j += modifier.length;
            while (j < text.length && depth > 0) {
                if (text[j] === escape) {
                    j++;
                } else if (text[j] === '{') {
                    depth++;
                } else if (text[j] === '}') {
                    depth--;
                }
                j++;
            }
            out.push({ name, modifier, start: i, end: j, nameStart });
            i = j - 1;
        } else if (NAME_START.test(text[i + 1] ?? '')) {
            let j = i + 1;
            while (NAME_CHAR.test(text[j] ?? '')) {
                j++;
            }
            out.push({ name: text.slice(i + 1, j), modifier: '', start: i, end: j, nameStart: i + 1 });
            i = j - 1;
        }
    }
    return out;
}

/**
 * Expands one word as the builder does (quotes removed, escapes resolved, `${X:-d}` and friends),
 * with `env` giving the values in scope; unset names expand to ''.
 */
export function expandWord(text: string, escape: string, env: ReadonlyMap<string, string>): string {
    let out = '';
    let quote: string | undefined;
    for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (c === escape && quote !== "'" && i + 1 < text.length) {
            out += text[++i];
            continue;
        }
        if (quote === "'") {
            if (c === "'") {
                quote = undefined;
            } else {
                out += c;
            }
            continue;
        }
        if (c === '"' || (c === "'" && quote === undefined)) {
            quote = quote === c ? undefined : c;
            continue;
        }
        const ref = c === '$' ? variableRefs(text.slice(i), escape)[0] : undefined;
        if (!ref || ref.start !== 0) {
            out += c;
            continue;
        }
        const value = env.get(ref.name);
        const braced = text.slice(i, i + ref.end);
        const word = braced.startsWith('${') ? braced.slice(2 + ref.name.length + ref.modifier.length, -1) : '';
        const set = ref.modifier.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
        if (ref.modifier.endsWith('-')) {
            out += set ? value! : expandWord(word, escape, env);
        } else if (ref.modifier.endsWith('+')) {
            out += set ? expandWord(word, escape, env) : '';
        } else {
            out += value ?? '';
        }
        i += ref.end - 1;
    }
    return out;
}

export interface ArgDecl {
    name: string;
    /** The default as written (quotes kept), undefined for `ARG NAME`. */
    value: string | undefined;
    inst: Instruction;
    /** Offsets of the name in the document. */
    nameStart: number;
    nameEnd: number;
}

/** The names an ARG declares (`ARG A B=2` declares two; dockerfile-ast reads only one). */
export function argDecls(inst: Instruction): ArgDecl[] {
    const lt = inst.args();
    const out: ArgDecl[] = [];
    const re = /(?:[^\s"']|"(?:[^"\\]|\\.)*"?|'[^']*'?)+/g;
    for (const m of lt.text.matchAll(re)) {
        const word = m[0];
        const eq = word.indexOf('=');
        const name = eq >= 0 ? word.slice(0, eq) : word;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            continue;
        }
        const start = m.index;
        out.push({
            name,
            value: eq >= 0 ? word.slice(eq + 1) : undefined,
            inst,
            nameStart: lt.map[start]!,
            nameEnd: lt.map[start + name.length - 1]! + 1,
        });
    }
    return out;
}

/** Names an ENV instruction sets. */
export function envNames(inst: Instruction): string[] {
    return inst.ast instanceof PropertyInstruction ? inst.ast.getProperties().map((p) => p.getName()) : [];
}

const definedCache = new WeakMap<Instruction, readonly string[]>();

/** Names an ARG or ENV instruction defines (cached: scope lookups ask again for every later instruction). */
export function definedBy(inst: Instruction): readonly string[] {
    let names = definedCache.get(inst);
    if (!names) {
        names =
            inst.keyword === 'ARG' ? argDecls(inst).map((d) => d.name) : inst.keyword === 'ENV' ? envNames(inst) : [];
        definedCache.set(inst, names);
    }
    return names;
}

/** ARGs declared before the first FROM: the only ones FROM lines can use. */
export function globalArgs(model: DockerfileModel): ArgDecl[] {
    const first = model.stages[0]?.from;
    const before = first ? model.instructions.slice(0, model.instructions.indexOf(first)) : model.instructions;
    return before.filter((i) => i.keyword === 'ARG').flatMap((i) => argDecls(i));
}

/**
 * Names defined before `inst` in its stage and the stages it builds on (ENV is inherited; so are
 * ARGs, as BuildKit hands a stage's build args to the stages built on it). Answered from an index
 * built once per stage: a scan per instruction was quadratic in the stage's length (50k-line file).
 */
export function namesInScope(stage: Stage, inst: Instruction): Iterable<string> & { has(name: string): boolean } {
    const index = scopeIndex(stage);
    const at = index.position.get(inst);
    if (at === undefined) {
        return index.all; // Not one of the stage's own instructions (an ONBUILD trigger): the whole chain.
    }
    const has = (name: string) => index.inherited.has(name) || (index.first.get(name) ?? Infinity) < at;
    return {
        has,
        // In definition order, the stages built on first (as "did you mean" suggestions read them).
        *[Symbol.iterator]() {
            yield* index.inherited;
            for (const [name, k] of index.first) {
                if (k < at && !index.inherited.has(name)) {
                    yield name;
                }
            }
        },
    };
}

interface ScopeIndex {
    /** Names the stages this one builds on define. */
    inherited: Set<string>;
    /** Each name's first definition in the stage itself, by position. */
    first: Map<string, number>;
    position: Map<Instruction, number>;
    all: Set<string>;
}

const scopeCache = new WeakMap<Stage, ScopeIndex>();

function scopeIndex(stage: Stage): ScopeIndex {
    let index = scopeCache.get(stage);
    if (!index) {
        const inherited = new Set<string>();
        for (const s of stageChain(stage).slice(1).reverse()) {
            for (const i of s.instructions) {
                definedBy(i).forEach((n) => inherited.add(n));
            }
        }
        const first = new Map<string, number>();
        const position = new Map<Instruction, number>();
        stage.instructions.forEach((i, k) => {
            position.set(i, k);
            for (const n of definedBy(i)) {
                if (!first.has(n)) {
                    first.set(n, k);
                }
            }
        });
        index = { inherited, first, position, all: new Set([...inherited, ...first.keys()]) };
        scopeCache.set(stage, index);
    }
    return index;
}

/** The stage chain's root image: `scratch`, an external image, or a variable. */
export function rootImage(stage: Stage): string {
    const chain = stageChain(stage);
    return chain[chain.length - 1]!.image;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = row[j]!;
            row[j] = next;
        }
    }
    return row[b.length]!;
}

/** The closest candidate (case-insensitive match first, then at most 2 edits), if any. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const c of candidates) {
        if (c === name) {
            continue;
        }
        const d = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(c, name);
        const limit = Math.min(2, Math.floor(Math.max(name.length, c.length) / 3));
        if (d <= limit && d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

/** An edit declaring `ARG name` on the line after the stage's FROM (a stage sees a global ARG only then). */
export function declareArgEdit(model: DockerfileModel, stage: Stage, name: string) {
    const end = stage.from.range.end;
    const lineEnd = model.offsetAt({ line: end.line + 1, character: 0 });
    const atEof = lineEnd === model.text.length && !/\r?\n$/.test(model.text);
    if (atEof) {
        const at = model.positionAt(model.text.length);
        return { range: { start: at, end: at }, newText: `${model.eol}ARG ${name}` };
    }
    const at = { line: end.line + 1, character: 0 };
    return { range: { start: at, end: at }, newText: `ARG ${name}${model.eol}` };
}

/**
 * The text the builder expands for an instruction, in pieces mapped to document offsets: its
 * flags (`--chown=$USER`, `--platform=$BUILDPLATFORM`) and its arguments up to a heredoc body.
 */
export function expandedTexts(model: DockerfileModel, inst: Instruction): LogicalText[] {
    const out: LogicalText[] = [];
    if (inst.ast instanceof ModifiableInstruction) {
        for (const f of inst.ast.getFlags()) {
            const start = model.offsetAt(f.getRange().start);
            const end = model.offsetAt(f.getRange().end);
            out.push({
                text: model.text.slice(start, end),
                map: Array.from({ length: end - start + 1 }, (_, k) => start + k),
            });
        }
    }
    const lt = inst.args();
    const nl = lt.text.indexOf('\n');
    out.push(nl < 0 ? lt : { text: lt.text.slice(0, nl), map: lt.map.slice(0, nl + 1) });
    return out;
}
