import { basename, type Command, type CommandWord } from '../commands';
import { type ServiceInfo, serviceById, serviceByInitName, serviceByProgram } from './services';

/**
 * Recognises the command that starts a server: `service mysql start`, `nginx -g 'daemon off;'`,
 * `bundle exec rails s -p 3000`, `python -m http.server 8080`, `node server.js`, `npm start`, …
 */
export interface ServiceStart {
    service: ServiceInfo;
    /** The word naming the server: the program, the init-script name or the Python module. */
    word: CommandWord;
    /** Started through an init script (`service x start`): it goes to the background. */
    viaInit: boolean;
    /** The port given on the command line, as written (`8080`, `$PORT`). */
    port: string | undefined;
    /** The data directory given on the command line (`--datadir=/srv/mysql`). */
    dataDir: string | undefined;
}

export interface ServerContext {
    /** The final image's base image reference, for runtimes recognised by their image (ASP.NET Core). */
    baseImage?: string;
}

const START_VERBS = new Set(['start', 'restart', 'force-reload', 'reload-or-restart', 'try-restart']);
const PYTHON = /^(python|pypy)(\d+(\.\d+)?)?$/;
const NODE = new Set(['node', 'nodejs', 'nodemon', 'ts-node', 'ts-node-dev', 'tsx', 'bun', 'deno', 'pm2-runtime']);
const RUBY = new Set(['ruby', 'jruby']);
const PHP = /^php(\d+(\.\d+)?)?(-cli)?$/;
/** Sub-commands a JavaScript runtime takes before the script (`deno run`, `tsx watch`, `bun run`). */
const SUBCOMMANDS: Record<string, readonly string[]> = {
    deno: ['run', 'serve', 'task'],
    bun: ['run'],
    tsx: ['watch'],
    'ts-node-dev': [],
    pm2: ['start'],
    'pm2-runtime': ['start'],
};
/** Arguments that make a server program check its config or print its version instead of serving. */
const NOT_STARTING = ['--version', '--help', '-?'];
const NOT_STARTING_BY_PROGRAM: Record<string, readonly string[]> = {
    nginx: ['-t', '-T', '-s', '-v', '-V'],
    openresty: ['-t', '-T', '-s', '-v', '-V'],
    apache2: ['-t', '-v', '-V', '-S', '-M', '-l', '-L'],
    httpd: ['-t', '-v', '-V', '-S', '-M', '-l', '-L'],
    apache2ctl: ['configtest', '-t', 'stop', 'graceful-stop', '-v', '-V', '-S', '-M'],
    apachectl: ['configtest', '-t', 'stop', 'graceful-stop', '-v', '-V', '-S', '-M'],
    mysqld: ['--initialize', '--initialize-insecure', '--verbose', '-V'],
    mariadbd: ['--initialize', '--initialize-insecure', '--verbose', '-V'],
    postgres: ['-V', '--describe-config', '-C'],
    caddy: ['validate', 'fmt', 'version'],
    'php-fpm': ['-t', '-v', '-i', '-m'],
    sshd: ['-t', '-T', '-V'],
};
const PACKAGE_SCRIPTS = new Set(['start', 'serve', 'server', 'prod', 'production', 'start:prod', 'dev', 'preview']);
/** Interpreter flags that take the next word as their value. */
const VALUE_FLAGS = new Set([
    '-r',
    '--require',
    '--import',
    '--loader',
    '--experimental-loader',
    '--env-file',
    '-W',
    '-X',
    '-w',
    '--watch',
    '-e',
    '--ext',
    '-x',
    '--exec',
    '-i',
    '--ignore',
    '--delay',
    '--signal',
    '--config',
    '-P',
    '--project',
    '--name',
    '-n',
]);

export function serviceStart(cmd: Command, ctx: ServerContext = {}): ServiceStart | undefined {
    const words = cmd.program ? [cmd.program, ...cmd.args] : [];
    return recognise(words, ctx, 0);
}

