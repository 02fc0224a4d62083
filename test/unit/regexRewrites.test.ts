import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unquote } from '../../server/src/core/knowledge/copyArgs';
import { nameParts, secretValues } from '../../server/src/core/knowledge/secrets';
import { looksLikeServer } from '../../server/src/core/knowledge/serverCommands';
import { braceExpansion } from '../../server/src/core/rules/cmd-exec-form';
import { rng } from '../fuzz/generate';

// The regexes rewritten for linear time (docs/fuzzing.md) against the ones they replaced, on short
// random strings of the characters that matter (the old ones are fast there): same answers.
const CASES = 20_000;

function strings(alphabet: string[], seed: number, maxLength = 12): string[] {
    const r = rng(seed);
    return Array.from({ length: CASES }, () => {
        let s = '';
        for (let n = r.int(maxLength + 1); n > 0; n--) {
            s += r.pick(alphabet);
        }
        return s;
    });
}

function same<T>(name: string, inputs: string[], before: (s: string) => T, after: (s: string) => T): void {
    for (const s of inputs) {
        assert.deepEqual(after(s), before(s), `${name} on ${JSON.stringify(s)}`);
    }
}

describe('linear rewrites of quadratic regexes', () => {
    it('match the old regexes', () => {
        const words = strings(['a', 'c', 'd', 'm', 'x', 'Z', '-', '/', '\\', '0', '1', '.', '_', ' ', '!'], 1);
        same(
            'trailing slashes',
            words,
            (s) => s.replace(/\/+$/, ''),
            (s) => s.replace(/(?<!\/)\/+$/, ''),
        );
        same(
            'trailing slashes or backslashes',
            words,
            (s) => s.replace(/[\\/]+$/, ''),
            (s) => s.replace(/(?<![\\/])[\\/]+$/, ''),
        );
        same(
            'cd target',
            words,
            (s) => s.replace(/(.)\/+$/, '$1'),
            (s) => s.replace(/(?<!\/)\/+$/, '') || s.slice(0, 1),
        );
        same(
            'sh -c',
            words,
            (s) => /^-[a-z]*c[a-z]*$/.test(s),
            (s) => /^-(?=[a-z]*$)[a-z]*c/.test(s),
        );
        same(
            'screen -dm',
            words,
            (s) => /^-[a-zA-Z]*d[a-zA-Z]*m|^-[a-zA-Z]*m[a-zA-Z]*d/.test(s),
            (s) => /^-(?=[a-zA-Z]*d)(?=[a-zA-Z]*m)/.test(s),
        );
        same(
            'tar x',
            words,
            (s) => /^[A-Za-z]*x[A-Za-z]*$/.test(s),
            (s) => /^(?=[A-Za-z]*$)[A-Za-z]*x/.test(s),
        );
        same(
            'version suffix',
            words.map((w) => `/app/${w}.js`),
            (p) => {
                const base = (p.split('/').pop() ?? '')
                    .replace(/\.(m?[jt]s|c[jt]s|py|rb|jar|war)$/i, '')
                    .replace(/-\d[\w.-]*$/, '')
                    .toLowerCase();
                return base;
            },
            (p) => {
                // looksLikeServer's cut, recomputed the new way.
                let base = (p.split('/').pop() ?? '').replace(/\.(m?[jt]s|c[jt]s|py|rb|jar|war)$/i, '').toLowerCase();
                const tail = /(?<![\w.-])[\w.-]*$/.exec(base)?.[0] ?? '';
                const version = tail.search(/-\d/);
                base = version >= 0 ? base.slice(0, base.length - tail.length + version) : base;
                return base;
            },
        );
        assert.equal(looksLikeServer('/srv/server-1.2.3.js'), true);
        assert.equal(looksLikeServer('/srv/cli-1.2.3.js'), false);
    });

    it('match for quoting, names, URLs, heredocs and flags', () => {
        const quoted = strings(['"', "'", '\\', 'a', ' ', '\n'], 2);
        same(
            'COPY unquoting',
            quoted,
            (raw) =>
                raw.replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g, (_, d: string | undefined, s: string | undefined) =>
                    d !== undefined ? d.replace(/\\(.)/g, '$1') : (s ?? ''),
                ),
            unquote,
        );
        same(
            'brace expansion',
            strings(['{', '}', ',', '.', 'a'], 3),
            (s) => /\{[^}]*(?:,|\.\.)[^}]*\}/.test(s),
            braceExpansion,
        );
        const names = strings(['A', 'B', 'a', 'b', '1', '_'], 4);
        same(
            'camelCase humps',
            names,
            (s) => s.replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2'),
            (s) => s.replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1_$2'),
        );
        assert.deepEqual(nameParts('myAPIToken'), ['MY', 'API', 'TOKEN']);
        const urls = strings(['a', '-', '+', '.', ':', '/', '@', 'p', ' '], 5, 16);
        const oldUrl = /\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^\s/:@'"$`]+:[^\s/@'"$`]+)@/g;
        same(
            'URL credentials',
            urls,
            (s) => [...s.matchAll(oldUrl)].map((m) => m[1]),
            (s) =>
                secretValues(s)
                    .filter((v) => v.what === 'credentials in a URL')
                    .map((v) => s.slice(v.start, v.end)),
        );
        const heredocs = strings(['<', '-', '"', "'", 'E', '0', '_', ' ', '\n', 'x'], 6);
        same(
            'heredoc start',
            heredocs,
            (s) => /^<<(-?)(["']?)([A-Za-z0-9_]+)\2[^\n]*\n/.exec(s)?.slice(0, 4),
            (s) => /^<<(-?)(["']?)([A-Za-z0-9_]+)(?![A-Za-z0-9_])\2[^\n]*\n/.exec(s)?.slice(0, 4),
        );
        const flags = strings(['-', 'a', ' ', 'C', 'M', 'D', '\n'], 7, 14);
        same(
            'RUN flags',
            flags,
            (s) => /^(?:\s*--\S+)*\s*/.exec(s)?.[0],
            (s) => /^\s*(?:--\S+(?:\s+|$))*/.exec(s)?.[0],
        );
    });

    it('differ from the old HEALTHCHECK regex only where a flag runs into CMD', () => {
        const before = (s: string) => /^(?:\s*--\S+)*\s*CMD\s+/i.exec(s)?.[0];
        const after = (s: string) => /^\s*(?:--\S+\s+)*CMD\s+/i.exec(s)?.[0];
        for (const s of strings(['-', 'a', ' ', 'C', 'M', 'D', '\n'], 8, 14)) {
            // `--aCMD x` is not a flag then CMD: the old regex split the word, the new one does not.
            if (!/\S(?:CMD|cmd)/i.test(s)) {
                assert.equal(after(s), before(s), JSON.stringify(s));
            }
        }
        assert.equal(after(' --interval=5s --timeout=1s CMD curl'), before(' --interval=5s --timeout=1s CMD curl'));
    });
});
