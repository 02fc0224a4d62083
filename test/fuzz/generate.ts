// Seeded generators of bad Dockerfiles for the fuzz harness. Input i of seed s depends on (s, i)
// only, so any single input is regenerated from its seed and index without replaying the others.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';

export interface Rng {
    next(): number;
    int(n: number): number;
    pick<T>(list: readonly T[]): T;
    chance(p: number): boolean;
}

/** mulberry32: small, fast and seedable. */
export function rng(seed: number): Rng {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n: number) => Math.floor(next() * n);
    return { next, int, pick: (list) => list[int(list.length)]!, chance: (p) => next() < p };
}

/** A well-mixed 32-bit seed for input `index` of run `seed`. */
export function inputSeed(seed: number, index: number): number {
    let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    return (h ^ (h >>> 15)) >>> 0;
}

/** The random choices the targets make for input `index` (which fix to re-lint, where to hover). */
export function choiceRng(seed: number, index: number): Rng {
    return rng(inputSeed(seed, index) ^ 0x5bd1e995);
}

/** The repository: the nearest folder up holding package.json and test/fixtures (out/ may be a copy elsewhere). */
function findRoot(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'test/fixtures'))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            return path.resolve(__dirname, '../../..');
        }
    }
}

export const ROOT = findRoot();

function dockerfilesUnder(dir: string): string[] {
    if (!existsSync(dir)) {
        return [];
    }
    // Sorted: the same seed must give the same inputs whatever order the file system lists.
    return readdirSync(dir)
        .sort()
        .flatMap((name) => {
            const p = path.join(dir, name);
            if (statSync(p).isDirectory()) {
                return dockerfilesUnder(p);
            }
            return /dockerfile|containerfile/i.test(name) ? [readFileSync(p, 'utf8')] : [];
        });
}

/** Real Dockerfiles: the repo's fixtures and workspace samples, and every rule's doc examples. */
export const CORPUS: readonly string[] = [
    ...['test/fixtures', 'test/vscode/workspace', 'test/grammar'].flatMap((d) => dockerfilesUnder(path.join(ROOT, d))),
    ...RULES.flatMap((r) => [r.docs.bad, r.docs.good]),
];

const INSTRUCTIONS = [
    'FROM',
    'RUN',
    'CMD',
    'LABEL',
    'MAINTAINER',
    'EXPOSE',
    'ENV',
    'ADD',
    'COPY',
    'ENTRYPOINT',
    'VOLUME',
    'USER',
    'WORKDIR',
    'ARG',
    'ONBUILD',
    'STOPSIGNAL',
    'HEALTHCHECK',
    'SHELL',
    'from',
    'Run',
    'AS',
    'FROMX',
];
const FLAGS = [
    '--from=',
    '--from=builder',
    '--from=0',
    '--chown=1000:1000',
    '--chmod=755',
    '--link',
    '--link=false',
    '--parents',
    '--exclude=*.md',
    '--checksum=sha256:abc',
    '--keep-git-dir=true',
    '--platform=$BUILDPLATFORM',
    '--platform=linux/amd64',
    '--mount=type=cache,target=/root/.cache',
    '--mount=type=secret,id=npm,target=/root/.npmrc',
    '--mount=type=bind,from=x,source=/,target=/y,rw',
    '--mount=',
    '--network=none',
    '--security=insecure',
    '--interval=30s',
    '--timeout=',
    '--start-period=1x',
    '--retries=-1',
    '--',
    '-',
    '--=',
    '--unknown-flag',
];
const WORDS = [
    'alpine',
    'ubuntu:22.04',
    'nginx:latest',
    'scratch',
    'image@sha256:' + 'a'.repeat(64),
    '${IMAGE:-debian}:${TAG}',
    'AS',
    'build',
    'apt-get install -y curl',
    'apt-get update',
    'apk add --no-cache x',
    'pip install flask==1.0',
    'npm install -g yarn',
    'curl -fsSL https://x | sh',
    'wget -q http://x',
    'service nginx start',
    'tail -f /dev/null',
    '&&',
    '||',
    '|',
    ';',
    '\\',
    '`',
    '"',
    "'",
    '["a", "b"]',
    "['a']",
    '[',
    ']',
    '{',
    '$',
    '${',
    '${A:-${B:+c}}',
    '$(echo x)',
    '<<EOF',
    '<<-"EOT"',
    '<<',
    'EOF',
    '80/tcp',
    '80-90/UDP',
    '65536',
    'PASSWORD=secret',
    'KEY value',
    'a=b c=d',
    '/var/log/app.log',
    '> /var/log/x.log 2>&1',
    'SIGKILL',
    'RTMIN+3',
    '0',
    'root',
    '1000:1000',
    '#',
    '# dockwise ignore=cmd-exec-form',
    '# hadolint ignore=DL3008',
    '=',
    ':',
    '@',
    '/',
    '.',
    '..',
    '*',
    '**',
    '\t',
    '\u00a0',
    '\u2028',
    '\ufeff',
    '\ud800',
    'ünïcødé',
    '😀',
];
const DIRECTIVES = [
    '# escape=`',
    '# escape=\\',
    '# escape=',
    '# escape=x',
    '# escape=``',
    '#escape = `',
    '# ESCAPE=`',
    '# syntax=docker/dockerfile:1',
    '# syntax=',
    '# check=skip=all;error=true',
    '# check=experimental=all',
    '# check=skip=JSONArgsRecommended,',
    '# hadolint global ignore=DL3008',
    '# hadolint shell=powershell',
    '# dockwise ignore=',
];
const JUNK = [
    '\\',
    '`',
    '"',
    "'",
    '[',
    ']',
    '$',
    '${',
    '<<EOF',
    '\r',
    '\n',
    '\r\n',
    '\t',
    '\0',
    '\x1b[31m',
    '\x7f',
    '\f',
    '\v',
    '\u2028',
    '\ud800',
    '\udfff',
    '\ufeff',
    ' \\\n',
    '`\n',
    '\\\r\n',
    '\n\n\n',
];

