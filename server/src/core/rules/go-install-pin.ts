import type { Command, CommandWord } from '../commands';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

/** Build flags of `go install/get/run` that take a value when not written `-flag=value`. */
const VALUE_FLAGS = new Set([
    'o',
    'C',
    'p',
    'mod',
    'modfile',
    'tags',
    'ldflags',
    'gcflags',
    'asmflags',
    'buildmode',
    'compiler',
    'gccgoflags',
    'installsuffix',
    'pkgdir',
    'toolexec',
    'exec',
    'overlay',
    'pgo',
    'covermode',
    'coverpkg',
]);
/** Package patterns that are no remote module: `all`, `std`, `cmd`, `tool`, `work`. */
const META = new Set(['all', 'std', 'cmd', 'tool', 'work']);
/** Version queries that float: they are no pin. */
const FLOATING = new Set(['latest', 'upgrade', 'patch']);

/** The package arguments of `go install|get|run` (for `go run`, only the first: the rest go to the program). */
function packages(cmd: Command): CommandWord[] {
    const [verb, ...rest] = cmd.args;
    if (cmd.name !== 'go' || !verb || !['install', 'get', 'run'].includes(verb.value)) {
        return [];
    }
    const out: CommandWord[] = [];
    for (let i = 0; i < rest.length; i++) {
        const v = rest[i]!.value;
        if (v === '--') {
            continue;
        }
        if (v.startsWith('-')) {
            const name = v.replace(/^--?/, '');
            if (!name.includes('=') && VALUE_FLAGS.has(name)) {
                i++;
            }
            continue;
        }
        out.push(rest[i]!);
        if (verb.value === 'run') {
            break;
        }
    }
    return out;
}

/** A remote package without a version: its path starts with a domain (`golang.org/x/…`) and has no `@v1.2.3`. */
function unpinned(arg: string): boolean {
    if (META.has(arg) || /^(?:\.|\/)/.test(arg) || arg.endsWith('.go')) {
        return false;
    }
    const at = arg.lastIndexOf('@');
    if (at >= 0) {
        return FLOATING.has(arg.slice(at + 1));
    }
    // Without a dot in its first element the path names a package of the main module or the standard library.
    return (arg.split('/')[0] ?? '').includes('.');
}

export const goInstallPin: Rule = {
    id: 'go-install-pin',
    title: 'Pin versions in go install',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: '`go install example.com/tool` (or `@latest`) takes the newest release on the day of the build, so two builds of the same Dockerfile can ship different code. `go install example.com/tool@v1.2.3` makes rebuilds repeatable.',
        bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n',
        good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
        notes: [
            'Checked for `go install`, `go get` and `go run` with a remote package (its path starts with a domain), also inside `sh -c` and `ONBUILD RUN`. `@latest`, `@upgrade` and `@patch` are no pin. Local packages (`.`, `./cmd/app`, `main.go`), packages of the main module and patterns such as `all` or `tool` are not checked.',
            'No quick fix: only you know the version.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3062'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const loose = packages(cmd).filter((w) => !w.dynamic && unpinned(w.value));
                if (loose.length > 0) {
                    findings.push({
                        range: hull(loose),
                        message: `Pin the version of ${nameList(loose.map((w) => w.value))} (\`@v1.2.3\`, not \`@latest\`), so that rebuilding the image installs the same code.`,
                    });
                }
            }
        }
        return findings;
    },
};