function start(service: ServiceInfo | undefined, word: CommandWord, args: CommandWord[], viaInit = false) {
    if (!service) {
        return undefined;
    }
    return {
        service,
        word,
        viaInit,
        port: portFlag(args, service.portFlags ?? []),
        dataDir: flagValue(args, service.dataDirFlags ?? []),
    };
}

function recognise(words: CommandWord[], ctx: ServerContext, depth: number): ServiceStart | undefined {
    const first = words[0];
    if (!first || depth > 4) {
        return undefined;
    }
    const name = basename(first.value);
    const rest = words.slice(1);
    const positional = rest.filter((w) => !w.value.startsWith('-'));
    const byId = (id: string) => serviceById(id);

    if (name === 'service' || name === 'rc-service' || name === 'invoke-rc.d') {
        const [svc, verb] = positional;
        return svc && verb && START_VERBS.has(verb.value)
            ? start(serviceByInitName(svc.value), svc, [], true)
            : undefined;
    }
    if (name === 'systemctl') {
        const [verb, svc] = positional;
        return svc && verb && START_VERBS.has(verb.value)
            ? start(serviceByInitName(svc.value.replace(/\.service$/, '')), svc, [], true)
            : undefined;
    }
    if (/\/(init\.d|rc\.d)\//.test(first.value)) {
        return positional[0] && START_VERBS.has(positional[0].value)
            ? start(serviceByInitName(name), first, [], true)
            : undefined;
    }
    // Runners that hand over to the real program.
    if (
        (name === 'bundle' && rest[0]?.value === 'exec') ||
        (/^(poetry|pipenv|uv|pdm|hatch|rye)$/.test(name) && rest[0]?.value === 'run') ||
        (/^(pnpm|yarn)$/.test(name) && /^(exec|dlx)$/.test(rest[0]?.value ?? ''))
    ) {
        return recognise(dropFlags(rest.slice(1)), ctx, depth + 1);
    }
    if (name === 'npx' || name === 'bunx' || name === 'pnpx') {
        return recognise(dropFlags(rest), ctx, depth + 1);
    }
    if (PYTHON.test(name)) {
        return python(first, rest, ctx, depth);
    }
    if (NODE.has(name) || name === 'pm2') {
        return node(first, name, rest, ctx, depth);
    }
    if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
        const script = rest[0]?.value === 'run' || rest[0]?.value === 'run-script' ? rest[1] : rest[0];
        if (script && PACKAGE_SCRIPTS.has(script.value)) {
            return start(byId('node-app'), first, []);
        }
        // `npm exec next start`, `yarn next start`: the package manager runs a package's program.
        const bin = name === 'npm' ? (/^(exec|x)$/.test(rest[0]?.value ?? '') ? rest.slice(1) : []) : rest;
        return script === rest[0] ? recognise(dropFlags(bin), ctx, depth + 1) : undefined;
    }
    if (RUBY.has(name)) {
        const script = scriptArg(rest);
        return script ? viaScript(script, rest, 'ruby-app', first, ctx, depth) : undefined;
    }
    if (PHP.test(name)) {
        if (rest.some((w) => w.value.startsWith('-S'))) {
            return start(byId('php-builtin'), first, rest);
        }
        const script = scriptArg(rest);
        const after = script ? rest.slice(rest.indexOf(script) + 1) : [];
        return script && basename(script.value) === 'artisan' && after[0]?.value === 'serve'
            ? start(byId('artisan'), first, after)
            : undefined;
    }
    if (name === 'java') {
        return java(first, rest);
    }
    if (name === 'dotnet') {
        const dll = rest[0]?.value ?? '';
        const aspnet = /(^|\/)dotnet\/aspnet(:|$)/.test(ctx.baseImage ?? '');
        return dll.endsWith('.dll') && aspnet ? start(byId('aspnet'), first, rest) : undefined;
    }
    if (name === 'manage.py') {
        return django(first, rest);
    }
    const svc = serviceByProgram(name);
    if (!svc) {
        return undefined;
    }
    const verbs = svc.verbs?.[name];
    if (verbs && !rest.some((w) => verbs.includes(w.value) || verbs.includes(w.value.replace(/^-D/, '')))) {
        return undefined;
    }
    const checks = [...NOT_STARTING, ...(NOT_STARTING_BY_PROGRAM[name] ?? [])];
    return rest.some((w) => checks.includes(w.value)) ? undefined : start(svc, first, rest);
}