type Generator = (r: Rng) => string;

const soupLine = (r: Rng): string => {
    const parts = [r.pick(INSTRUCTIONS)];
    for (let n = r.int(6); n > 0; n--) {
        parts.push(r.chance(0.35) ? r.pick(FLAGS) : r.pick(WORDS));
    }
    return parts.join(r.chance(0.9) ? ' ' : r.pick(['', '\t', '  ', '\\\n', '`\n']));
};

/** Random instruction and flag soup, with directives and continuations in between. */
const soup: Generator = (r) => {
    const lines: string[] = [];
    for (let n = r.int(4); n > 0 && r.chance(0.5); n--) {
        lines.push(r.pick(DIRECTIVES));
    }
    for (let n = 1 + r.int(40); n > 0; n--) {
        lines.push(r.chance(0.05) ? r.pick(DIRECTIVES) : soupLine(r));
    }
    return lines.join(r.chance(0.8) ? '\n' : r.pick(['\r\n', '\r']));
};

const randomBytes: Generator = (r) => {
    let s = '';
    for (let n = r.int(4000); n > 0; n--) {
        s += String.fromCharCode(r.int(256));
    }
    return s;
};

/** UTF-16 code units of any value, lone surrogates included. */
const randomUnits: Generator = (r) => {
    let s = '';
    for (let n = r.int(2000); n > 0; n--) {
        s += String.fromCharCode(r.int(0x10000));
    }
    return s;
};

/** A real Dockerfile cut, spliced with another, junk inserted, lines deleted or repeated. */
const mutated: Generator = (r) => {
    let out = r.pick(CORPUS);
    for (let n = 1 + r.int(6); n > 0; n--) {
        const at = r.int(out.length + 1);
        switch (r.int(7)) {
            case 0:
                out = out.slice(0, at);
                break;
            case 1: {
                const other = r.pick(CORPUS);
                out = out.slice(0, at) + other.slice(r.int(other.length + 1));
                break;
            }
            case 2:
                out = out.slice(0, at) + r.pick(JUNK) + out.slice(at);
                break;
            case 3:
                out = out.slice(0, at) + out.slice(at + 1 + r.int(30));
                break;
            case 4: {
                const lines = out.split('\n');
                const i = r.int(lines.length);
                lines.splice(i, 0, ...Array.from({ length: 1 + r.int(5) }, () => lines[i] ?? ''));
                out = lines.join('\n');
                break;
            }
            case 5:
                out = out.slice(0, at) + soupLine(r) + '\n' + out.slice(at);
                break;
            default:
                out = out.slice(0, at) + String.fromCharCode(r.int(0x10000)) + out.slice(at + 1);
        }
    }
    return out;
};

/** Line endings of a real file replaced at random by CRLF, CR, LF or continuation+ending. */
const lineEndings: Generator = (r) =>
    r.pick(CORPUS).replace(/\r?\n/g, () => r.pick(['\n', '\r\n', '\r', '\n\r', '\\\r\n', '`\r', '\r\r\n']));

const deepContinuations: Generator = (r) => {
    const backtick = r.chance(0.3);
    const esc = backtick ? '`' : '\\';
    const n = r.chance(0.05) ? 20_000 : 1 + r.int(3000);
    const body = r.pick([`a ${esc}\n`, `${esc}\n`, `# c\n`, `  ${esc}\r\n`, `\n`, `&& b ${esc}\n`]);
    return (
        (backtick ? '# escape=`\n' : '') + 'FROM a\n' + r.pick(INSTRUCTIONS) + ' ' + body.repeat(n) + r.pick(['', 'x'])
    );
};

