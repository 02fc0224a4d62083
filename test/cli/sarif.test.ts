import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hasFix } from '../../server/src/cli/ruleFacts';
import { ruleDocsUrl } from '../../server/src/core/docs';
import { lint } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import { BAD, dockwise, GOOD, json, ONLY_KEEP_ALIVE, packageVersion, ROOT, SPECIAL } from './helpers';

// The OASIS schema (see test/fixtures/sarif/README.md); ajv's strict mode rejects its anyOf/required idiom.
const schema = JSON.parse(
    readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown): void {
    const ok = validate(log);
    assert.ok(ok, `SARIF is invalid: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

function sarif(args: string[], input?: string): Sarif.Log {
    const r = dockwise(['lint', '--format', 'sarif', ...args], { input });
    assert.notEqual(r.code, 2, r.stderr);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    assertValid(log);
    return log;
}

describe('--format sarif', () => {
    it('the schema check is real: it rejects a broken log', () => {
        assert.equal(validate({ version: '2.1.0' }), false);
        const log = sarif([...ONLY_KEEP_ALIVE, BAD]);
        log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
        assert.equal(validate(log), false);
    });
    it('is valid SARIF 2.1.0 describing the tool and every rule', () => {
        const log = sarif([...ONLY_KEEP_ALIVE, BAD, GOOD]);
        assert.equal(log.version, '2.1.0');
        const driver = log.runs[0]!.tool.driver;
        assert.equal(driver.name, 'dockwise');
        assert.equal(driver.version, packageVersion());
        assert.deepEqual(
            driver.rules!.map((r) => r.id),
            RULES.map((r) => r.id),
        );
        const keepAlive = driver.rules!.find((r) => r.id === 'keep-alive-hack')!;
        const rule = RULES.find((r) => r.id === 'keep-alive-hack')!;
        assert.equal(keepAlive.shortDescription!.text, rule.title);
        assert.equal(keepAlive.fullDescription!.text, rule.docs.why);
        assert.equal(keepAlive.helpUri, ruleDocsUrl('keep-alive-hack'));
        assert.match(keepAlive.help!.markdown!, /```dockerfile/);
        assert.deepEqual(keepAlive.defaultConfiguration, { level: 'warning', enabled: true });
        assert.deepEqual(keepAlive.properties!.equivalents, {});
        for (const r of driver.rules!) {
            const source = RULES.find((x) => x.id === r.id)!;
            assert.equal(r.defaultConfiguration!.enabled, !source.offByDefault, r.id);
        }
    });
    it('places results like the JSON format: relative URI under %SRCROOT%, 1-based region', () => {
        const args = [...ONLY_KEEP_ALIVE, BAD, SPECIAL];
        const log = sarif(args);
        const expected = json(dockwise(['lint', '-f', 'json', ...args]));
        const results = log.runs[0]!.results!;
        const rules = log.runs[0]!.tool.driver.rules!;
        assert.equal(results.length, expected.length);
        results.forEach((res, i) => {
            const f = expected[i]!;
            assert.equal(res.ruleId, f.rule);
            assert.equal(rules[res.ruleIndex!]!.id, res.ruleId);
            assert.equal(res.level, 'warning');
            assert.equal(res.message.text, f.message);
            const loc = res.locations![0]!.physicalLocation!;
            assert.deepEqual(loc.artifactLocation, { uri: f.file, uriBaseId: '%SRCROOT%' });
            assert.deepEqual(loc.region, {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
            });
        });
        assert.equal(log.runs[0]!.columnKind, 'utf16CodeUnits');
    });
    it('maps info and hint to note, keeping the Dockwise severity', () => {
        for (const severity of ['info', 'hint']) {
            const log = sarif(['--rules', 'none', '--rule', `keep-alive-hack=${severity}`, BAD]);
            const res = log.runs[0]!.results![0]!;
            assert.equal(res.level, 'note');
            assert.deepEqual(res.properties, { severity });
        }
    });
    it('encodes file names into URIs', () => {
        const log = sarif(
            [...ONLY_KEEP_ALIVE, '--stdin-filename', 'my app/Dockerfile', '-'],
            readFileSync(path.join(ROOT, BAD), 'utf8'),
        );
        const loc = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
        assert.equal(loc.uri, 'my%20app/Dockerfile');
    });
    it('carries fixes as replacements that rewrite the file as the editor would', (t) => {
        const rule = RULES.find((r) => hasFix(r));
        if (!rule) {
            t.skip('no rule offers a fix yet');
            return;
        }
        const text = rule.docs.bad;
        const log = sarif(
            ['--rules', 'none', '--rule', `${rule.id}=error`, '--stdin-filename', 'Dockerfile', '-'],
            text,
        );
        const withFix = log.runs[0]!.results!.find((r) => r.fixes && r.fixes.length > 0);
        assert.ok(withFix, `${rule.id} has a fix in SARIF`);
        const fix = withFix.fixes![0]!;
        const change = fix.artifactChanges[0]!;
        assert.deepEqual(change.artifactLocation, { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' });
        // Apply the SARIF replacements, then the core's LSP edits: the results must agree.
        const doc = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
        const fromSarif = TextDocument.applyEdits(
            doc,
            change.replacements.map((rep) => ({
                range: {
                    start: { line: rep.deletedRegion.startLine! - 1, character: rep.deletedRegion.startColumn! - 1 },
                    end: { line: rep.deletedRegion.endLine! - 1, character: rep.deletedRegion.endColumn! - 1 },
                },
                newText: rep.insertedContent?.text ?? '',
            })),
        );
        const diagnostic = lint(text, { rules: { [rule.id]: 'error' } }, [rule]).diagnostics.find(
            (d) => d.fixes.length > 0,
        )!;
        assert.equal(fix.description!.text, diagnostic.fixes[0]!.title);
        assert.equal(fromSarif, TextDocument.applyEdits(doc, diagnostic.fixes[0]!.edits));
        assert.notEqual(fromSarif, text);
    });
});
