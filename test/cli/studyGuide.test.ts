import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { dockwise, json, ROOT } from './helpers';

/** The foundation issue's acceptance check: `dockwise lint --format json` on the study guide's bad example. */
interface Expected {
    practice: number;
    rule: string;
    line: number;
}
const expected = (
    JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/examples/studyGuideFindings.json'), 'utf8')) as {
        findings: Expected[];
    }
).findings;
const BAD = 'test/fixtures/examples/bad/Dockerfile';

describe('CLI on the study guide example', () => {
    it('reports all six practices at the right lines, with equivalents, and exits 1', () => {
        const run = dockwise(['lint', '--format', 'json', BAD]);
        assert.equal(run.code, 1, run.stderr);
        const findings = json(run);
        for (const e of expected) {
            assert.ok(
                findings.some((f) => f.rule === e.rule && f.line === e.line && f.file === BAD),
                `practice ${e.practice}: ${e.rule} at line ${e.line}`,
            );
        }
        assert.deepEqual([...new Set(expected.map((e) => e.practice))].sort(), [1, 2, 3, 4, 5, 6]);
        const exec = findings.find((f) => f.rule === 'cmd-exec-form');
        assert.deepEqual(exec?.equivalents.hadolint, ['DL3025']);
    });
    it('finds nothing at warning or error on the good example', () => {
        const run = dockwise([
            'lint',
            '--format',
            'json',
            '--severity-threshold',
            'warning',
            'test/fixtures/examples/good/Dockerfile',
        ]);
        assert.equal(run.code, 0, run.stdout);
    });
});
