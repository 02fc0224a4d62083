import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { README_END, README_START, spliceReadme, withSettingProperties } from '../../server/src/tools/docsRender';
import { docsDrift, generateDocs, REGENERATE, writeDocs } from '../../server/src/tools/generateDocs';

const root = path.resolve(__dirname, '..', '..', '..');

describe('generated docs', () => {
    it('docs/rules, the README table and package.json match the rule table', () => {
        const drift = docsDrift(root);
        assert.deepEqual(drift, [], `Generated docs drifted from the rule table (${REGENERATE}):\n${drift.join('\n')}`);
    });

    it('has no docs page for a rule id that no longer exists', () => {
        const { stale } = generateDocs(root);
        assert.deepEqual(stale, [], `Pages of removed rules (${REGENERATE}, which deletes them): ${stale.join(', ')}`);
    });

    it('gives every rule a page, a README row and a setting', () => {
        const { files } = generateDocs(root);
        const readme = files.get('README.md')!;
        const pkg = JSON.parse(files.get('package.json')!) as {
            contributes: {
                configuration: { properties: Record<string, { properties?: object; additionalProperties?: object }> }[];
            };
        };
        const setting = pkg.contributes.configuration.find((c) => c.properties['dockwise.rules'])!.properties[
            'dockwise.rules'
        ]!;
        assert.deepEqual(
            Object.keys(setting.properties!),
            RULES.map((r) => r.id),
        );
        assert.ok(setting.additionalProperties, 'hadolint and BuildKit ids stay allowed');
        for (const rule of RULES) {
            assert.ok(files.get(`docs/rules/${rule.id}.md`)!.includes(`# ${rule.id}\n`), rule.id);
            assert.ok(readme.includes(`| [${rule.id}](docs/rules/${rule.id}.md) |`), rule.id);
            assert.ok(files.get('docs/rules/README.md')!.includes(`[${rule.id}](${rule.id}.md)`), rule.id);
        }
        assert.match(files.get('docs/rules/README.md')!, /\n## Declined\n/);
    });

    it('the check catches an edited page, a stale page and a stale table, and writing fixes them', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'dockwise-docs-'));
        try {
            copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
            writeFileSync(path.join(dir, 'README.md'), `# X\n\n${README_START}\nold table\n${README_END}\n\nMore.\n`);
            assert.ok(docsDrift(dir).includes('README.md is out of date'));
            writeDocs(dir);
            assert.deepEqual(docsDrift(dir), []);
            assert.match(
                readFileSync(path.join(dir, 'README.md'), 'utf8'),
                /^# X\n\n<!-- rules:start -->\n\| Rule \|[^]*<!-- rules:end -->\n\nMore\.\n$/,
            );
            const page = path.join(dir, 'docs', 'rules', `${RULES[0]!.id}.md`);
            writeFileSync(page, 'edited by hand\n');
            writeFileSync(path.join(dir, 'docs', 'rules', 'retired-rule.md'), '# retired-rule\n');
            assert.deepEqual(docsDrift(dir).sort(), [
                `docs/rules/${RULES[0]!.id}.md is out of date`,
                'docs/rules/retired-rule.md documents a rule that no longer exists',
            ]);
            writeDocs(dir);
            assert.deepEqual(docsDrift(dir), []);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('needs the README markers', () => {
        assert.equal(spliceReadme('# Title\n', 'table'), undefined);
        assert.equal(
            spliceReadme(`a\n${README_START}\nx\n${README_END}\nb`, 'T'),
            `a\n${README_START}\nT\n${README_END}\nb`,
        );
    });

    it('keeps the rest of package.json as it is', () => {
        const pkg = {
            name: 'x',
            contributes: {
                configuration: [
                    { title: 'Other', properties: { 'x.y': { type: 'boolean' } } },
                    {
                        title: 'Lint',
                        properties: {
                            'dockwise.rules': { type: 'object', additionalProperties: { type: 'string' } },
                            'dockwise.lint.debounceMs': { type: 'number' },
                        },
                    },
                ],
            },
        };
        const out = JSON.parse(withSettingProperties(JSON.stringify(pkg), RULES)!) as typeof pkg;
        const rules = out.contributes.configuration[1]!.properties['dockwise.rules'] as Record<string, unknown>;
        assert.deepEqual(Object.keys(rules), ['type', 'properties', 'additionalProperties']);
        assert.deepEqual(out.contributes.configuration[0], pkg.contributes.configuration[0]);
        assert.deepEqual(out.contributes.configuration[1]!.properties['dockwise.lint.debounceMs'], { type: 'number' });
        assert.equal(withSettingProperties('{"name":"x"}', RULES), undefined);
    });
});
