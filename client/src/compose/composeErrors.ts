// Compose's error texts that point into a compose file, as diagnostics data (file, 0-based line, message).
// Recognised: YAML syntax errors (v1 "in "FILE", line N, column C", v2 "yaml: line N: …"), schema errors naming a
// key path ("services.web.ports …", "Unsupported config option for services.web: 'x'"), and references to
// undefined networks, volumes or services, which are put on the service's line.
import * as path from 'node:path';
import { type ComposeText, lineOfPath } from './composeConfig';

export interface ComposeProblem {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

/** Drops "ERROR: " and "level=error msg=" wrappers. */
function clean(line: string): string {
    return line
        .replace(/^\s*ERROR:\s*/, '')
        .replace(/^time="[^"]*"\s+level=\w+\s+msg="(.*)"$/, '$1')
        .trim();
}

function resolveIn(texts: readonly ComposeText[], named: string | undefined, cwd: string): ComposeText | undefined {
    if (!named) {
        return texts[0];
    }
    const abs = path.resolve(cwd, named);
    return texts.find((t) => path.resolve(cwd, t.file) === abs) ?? texts[0];
}

/** The file (last in `-f` order) holding the longest prefix of `keys`, and that line. */
function locate(texts: readonly ComposeText[], keys: readonly string[]): { file: string; line: number } | undefined {
    let best: { file: string; line: number; depth: number } | undefined;
    for (const t of texts) {
        for (let depth = keys.length; depth >= 2; depth--) {
            const line = lineOfPath(t.text, keys.slice(0, depth));
            if (line !== undefined) {
                if (!best || depth >= best.depth) {
                    best = { file: t.file, line, depth };
                }
                break;
            }
        }
    }
    return best && { file: best.file, line: best.line };
}

/** References to something undefined: the service is group 1, the key holding the reference is `key`. */
const REFERENCE: readonly { re: RegExp; key: (m: RegExpExecArray) => string }[] = [
    // v1: Service "web" uses an undefined network "front"
    { re: /^Service ["']([^"']+)["'] uses an undefined (network|volume|secret|config)\b/i, key: (m) => plural(m[2]!) },
    // v2: service "web" refers to undefined network front: invalid compose project
    {
        re: /^service ["']([^"']+)["'] refers to undefined (network|volume|secret|config)\b/i,
        key: (m) => plural(m[2]!),
    },
    // v1: Named volume "data:/data:rw" is used in service "web" but no declaration was found in the volumes section.
    { re: /^Named volume "[^"]+" is used in service "([^"]+)"/i, key: () => 'volumes' },
    // v1: Service 'db' depends on service 'nope' which is undefined.
    { re: /^Service ["']([^"']+)["'] depends on service ["'][^"']+["'] which is undefined/i, key: () => 'depends_on' },
    // v2: service "db" depends on undefined service "nope": invalid compose project
    { re: /^service ["']([^"']+)["'] depends on undefined service\b/i, key: () => 'depends_on' },
];

function plural(kind: string): string {
    return `${kind.toLowerCase()}s`;
}

/** Every problem the output names that can be placed in one of `texts` (paths as passed with `-f`). */
export function composeProblems(output: string, texts: readonly ComposeText[], cwd: string): ComposeProblem[] {
    const lines = output.split(/\r?\n/).map(clean);
    const out: ComposeProblem[] = [];
    const push = (file: string, line: number, column: number, message: string): void => {
        if (!out.some((p) => p.file === file && p.line === line && p.message === message)) {
            out.push({ file, line: Math.max(0, line), column: Math.max(0, column), message });
        }
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        // v1 YAML: the message, then `  in "./compose.yaml", line 6, column 7`.
        const at = /^in "([^"]+)", line (\d+), column (\d+)/.exec(line);
        if (at) {
            const message = (lines[i - 1] ?? '').replace(/^yaml\.\w+\.\w+:\s*/, '') || 'YAML syntax error';
            const t = resolveIn(texts, at[1], cwd);
            if (t) {
                push(t.file, Number(at[2]) - 1, Number(at[3]) - 1, message);
            }
            continue;
        }
        // v2 YAML: `yaml: line 6: mapping values are not allowed…`, maybe after "parsing FILE: " / "FILE: ".
        const y = /^(?:(?:parsing |validating )?(.+?\.ya?ml):\s*)?yaml: line (\d+)(?:, column (\d+))?: (.+)$/.exec(
            line,
        );
        if (y) {
            const t = resolveIn(texts, y[1], cwd);
            if (t) {
                push(t.file, Number(y[2]) - 1, Number(y[3] ?? 1) - 1, y[4]!);
            }
            continue;
        }
        const ref = REFERENCE.map((r) => ({ r, m: r.re.exec(line) })).find((x) => x.m);
        if (ref?.m) {
            const where = locate(texts, ['services', ref.m[1]!, ref.r.key(ref.m)]);
            if (where) {
                push(where.file, where.line, 0, line.replace(/: invalid compose project$/, ''));
            }
            continue;
        }
        // Schema: "services.web.ports contains an invalid type…", "Unsupported config option for services.web: 'x'",
        // v2 "validating FILE: services.web additional properties 'x' not allowed".
        const schema =
            /^(?:validating (.+?\.ya?ml):\s*)?(?:Unsupported config option for |The Compose file .* is invalid because: ?)?((?:services|networks|volumes|secrets|configs)(?:\.[\w.-]+)*)(?::? (.+))?$/.exec(
                line,
            );
        if (schema && /\s/.test(line)) {
            const keys = schema[2]!.split('.');
            const extra = /'([\w.-]+)'/.exec(schema[3] ?? '')?.[1];
            const scoped = schema[1] ? texts.filter((t) => t === resolveIn(texts, schema[1], cwd)) : texts;
            const where = locate(scoped, extra ? [...keys, extra] : keys);
            if (where) {
                push(where.file, where.line, 0, line.replace(/^validating .+?\.ya?ml:\s*/, ''));
            }
        }
    }
    return out;
}
