import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';

const root = path.resolve(__dirname, '..', '..', '..');

interface Snippet {
    prefix: string | string[];
    description: string;
    body: string | string[];
}

const snippets = JSON.parse(readFileSync(path.join(root, 'snippets', 'dockerfile.json'), 'utf8')) as Record<
    string,
    Snippet
>;

// ---- a small expander for VS Code's snippet syntax (tab stops, placeholders, choices, escapes) ----

type Node =
    | { kind: 'text'; value: string }
    | { kind: 'tabstop'; index: number }
    | { kind: 'placeholder'; index: number; children: Node[] }
    | { kind: 'choice'; index: number; options: string[] };

function parse(source: string): Node[] {
    let pos = 0;
    const text = (value: string): Node => ({ kind: 'text', value });
    function parseNodes(inPlaceholder: boolean): Node[] {
        const nodes: Node[] = [];
        while (pos < source.length) {
            const c = source[pos]!;
            if (c === '\\' && '$}\\'.includes(source[pos + 1] ?? '')) {
                nodes.push(text(source[pos + 1]!));
                pos += 2;
            } else if (c === '}' && inPlaceholder) {
                return nodes;
            } else if (c === '$') {
                nodes.push(parseDollar());
            } else {
                nodes.push(text(c));
                pos++;
            }
        }
        assert.ok(!inPlaceholder, `unclosed placeholder in ${JSON.stringify(source)}`);
        return nodes;
    }
    function parseDollar(): Node {
        const simple = /^\$(\d+)/.exec(source.slice(pos));
        if (simple) {
            pos += simple[0].length;
            return { kind: 'tabstop', index: Number(simple[1]) };
        }
        const open = /^\$\{(\d+)([:|}])/.exec(source.slice(pos));
        if (!open) {
            assert.doesNotMatch(
                source.slice(pos),
                /^\$(\{|[A-Za-z_])/,
                'snippet variables and transforms are unused here',
            );
            pos++;
            return text('$');
        }
        pos += open[0].length;
        const index = Number(open[1]);
        if (open[2] === '}') {
            return { kind: 'tabstop', index };
        }
        if (open[2] === '|') {
            const end = source.indexOf('|}', pos);
            assert.ok(end > pos, 'unclosed choice');
            const options = source.slice(pos, end).split(',');
            pos = end + 2;
            return { kind: 'choice', index, options };
        }
        const children = parseNodes(true);
        pos++; // the closing brace
        return { kind: 'placeholder', index, children };
    }
    return parseNodes(false);
}

/**
 * The text a snippet inserts when every placeholder keeps its default and every choice its first
 * option; a bare `$n` mirrors the default given elsewhere, or takes `plausible[n]`.
 */
export function expandSnippet(body: string, plausible: Record<number, string> = {}): string {
    const nodes = parse(body);
    const defaults = new Map<number, string>();
    const collect = (list: Node[]): void => {
        for (const n of list) {
            if (n.kind === 'placeholder') {
                collect(n.children);
                if (!defaults.has(n.index)) {
                    defaults.set(n.index, render(n.children));
                }
            } else if (n.kind === 'choice' && !defaults.has(n.index)) {
                defaults.set(n.index, n.options[0]!);
            }
        }
    };
    const render = (list: Node[]): string =>
        list
            .map((n) => {
                switch (n.kind) {
                    case 'text':
                        return n.value;
                    case 'placeholder':
                        return render(n.children);
                    case 'choice':
                        return n.options[0]!;
                    case 'tabstop': {
                        if (n.index === 0) {
                            return '';
                        }
                        const value = defaults.get(n.index) ?? plausible[n.index];
                        assert.ok(value !== undefined, `tab stop $${n.index} has no default and no plausible value`);
                        return value;
                    }
                }
            })
            .join('');
    collect(nodes);
    return render(nodes);
}

function tabStops(body: string): number[] {
    const found = new Set<number>();
    const walk = (list: Node[]): void => {
        for (const n of list) {
            if (n.kind !== 'text') {
                found.add(n.index);
            }
            if (n.kind === 'placeholder') {
                walk(n.children);
            }
        }
    };
    walk(parse(body));
    return [...found].filter((i) => i > 0).sort((a, b) => a - b);
}

// ---- the snippets ----

/** Fragments (no FROM) are inserted into this Dockerfile, which is clean on its own. */
const HOST = [
    '# syntax=docker/dockerfile:1',
    'FROM alpine:3.20',
    'COPY --chmod=755 app /usr/local/bin/app',
    '%FRAGMENT%',
    'USER 10001:10001',
    'ENTRYPOINT ["/usr/local/bin/app"]',
    '',
].join('\n');

function dockerfileOf(body: string): string {
    const text = expandSnippet(body);
    return /^\s*FROM\s/im.test(text) ? text : HOST.replace('%FRAGMENT%\n', text);
}

/** Findings in a Dockerfile at any severity, with every rule at its default severity. */
function findingsIn(text: string): string[] {
    const result = lint(text, {});
    assert.deepEqual(result.failures, [], 'no rule may throw');
    return result.diagnostics.map(
        (d) => `${d.severity} ${d.ruleId} (line ${d.range.start.line + 1}): ${d.message.slice(0, 140)}`,
    );
}

describe('snippet expander', () => {
    it('keeps defaults, mirrors tab stops, takes the first choice and unescapes', () => {
        assert.equal(expandSnippet('a ${1:x} $1 ${2|tcp,udp|} \\${HOME\\} $0'), 'a x x tcp ${HOME} ');
        assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
        assert.equal(expandSnippet('$3 then ${3:later}'), 'later then later');
        assert.equal(expandSnippet('$4', { 4: 'plausible' }), 'plausible');
        assert.throws(() => expandSnippet('$5'), /no default/);
    });
});

describe('Dockerfile snippets', () => {
    it('the host for fragments is clean', () => {
        assert.deepEqual(findingsIn(HOST.replace('%FRAGMENT%\n', '')), []);
    });
    it('cover the patterns of the guide', () => {
        const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
        for (const p of [
            'dw-static-nginx',
            'dw-go',
            'dw-go-scratch',
            'dw-node',
            'dw-python',
            'dw-healthcheck',
            'dw-stdout-logs',
            'dw-volume',
            'dw-expose',
            'dw-env',
            'dw-arg-env',
        ]) {
            assert.ok(prefixes.includes(p), `a snippet with prefix ${p}`);
        }
        const all = Object.values(snippets).flatMap((s) => [s.prefix].flat());
        assert.equal(new Set(all).size, all.length, 'prefixes are unique');
    });
    for (const [name, snippet] of Object.entries(snippets)) {
        describe(name, () => {
            const body = [snippet.body].flat().join('\n');
            it('has a dw- prefix, a description and tab stops', () => {
                assert.ok([snippet.prefix].flat().some((p) => /^dw-[a-z-]+$/.test(p)));
                assert.ok(snippet.description.length > 40, 'the description says what and why');
                assert.ok(tabStops(body).length > 0, 'at least one tab stop besides $0');
                assert.ok(/\$0\b/.test(body), 'ends in $0 so that Tab leaves the snippet');
            });
            it('expands to a Dockerfile with no lint finding', () => {
                assert.deepEqual(findingsIn(dockerfileOf(body)), []);
            });
        });
    }
});
