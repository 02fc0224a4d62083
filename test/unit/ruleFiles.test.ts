// One rule per file, named for its id: `rules/<id>.ts` exports exactly the rule registered under that id.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/types';

const RULES_DIR = path.resolve(__dirname, '..', '..', 'server', 'src', 'core', 'rules');

describe('rule files', () => {
    it('every rule file holds the rule whose id is its name, and every rule has its file', () => {
        const files = fs
            .readdirSync(RULES_DIR)
            .filter((f) => f.endsWith('.js') && f !== 'index.js')
            .map((f) => f.slice(0, -'.js'.length));
        for (const name of files) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file list is only known at run time
            const mod = require(path.join(RULES_DIR, `${name}.js`)) as Record<string, unknown>;
            const rules = Object.values(mod).filter(
                (v): v is Rule => typeof v === 'object' && v !== null && 'id' in v && 'check' in v,
            );
            assert.deepEqual(
                rules.map((r) => r.id),
                [name],
                `rules/${name}.ts exports ${rules.map((r) => r.id).join(', ')}`,
            );
        }
        assert.deepEqual([...files].sort(), RULES.map((r) => r.id).sort());
    });
});
