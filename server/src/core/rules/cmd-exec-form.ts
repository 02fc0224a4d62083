import { type Command } from '../commands';
import type { DockerfileModel, Instruction } from '../model';
import { parseShell } from '../shell';
import type { Finding, Fix, Rule } from '../types';
import { stageChain } from '../kit';

/** Shell builtins and keywords: no program of that name exists for the exec form to run. */
const BUILTINS = new Set([
    '.',
    ':',
    '[[',
    'source',
    'cd',
    'export',
    'set',
    'unset',
    'ulimit',
    'umask',
    'trap',
    'eval',
    'alias',
    'read',
    'wait',
    'for',
    'case',
    'select',
    'function',
    'local',
    'shift',
    'exit',
    'return',
    'exec',
]);

/**
 * The argv the shell would run, when the text is one plain command: no expansions, operators,
 * redirections, globs, `~`, brace expansion, comments or builtins.
 */
export function plainArgv(text: string, escape: string): string[] | undefined {
    if (escape !== '\\' && /[\\'"]/.test(text)) {
        // With another escape character (Windows images) quotes and backslashes follow other rules.
        return undefined;
    }
    const script = parseShell(text);
    const cmd = script.commands[0];
    if (script.commands.length !== 1 || !cmd || /\n/.test(text.trim())) {
        return undefined;
    }
    if (text.slice(0, cmd.start).trim() !== '' || text.slice(cmd.end).trim() !== '') {
        return undefined; // a comment, or an operator such as a trailing `&`
    }
    if (cmd.assignments.length > 0 || cmd.redirects.length > 0 || cmd.keywords.length > 0 || cmd.depth > 0) {
        return undefined;
    }
    for (const w of cmd.words) {
        const raw = text.slice(w.start, w.end);
        if (w.dynamic || /^~|[=:]~/.test(unquoted(raw)) || braceExpansion(unquoted(raw))) {
            return undefined;
        }
    }
    const argv = cmd.words.map((w) => w.value);
    if (argv.length === 0 || argv[0]!.startsWith('-') || BUILTINS.has(argv[0]!)) {
        return undefined;
    }
    return argv;
}

/**
 * A brace expansion (`{a,b}`, `{1..3}`): a `{` and the next `}` with `,` or `..` between. A scan,
 * not `/\{[^}]*(?:,|\.\.)[^}]*\}/`, which backtracked cubically on a long `{,{,{,…` word.
 */
export function braceExpansion(word: string): boolean {
    let open = -1;
    for (let i = 0; i < word.length; i++) {
        if (word[i] === '{' && open < 0) {
            open = i;
        } else if (word[i] === '}') {
            const inner = open >= 0 ? word.slice(open + 1, i) : '';
            if (inner.includes(',') || inner.includes('..')) {
                return true;
            }
            open = -1;
        }
    }
    return false;
}

/** The characters of a word that no quote protects. */
function unquoted(raw: string): string {
    return raw.replace(/'[^']*'|"(?:\\.|[^"\\])*"|\\./g, '');
}

/** The exec form as Dockwise writes it: `["nginx", "-g", "daemon off;"]`. */
export function execForm(argv: readonly string[]): string {
    return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/** The last top-level command starts with `exec`: the shell hands PID 1 over to the program. */
function execsLast(commands: Command[]): boolean {
    const top = commands.filter((c) => !c.nested);
    const last = top[top.length - 1];
    return last !== undefined && last.next === '' && last.depth === 0 && last.words[0]?.value === 'exec';
}

/** Prefixing the last command with `exec`, when that is safe: a simple top-level command at the very end. */
function execPrefixFix(inst: Instruction): Fix | undefined {
    const top = inst.commands().filter((c) => !c.nested);
    const last = top[top.length - 1];
    const first = last?.words[0];
    if (!last || !first || last.next !== '' || last.depth > 0 || last.keywords.length > 0) {
        return undefined;
    }
    if (last.prev === '|' || last.prev === '|&' || last.prev === '&' || BUILTINS.has(last.name) || !last.program) {
        return undefined;
    }
    if (last.program !== first) {
        return undefined; // wrappers such as `gosu` or `env` come first; leave those to the author
    }
    return {
        title: `Prefix \`${first.value}\` with \`exec\` so it replaces the shell as PID 1`,
        edits: [{ range: { start: first.range.start, end: first.range.start }, newText: 'exec ' }],
    };
}

function check(model: DockerfileModel): Finding[] {
    const findings: Finding[] = [];
    for (const inst of model.instructions) {
        if ((inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') || inst.json || !inst.argsRange) {
            continue;
        }
        const text = inst.args().text;
        // `['a', 'b']` is a broken exec form: json-single-quotes reports it.
        if (text.trim() === '' || text.trimStart().startsWith('[')) {
            continue;
        }
        // With SHELL the author chose the shell on purpose (BuildKit's JSONArgsRecommended agrees).
        if (stageChain(inst.stage).some((s) => s.instructions.some((i) => i.keyword === 'SHELL'))) {
            continue;
        }
        if (execsLast(inst.commands())) {
            continue;
        }
        const argv = plainArgv(text, model.escape);
        const fixes: Fix[] = [];
        if (argv) {
            fixes.push({
                title: `Use the exec form: ${inst.keyword} ${execForm(argv)}`,
                edits: [{ range: inst.argsRange, newText: execForm(argv) }],
                preferred: true,
            });
        } else if (model.escape === '\\') {
            // Windows images (another escape character) run cmd or PowerShell, which have no `exec`.
            const prefix = execPrefixFix(inst);
            if (prefix) {
                fixes.push(prefix);
            }
        }
        const entry =
            inst.keyword === 'ENTRYPOINT'
                ? ' A shell-form ENTRYPOINT also ignores CMD and the arguments of `docker run`.'
                : '';
        const advice = argv
            ? `Write it in exec form: \`${inst.keyword} ${execForm(argv)}\`.`
            : 'It uses shell features, so put `exec` before the last command (the shell then hands PID 1 to it), or move the logic into an entrypoint script that ends with `exec "$@"`.';
        findings.push({
            range: inst.argsRange,
            message: `${inst.keyword} in shell form runs the program as a child of \`/bin/sh -c\`, so the SIGTERM of \`docker stop\` reaches the shell, not the program, and Docker kills it after the timeout.${entry} ${advice}`,
            fixes,
        });
    }
    return findings;
}

export const cmdExecForm: Rule = {
    id: 'cmd-exec-form',
    title: 'Use the exec form for CMD and ENTRYPOINT',
    category: 'foreground',
    defaultSeverity: 'warning',
    docs: {
        why: 'In shell form (`CMD nginx -g "daemon off;"`) Docker runs `/bin/sh -c "…"`, so PID 1 is the shell and your program is its child. The SIGTERM that `docker stop` sends reaches the shell, which does not pass it on: the program never shuts down cleanly and is killed after the timeout (10 s). The exec form (`CMD ["nginx", "-g", "daemon off;"]`) runs the program itself as PID 1.',
        bad: 'FROM nginx:1.27\nCMD nginx -g "daemon off;"\n',
        good: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
        notes: [
            'The quick fix rewrites the command as JSON when it is one plain command (no `$`, `&&`, `||`, `;`, `|`, redirections, globs, backticks, `~`, brace expansion, subshells or comments); quoted words become JSON strings. When the command needs the shell, a fix puts `exec` before its last command instead.',
            'Not reported: when a SHELL instruction is set in the stage or a stage it builds on (the author chose the shell on purpose; BuildKit’s JSONArgsRecommended does the same), and when the last command already starts with `exec` (`CMD exec gunicorn --bind :$PORT app:app`), because the shell then hands PID 1 to the program — unlike hadolint DL3025. Text starting with `[` that is not valid JSON is json-single-quotes’s business. HEALTHCHECK is not reported either (unlike DL3025): a health check is a short-lived command, not PID 1, and its shell form (`CMD curl -f http://localhost/ || exit 1`) is the documented idiom.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
    check({ model }) {
        return check(model);
    },
};
