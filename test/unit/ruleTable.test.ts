import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';

const root = path.resolve(__dirname, '..', '..', '..');

describe('rule table', () => {
    it('has unique kebab-case ids', () => {
        const ids = RULES.map((r) => r.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const id of ids) {
            assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, id);
        }
    });
    for (const rule of RULES) {
        describe(rule.id, () => {
            it('has a title, docs and examples', () => {
                assert.ok(rule.title.length > 5);
                assert.ok(rule.docs.why.length > 40, 'docs.why explains the reason');
                assert.ok(rule.docs.bad.trim().length > 0 && rule.docs.good.trim().length > 0);
            });
            it('has a test file', () => {
                assert.ok(
                    existsSync(path.join(root, 'test', 'unit', 'rules', `${rule.id}.test.ts`)),
                    'test/unit/rules/<id>.test.ts',
                );
            });
            it('fires on its bad example and not on its good one', () => {
                const on = {
                    rules: { [rule.id]: rule.defaultSeverity },
                    ruleOptions: rule.docs.options ? { [rule.id]: rule.docs.options } : {},
                };
                const bad = lint(rule.docs.bad, on).diagnostics.filter((d) => d.ruleId === rule.id);
                const good = lint(rule.docs.good, on).diagnostics.filter((d) => d.ruleId === rule.id);
                assert.ok(bad.length > 0, 'bad example has a finding');
                assert.deepEqual(good, [], 'good example is clean');
            });
        });
    }
});
