import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleMarkdown } from '../../server/src/core/docs';
import { RULES } from '../../server/src/core/rules';
import { dockwise, packageVersion } from './helpers';

describe('dockwise help and version', () => {
    for (const args of [['--help'], ['-h'], ['help'], [], ['lint', '--help']]) {
        it(`"dockwise ${args.join(' ')}" prints the usage`, () => {
            const r = dockwise(args);
            assert.equal(r.code, 0);
            assert.match(r.stdout, /^Usage: dockwise /);
            assert.match(r.stdout, /--severity-threshold/);
            assert.equal(r.stderr, '');
        });
    }
    it('prints the version of package.json', () => {
        for (const flag of ['--version', '-v']) {
            const r = dockwise([flag]);
            assert.equal(r.code, 0);
            assert.equal(r.stdout, `${packageVersion()}\n`);
        }
    });
});

describe('dockwise rules', () => {
    it('lists every rule with its default severity', () => {
        const r = dockwise(['rules']);
        assert.equal(r.code, 0);
        assert.match(r.stdout, /^RULE +CATEGORY +DEFAULT +FIX +EQUIVALENTS\n/);
        for (const rule of RULES) {
            const line = r.stdout.split('\n').find((l) => l.startsWith(`${rule.id} `));
            assert.ok(line, rule.id);
            assert.ok(line.includes(rule.offByDefault ? `off (${rule.defaultSeverity})` : rule.defaultSeverity), line);
            for (const id of rule.equivalents.hadolint ?? []) {
                assert.ok(line.includes(`hadolint ${id}`), line);
            }
        }
    });
    it('lists them as JSON with --format json', () => {
        const r = dockwise(['rules', '--format', 'json']);
        const list = JSON.parse(r.stdout) as {
            id: string;
            defaultSeverity: string;
            equivalents: object;
            docs: string;
        }[];
        assert.deepEqual(list.map((x) => x.id).sort(), RULES.map((x) => x.id).sort());
        const keepAlive = list.find((x) => x.id === 'keep-alive-hack')!;
        assert.equal(keepAlive.defaultSeverity, 'warning');
        assert.match(keepAlive.docs, /docs\/rules\/keep-alive-hack\.md$/);
    });
});

describe('dockwise docs', () => {
    it('prints the rule documentation as Markdown', () => {
        const r = dockwise(['docs', 'keep-alive-hack']);
        assert.equal(r.code, 0);
        assert.match(r.stdout, /^# keep-alive-hack\n/);
        assert.match(r.stdout, /```dockerfile\n/);
        assert.equal(r.stdout, ruleMarkdown(RULES.find((x) => x.id === 'keep-alive-hack')!));
    });
    it('finds a rule by its hadolint id', (t) => {
        const rule = RULES.find((x) => (x.equivalents.hadolint?.length ?? 0) > 0);
        if (!rule) {
            t.skip('no rule has a hadolint equivalent yet');
            return;
        }
        const r = dockwise(['docs', rule.equivalents.hadolint![0]!]);
        assert.equal(r.code, 0);
        assert.ok(r.stdout.includes(`# ${rule.id}\n`));
    });
    it('exits 2 on an unknown rule, suggesting the closest', () => {
        const r = dockwise(['docs', 'keep-alive']);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /unknown rule "keep-alive" \(did you mean "keep-alive-hack"\?\)/);
        assert.equal(dockwise(['docs']).code, 2);
    });
});
