import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { DECLINED } from '../../server/src/tools/declined';

// Issue 3: every concept of the reference's cross-reference table (hadolint, BuildKit,
// dockerfile-utils, Trivy) has a Dockwise rule naming it in `equivalents`, or a documented
// decision not to (server/src/tools/declined.ts). The reference is a copy kept in the fixtures.

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REFERENCE = readFileSync(path.join(ROOT, 'test', 'fixtures', 'reference', 'lint-rules.md'), 'utf8');

/** Concepts that no lint rule stands for: the feature that covers each, as a repository path. */
const FEATURES: Record<string, string> = {
    'shell script lint in RUN': 'server/src/shellcheck',
    'inline suppression': 'server/src/core/suppress.ts',
};

function section(start: string, end: string): string {
    const from = REFERENCE.indexOf(start);
    assert.ok(from >= 0, `the reference has no "${start}"`);
    const to = REFERENCE.indexOf(end, from + start.length);
    return REFERENCE.slice(from, to < 0 ? undefined : to);
}

/** Table rows below a heading: cells trimmed, header and separator dropped. */
function rows(text: string): string[][] {
    return text
        .split('\n')
        .filter((l) => l.startsWith('|'))
        .slice(2)
        .map((l) =>
            l
                .slice(1, -1)
                .split(/(?<!\\)\|/)
                .map((c) => c.trim()),
        );
}

/** dockerfile-utils codes the validator emits (not the never-emitted one, not the deprecated alias). */
const UTILS_CODES = rows(section('### 3.1', '### 3.2'))
    .filter((r) => r[3] !== '—')
    .map((r) => r[1]!);

/** `UNKNOWN_*`, `FLAG_*DURATION*`, `SYNTAX_MISSING_EQUALS/NAMES/QUOTE` → the codes they stand for. */
function utilsCodes(cell: string): string[] {
    const out: string[] = [];
    for (const token of cell.match(/[A-Z][A-Z_*]+(?:\/[A-Z_]+)*/g) ?? []) {
        const [first, ...alternatives] = token.split('/');
        const prefix = first!.slice(0, first!.lastIndexOf('_') + 1);
        const patterns = [first!, ...alternatives.map((a) => `${prefix}*${a}`)];
        for (const p of patterns) {
            const re = new RegExp(`^${p.replace(/\*/g, '[A-Z_]*')}$`);
            const matched = UTILS_CODES.filter((c) => re.test(c));
            assert.ok(matched.length > 0, `"${p}" (in "${cell}") names no dockerfile-utils code`);
            out.push(...matched);
        }
    }
    return out;
}

/** The ids a cell of the table names; removed hadolint rules (`(DL3005 removed 2023)`) excepted. */
function idsIn(column: 'hadolint' | 'buildkit' | 'utils' | 'trivy', cell: string): string[] {
    switch (column) {
        case 'hadolint':
            return [...cell.matchAll(/\b(DL\d{4})\b(?! removed)/g)].map((m) => m[1]!);
        case 'buildkit':
            return cell.match(/\b[A-Z][a-z]+(?:[A-Z][a-z]*)+\b/g) ?? [];
        case 'utils':
            return utilsCodes(cell.replace(/`[^`]*`/g, ''));
        case 'trivy':
            return cell.match(/\bDS-\d{4}\b/g) ?? [];
    }
}

const covered = new Set(
    RULES.flatMap((r) => {
        const e = r.equivalents;
        return [...(e.hadolint ?? []), ...(e.buildkit ?? []), ...(e.trivy ?? []), ...(e.dockerfileUtils ?? [])];
    }).map((id) => id.toLowerCase()),
);
const declined = new Map(DECLINED.map((d) => [d.id.toLowerCase(), d]));
const accounted = (id: string) => covered.has(id.toLowerCase()) || declined.has(id.toLowerCase());

describe('cross-reference table of lint-rules.md', () => {
    const table = rows(section('## 6. Cross-reference', '\n---'));

    it('is read: every row has a concept and four tool columns', () => {
        assert.ok(table.length >= 70, `only ${table.length} rows read`);
        for (const row of table) {
            assert.equal(row.length, 5, row.join(' | '));
        }
    });

    it('has a Dockwise rule or a declined decision for every id of every concept', () => {
        const missing: string[] = [];
        for (const [concept, hadolint, buildkit, utils, trivy] of table) {
            const ids = [
                ...idsIn('hadolint', hadolint!),
                ...idsIn('buildkit', buildkit!),
                ...idsIn('utils', utils!),
                ...idsIn('trivy', trivy!),
            ];
            if (ids.length === 0) {
                const feature = FEATURES[concept!];
                if (!feature) {
                    missing.push(`${concept}: names no rule id; add the feature that covers it to FEATURES`);
                } else if (!existsSync(path.join(ROOT, feature))) {
                    missing.push(`${concept}: ${feature} does not exist`);
                }
                continue;
            }
            missing.push(...ids.filter((id) => !accounted(id)).map((id) => `${concept}: ${id}`));
        }
        assert.deepEqual(missing, []);
    });

    it('also accounts for every live rule of the four catalogs', () => {
        const hadolint = rows(section('### 1.1', '### 1.2')).map((r) => r[0]!);
        const buildkit = rows(section('### 2.1', '### 2.2')).map((r) => r[0]!.replace(/\s*\(.*\)$/, ''));
        const trivy = rows(section('## 4.', '## 5.')).map((r) => r[0]!);
        assert.equal(hadolint.length, 71);
        assert.equal(buildkit.length, 22);
        assert.equal(trivy.length, 28);
        assert.ok(UTILS_CODES.length >= 50);
        const missing = [...hadolint, ...buildkit, ...trivy, ...UTILS_CODES].filter((id) => !accounted(id));
        assert.deepEqual(missing, []);
    });

    it('declines only ids the reference knows, each with a reason', () => {
        for (const d of DECLINED) {
            assert.ok(REFERENCE.includes(d.id), `${d.id} is not in the reference`);
            assert.ok(d.reason.trim().length >= 20, `${d.id} needs a reason`);
            assert.ok(!covered.has(d.id.toLowerCase()), `${d.id} is declined but a rule names it`);
        }
    });

    it('names in equivalents only ids the reference knows', () => {
        const unknown = RULES.flatMap((r) => {
            const e = r.equivalents;
            const ids = [
                ...(e.hadolint ?? []),
                ...(e.buildkit ?? []),
                ...(e.trivy ?? []),
                ...(e.dockerfileUtils ?? []),
            ];
            return ids.filter((id) => !REFERENCE.includes(id)).map((id) => `${r.id}: ${id}`);
        });
        assert.deepEqual(unknown, []);
    });
});