function python(first: CommandWord, rest: CommandWord[], ctx: ServerContext, depth: number) {
    let i = 0;
    while (i < rest.length && rest[i]!.value.startsWith('-') && rest[i]!.value !== '-m') {
        i += VALUE_FLAGS.has(rest[i]!.value) ? 2 : 1;
    }
    if (rest[i]?.value === '-m') {
        const mod = rest[i + 1];
        if (!mod) {
            return undefined;
        }
        const after = rest.slice(i + 2);
        if (mod.value === 'http.server') {
            const svc = serviceById('http.server')!;
            return { ...start(svc, mod, after)!, port: httpServerPort(after) };
        }
        if (mod.value === 'django') {
            return django(mod, after);
        }
        return recognise([{ ...mod, value: mod.value.split('.')[0]! }, ...after], ctx, depth + 1);
    }
    const script = rest[i];
    return script ? viaScript(script, rest.slice(i), 'python-app', first, ctx, depth) : undefined;
}

/** `python -m http.server [--bind ADDR] [PORT]`: the port is the first bare number. */
function httpServerPort(args: CommandWord[]): string | undefined {
    for (let i = 0; i < args.length; i++) {
        const v = args[i]!.value;
        if (/^(-b|--bind|-d|--directory|--protocol)$/.test(v)) {
            i++;
        } else if (!v.startsWith('-')) {
            return v;
        }
    }
    return undefined;
}

function django(word: CommandWord, args: CommandWord[]) {
    const at = args.findIndex((w) => w.value === 'runserver');
    if (at < 0) {
        return undefined;
    }
    const addr = args.slice(at + 1).find((w) => !w.value.startsWith('-'));
    return { ...start(serviceById('django'), word, [])!, port: addr ? portOf(addr.value) : undefined };
}

function node(first: CommandWord, name: string, rest: CommandWord[], ctx: ServerContext, depth: number) {
    let args = rest;
    const sub = SUBCOMMANDS[name];
    if (sub && sub.includes(args[0]?.value ?? '')) {
        const verb = args[0]!.value;
        args = args.slice(1);
        if (name === 'deno' && verb === 'serve') {
            return { ...start(serviceById('node-app'), first, [])!, port: portFlag(args, ['--port']) ?? '8000' };
        }
    }
    if (args.some((w) => w.value === '-e' || w.value === '--eval' || w.value === '-p' || w.value === '--print')) {
        return undefined;
    }
    const script = scriptArg(args);
    if (!script) {
        return undefined;
    }
    if ((name === 'bun' || name === 'deno') && PACKAGE_SCRIPTS.has(script.value)) {
        return start(serviceById('node-app'), first, []);
    }
    if (/^pm2/.test(name) && isEcosystemFile(script.value)) {
        return undefined;
    }
    return viaScript(script, args, 'node-app', first, ctx, depth);
}

export function isEcosystemFile(path: string): boolean {
    return /(^|\/)(ecosystem|pm2|process)[^/]*\.(c?js|mjs|json|ya?ml|config\.js)$/.test(path);
}

/** An interpreter running a script: the script may be a known server (`bin/rails`) or look like one. */
function viaScript(
    script: CommandWord,
    args: CommandWord[],
    fallback: string,
    word: CommandWord,
    ctx: ServerContext,
    depth: number,
) {
    const base = basename(script.value);
    const after = args.slice(args.indexOf(script) + 1);
    if (base === 'manage.py') {
        return django(word, after);
    }
    const known = recognise([script, ...after], ctx, depth + 1);
    if (known) {
        return { ...known, word };
    }
    return looksLikeServer(script.value) ? start(serviceById(fallback), word, after) : undefined;
}

