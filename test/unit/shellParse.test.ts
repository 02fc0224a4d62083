import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/model';
import { parseShell } from '../../server/src/core/shell';
import { textAt } from './helpers';

const root = path.resolve(__dirname, '..', '..', '..');

interface Case {
    feature: string;
    name: string;
    script: string;
    commands: string[][];
}

/** The cases bench/shellParsers.mjs measured real shell parsers on (docs/shell-parsers.md). */
const { cases } = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'shell', 'cases.json'), 'utf8')) as {
    cases: Case[];
};

/** Each command's words as raw text, line continuations removed (the cases' notation). */
function rawCommands(script: string): string[][] {
    return parseShell(script)
        .commands.filter((c) => c.words.length > 0)
        .map((c) => c.words.map((w) => script.slice(w.start, w.end).replace(/\\\r?\n/g, '')));
}

/** The commands of a Dockerfile's last instruction: name, argument values, nested. */
function commandsOf(dockerfile: string): { name: string; args: string[]; nested: boolean; text: string }[] {
    const model = buildModel(dockerfile);
    const inst = model.instructions[model.instructions.length - 1]!;
    return inst.commands().map((c) => ({
        name: c.name,
        args: c.args.map((a) => a.value),
        nested: c.nested,
        text: textAt(dockerfile, c.range),
    }));
}

describe('shell tokenizer: the parser comparison cases', () => {
    for (const c of cases) {
        it(`${c.feature}: ${c.name}`, () => {
            assert.deepEqual(rawCommands(c.script), c.commands);
        });
    }
});

describe('shell tokenizer: hard cases', () => {
    it('removes line continuations from word values, also mid-word and inside double quotes', () => {
        const words = parseShell('ec\\\nho "a\\\nb" \'c\\\nd\' e\\\r\nf').commands[0]!.words.map((w) => w.value);
        assert.deepEqual(words, ['echo', 'ab', 'c\\\nd', 'ef']);
    });

    it('marks the commands of substitutions and keeps them after the command holding them', () => {
        const script = parseShell('tar -C "$(mktemp -d)" -xf `ls *.tar` && echo ok');
        assert.deepEqual(
            script.commands.map((c) => [c.words[0]?.value, c.substitution, c.depth]),
            [
                ['tar', false, 0],
                ['mktemp', true, 1],
                ['ls', true, 1],
                ['echo', false, 0],
            ],
        );
        assert.equal(script.commands[0]!.next, '&&');
    });

    it('does not take arithmetic for a substitution', () => {
        assert.deepEqual(rawCommands('echo $(( (1 + 2) * 3 )) && (( n++ )) && ok'), [
            ['echo', '$(( (1 + 2) * 3 ))'],
            ['ok'],
        ]);
    });

    it('reads case items with parenthesised patterns, fall-through and no final ;;', () => {
        const script = 'case "$ARCH" in\n  (amd64|x86_64) a ;;&\n  arm*) b ;&\n  *) c\nesac\nafter';
        assert.deepEqual(rawCommands(script), [['a'], ['b'], ['c'], ['after']]);
    });

    it('reads for loops over command output and C-style for loops', () => {
        assert.deepEqual(rawCommands('for f in $(ls /etc); do cat "$f"; done'), [
            ['ls', '/etc'],
            ['cat', '"$f"'],
        ]);
        assert.deepEqual(rawCommands('for ((i = 0; i < 3; i++)); do echo $i; done'), [['echo', '$i']]);
    });

    it('skips function names and keeps the commands of their bodies', () => {
        assert.deepEqual(rawCommands('function retry { "$@" || "$@"; }\nretry apt-get update'), [
            ['"$@"'],
            ['"$@"'],
            ['retry', 'apt-get', 'update'],
        ]);
        assert.deepEqual(rawCommands('setup () {\n  mkdir -p /x\n}'), [['mkdir', '-p', '/x']]);
    });

    it('treats [[ … ]] as an expression, with its && and < inside', () => {
        assert.deepEqual(rawCommands('[[ $a < $b && -z "$c" ]] || exit 1'), [['exit', '1']]);
    });

    it('never loops or throws on unfinished input', () => {
        for (const s of [
            'echo $(',
            'echo "$(ls',
            'case x in',
            'case x in a) b',
            '[[ -f',
            'for',
            'f(',
            'echo `',
            'a <(b',
            '\\',
        ]) {
            assert.ok(Array.isArray(parseShell(s).commands), s);
        }
    });
});

describe('shell tokenizer: through the Dockerfile model', () => {
    it('gives nested commands of $(…) exact document ranges', () => {
        const df = 'FROM debian\nRUN VERSION="$(curl -fsSL https://x/v)" && \\\n    echo "$VERSION"\n';
        assert.deepEqual(commandsOf(df), [
            { name: '', args: [], nested: false, text: 'VERSION="$(curl -fsSL https://x/v)"' },
            { name: 'curl', args: ['-fsSL', 'https://x/v'], nested: true, text: 'curl -fsSL https://x/v' },
            { name: 'echo', args: ['$VERSION'], nested: false, text: 'echo "$VERSION"' },
        ]);
    });

    it('follows the escape directive: backtick continuations join the command', () => {
        const df = '# escape=`\nFROM debian\nRUN apt-get install -y `\n    curl `\n    git\n';
        assert.deepEqual(
            commandsOf(df).map((c) => [c.name, ...c.args]),
            [['apt-get', 'install', '-y', 'curl', 'git']],
        );
    });

    it('parses a RUN heredoc script, with shell continuations inside the body', () => {
        const df = 'FROM debian\nRUN <<EOF\nset -e\napt-get install -y \\\n  curl\nEOF\n';
        assert.deepEqual(
            commandsOf(df).map((c) => [c.name, ...c.args]),
            [
                ['set', '-e'],
                ['apt-get', 'install', '-y', 'curl'],
            ],
        );
    });
});
