import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';

// A false-positive guard: Dockerfiles written the way well-kept official images are must lint clean.

const DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'wellKept');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.Dockerfile'));

const loud = (text: string, allRules: boolean) =>
    lint(text, { allRules })
        .diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error')
        .map((d) => `${d.range.start.line + 1}: ${d.ruleId}: ${d.message}`);

describe('well-kept Dockerfiles', () => {
    it('are there: multi-stage Go, Node, Python, Rust, Alpine, distroless, scratch, Debian slim, nginx', () => {
        assert.ok(FILES.length >= 10, FILES.join(', '));
    });
    for (const file of FILES) {
        const text = readFileSync(path.join(DIR, file), 'utf8');
        it(`${file}: no warning or error with the default rules, and no rule fails`, () => {
            const result = lint(text);
            assert.deepEqual(result.failures, []);
            assert.deepEqual(loud(text, false), []);
        });
        it(`${file}: no warning or error with every rule on (--rules all)`, () => {
            assert.deepEqual(loud(text, true), []);
        });
    }
});