function java(word: CommandWord, args: CommandWord[]) {
    const jarAt = args.findIndex((w) => w.value === '-jar');
    const jar = jarAt >= 0 ? args[jarAt + 1]?.value : undefined;
    if (jar && /(^|\/)jenkins\.war$/.test(jar)) {
        return start(serviceById('jenkins'), word, args);
    }
    const springLauncher = args.some((w) =>
        /^org\.springframework\.boot\.loader\.(launch\.)?\w*Launcher$/.test(w.value),
    );
    const port = portFlag(args, serviceById('java-app')!.portFlags!);
    if (springLauncher || port || (jar && looksLikeServer(jar))) {
        return start(serviceById('java-app'), word, args);
    }
    return undefined;
}

/** The first word that is not a flag (or a flag's value): the script an interpreter runs. */
function scriptArg(args: CommandWord[]): CommandWord | undefined {
    for (let i = 0; i < args.length; i++) {
        const v = args[i]!.value;
        if (v === '--') {
            return args[i + 1];
        }
        if (!v.startsWith('-')) {
            return args[i];
        }
        if (VALUE_FLAGS.has(v)) {
            i++;
        }
    }
    return undefined;
}

function dropFlags(words: CommandWord[]): CommandWord[] {
    const i = words.findIndex((w) => !w.value.startsWith('-'));
    return i < 0 ? [] : words.slice(i);
}

/**
 * Script and jar names that say "server". Deliberately narrow: `cli.js`, `index.js` or
 * `script.py` could be one-shot tools, and a false alarm costs more than a missed one.
 */
export function looksLikeServer(path: string): boolean {
    let base = basename(path)
        .replace(/\.(m?[jt]s|c[jt]s|py|rb|jar|war)$/i, '')
        .toLowerCase();
    // A version suffix (`-1.2.3`) off: the first `-<digit>` of the name's last run of [\w.-]. As one
    // regex (`/-\d[\w.-]*$/`) that rescanned the run from every `-<digit>`: quadratic.
    const tail = /(?<![\w.-])[\w.-]*$/.exec(base)?.[0] ?? '';
    const version = tail.search(/-\d/);
    base = version >= 0 ? base.slice(0, base.length - tail.length + version) : base;
    if (/^(server|app|application|api|web|webapp|www|http|https|site|backend|gateway|wsgi|asgi)$/.test(base)) {
        return true;
    }
    if (/server$/.test(base) || /[-_.](api|app|web|service|gateway|backend)$/.test(base)) {
        return true;
    }
    // NestJS and similar compile their server to dist/main.js.
    return base === 'main' && /(^|\/)(dist|build)\//.test(path);
}

/** Every value given to one of `flags`: `--port 80`, `--port=80`, `-p80`. */
function flagValues(args: readonly CommandWord[], flags: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < args.length; i++) {
        const v = args[i]!.value;
        for (const flag of flags) {
            if (v === flag && i + 1 < args.length) {
                out.push(args[i + 1]!.value);
            } else if (v.startsWith(flag + '=') || (/^-[A-Za-z]$/.test(flag) && v.startsWith(flag) && v.length > 2)) {
                out.push(v.slice(flag.length).replace(/^=/, ''));
            }
        }
    }
    return out;
}

export function flagValue(args: readonly CommandWord[], flags: readonly string[]): string | undefined {
    return flagValues(args, flags)[0];
}

/**
 * The port a server is told to listen on. `-b` often takes a host only (`rails s -b 0.0.0.0`), so
 * values without a port are skipped; a unix socket path is returned as is (it exposes nothing).
 */
export function portFlag(args: readonly CommandWord[], flags: readonly string[]): string | undefined {
    return flagValues(args, flags)
        .map((v) => (v.startsWith('unix:') || v.startsWith('/') ? v : portOf(v)))
        .find((v) => /^\d+$/.test(v) || v.includes('$') || v.includes('/'));
}

/** `8080`, `:8080`, `0.0.0.0:8080`, `tcp://[::]:8080`, `http://+:8080;…` → `8080`; `$PORT` stays as written. */
export function portOf(value: string): string {
    const first = value.split(/[;,]/)[0]!.replace(/(?<!\/)\/+$/, '');
    const m = /:([^:/\]]+)$/.exec(first);
    return m ? m[1]! : first;
}