/** One line of about 1 MB (or 100 kB), of a repeated token. */
const hugeLine: Generator = (r) => {
    const size = r.chance(0.3) ? 1_000_000 : 100_000;
    const token = r.pick(['a', ' ', '\\', '"', "'", '$', '${', '-', 'x=y ', '&& ', '\t', '`', '[', ',', 'a:']);
    const prefix = r.pick(['', 'FROM ', 'RUN ', 'ENV ', 'LABEL ', 'EXPOSE ', 'CMD [', '#', 'COPY --from=']);
    return 'FROM alpine\n' + prefix + token.repeat(Math.ceil(size / token.length)) + r.pick(['', '\n', '!']);
};

const unbalanced: Generator = (r) => {
    const pieces = [
        'RUN <<EOF\necho',
        'RUN <<-"X" <<Y cat\n',
        'COPY <<EOF /x\n',
        'RUN <<\n',
        'RUN <<EOF cat > /a <<EOF2\nx\nEOF\n',
        'CMD ["a", "b\n',
        "ENTRYPOINT ['x\n",
        'VOLUME ["/data"\n',
        'SHELL [\n',
        'HEALTHCHECK CMD ["\n',
        'RUN echo "unterminated\n',
        "RUN echo 'unterminated \\\n",
        'ENV A="b\nENV C=\'d\n',
        'LABEL a="b\\"\n',
        'RUN ${A:-"${B:-\'}"}\n',
        'RUN $(($((\n',
        'ARG X="\n',
        'EOF\n',
    ];
    let s = 'FROM a\n';
    for (let n = 1 + r.int(12); n > 0; n--) {
        s += r.pick(pieces);
    }
    return s;
};

const escapes: Generator = (r) => {
    let s = '';
    for (let n = 1 + r.int(3); n > 0; n--) {
        s += r.pick(DIRECTIVES) + r.pick(['\n', '\r\n', '\r']);
    }
    return s + soup(r).replace(/\\/g, () => r.pick(['\\', '`', '\\`', '``']));
};

const controls: Generator = (r) => {
    const base = r.pick(CORPUS).split('');
    for (let n = 1 + r.int(50); n > 0; n--) {
        base.splice(r.int(base.length + 1), 0, String.fromCharCode(r.chance(0.5) ? 0 : r.int(32)));
    }
    return base.join('');
};

/** A 50k-line file of short instructions (the parser is superlinear: the slowest of the families). */
const manyLines: Generator = (r) => {
    const line = r.pick(['RUN a', '# c', 'ENV A=b', '', ' \\', 'FROM a AS s', 'COPY --from=s / /', 'ARG X']);
    const lines = Array.from({ length: 50_000 }, (_, i) => (i % 97 === 0 ? soupLine(r).split('\n')[0]! : line));
    return 'FROM alpine\n' + lines.join(r.pick(['\n', '\r\n']));
};

/** The families, weighted: the huge ones are rare, as they cost seconds each. */
export const FAMILIES: readonly { name: string; weight: number; make: Generator; big?: boolean }[] = [
    { name: 'soup', weight: 30, make: soup },
    { name: 'mutated', weight: 30, make: mutated },
    { name: 'random-bytes', weight: 6, make: randomBytes },
    { name: 'random-utf16', weight: 4, make: randomUnits },
    { name: 'line-endings', weight: 6, make: lineEndings },
    { name: 'unbalanced', weight: 8, make: unbalanced },
    { name: 'escape-directives', weight: 8, make: escapes },
    { name: 'control-chars', weight: 6, make: controls },
    { name: 'continuations', weight: 1.5, make: deepContinuations },
    { name: 'huge-line', weight: 0.015, make: hugeLine, big: true },
    { name: '50k-lines', weight: 0.005, make: manyLines, big: true },
];

export interface FuzzInput {
    index: number;
    family: string;
    text: string;
}

/** Input `index` of run `seed`; `small` leaves out the families that take seconds per input. */
export function generate(seed: number, index: number, small = false): FuzzInput {
    const r = rng(inputSeed(seed, index));
    const families = small ? FAMILIES.filter((f) => !f.big) : FAMILIES;
    let x = r.next() * families.reduce((sum, f) => sum + f.weight, 0);
    const family = families.find((f) => (x -= f.weight) < 0) ?? families[0]!;
    return { index, family: family.name, text: family.make(r) };
}

/** Input `index` of the given family (tests and `--family`). */
export function generateFamily(seed: number, index: number, name: string): FuzzInput {
    const family = FAMILIES.find((f) => f.name === name);
    if (!family) {
        throw new Error(`unknown family ${name}; one of ${FAMILIES.map((f) => f.name).join(', ')}`);
    }
    return { index, family: name, text: family.make(rng(inputSeed(seed, index))) };
}
