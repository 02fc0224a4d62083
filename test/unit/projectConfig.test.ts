import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isHadolintConfigData } from '../../server/src/core/hadolintConfig';
import { lint } from '../../server/src/core/lint';
import { mergeLintConfigs, ruleOptionsFrom, withDockerignore } from '../../server/src/core/projectConfig';
import {
    affectsLinting,
    dockerignoreCandidates,
    projectSearchDirs,
    userHadolintConfigs,
} from '../../server/src/shared/configFiles';

describe('merging lint configs', () => {
    it('lets the upper config win rule by rule, whatever id spelling each uses', () => {
        const merged = mergeLintConfigs(
            { rules: { DL3025: 'error', DL3007: 'off', SC2086: 'off' } },
            { rules: { JSONArgsRecommended: 'info', 'apt-pin': 'off' } },
        );
        assert.equal(merged.rules?.['cmd-exec-form'], 'info');
        assert.equal(merged.rules?.['base-image-latest'], 'off');
        assert.equal(merged.rules?.['apt-pin'], 'off');
        assert.equal(merged.rules?.SC2086, 'off', 'ShellCheck codes are kept as written');
    });
    it('merges rule options key by key and keeps ignore comments off when either turns them off', () => {
        const merged = mergeLintConfigs(
            {
                ruleOptions: { 'label-superfluous': { strictLabels: true, labelSchema: { a: 'text' } } },
                inlineSuppressions: false,
            },
            { ruleOptions: { 'label-superfluous': { labelSchema: { b: 'url' } } }, inlineSuppressions: true },
        );
        assert.deepEqual(merged.ruleOptions?.['label-superfluous'], { strictLabels: true, labelSchema: { b: 'url' } });
        assert.equal(merged.inlineSuppressions, false);
    });
    it('turns settings into rule options, setting nothing for their defaults', () => {
        assert.deepEqual(
            ruleOptionsFrom({ trustedRegistries: [], labelSchema: {}, strictLabels: false, requireUser: false }),
            {},
        );
        const options = ruleOptionsFrom({
            trustedRegistries: ['ghcr.io'],
            labelSchema: { v: 'semver' },
            strictLabels: true,
            requireUser: true,
        });
        assert.deepEqual(options['trusted-registry'], { trustedRegistries: ['ghcr.io'] });
        assert.deepEqual(options['label-format'], { labelSchema: { v: 'semver' } });
        assert.deepEqual(options['label-superfluous'], { labelSchema: { v: 'semver' }, strictLabels: true });
        assert.deepEqual(options['user-root'], { requireUser: true });
    });
    it('hands the .dockerignore to copy-ignored-file unless a config set it', () => {
        assert.deepEqual(withDockerignore({}, '.env\n').ruleOptions, {
            'copy-ignored-file': { dockerignore: '.env\n' },
        });
        const explicit = { ruleOptions: { 'copy-ignored-file': { dockerignore: 'x' } } };
        assert.deepEqual(withDockerignore(explicit, '.env\n').ruleOptions?.['copy-ignored-file'], {
            dockerignore: 'x',
        });
        assert.equal(withDockerignore(explicit, undefined), explicit);
    });
    it('tells a hadolint config from a Dockwise one by its keys', () => {
        assert.ok(isHadolintConfigData({ ignored: ['DL3008'] }));
        assert.ok(isHadolintConfigData({ 'failure-threshold': 'error' }));
        assert.ok(!isHadolintConfigData({ rules: {} }));
        assert.ok(!isHadolintConfigData({ trustedRegistries: ['a'] }), 'same meaning in both: read as Dockwise');
        assert.ok(!isHadolintConfigData(['ignored']));
    });
});

describe('# check=error=true', () => {
    it('reports the findings of BuildKit-equivalent rules as errors, and only those', () => {
        const text = '# check=error=true\nFROM alpine:latest AS Build\nCMD ["a"]\n';
        const severities = Object.fromEntries(lint(text).diagnostics.map((d) => [d.ruleId, d.severity]));
        assert.equal(severities['stage-name-casing'], 'error');
        assert.equal(severities['base-image-latest'], 'warning', 'no BuildKit equivalent: unchanged');
        const off = lint(text.replace('error=true', 'error=false')).diagnostics;
        assert.equal(off.find((d) => d.ruleId === 'stage-name-casing')?.severity, 'warning');
    });
});

describe('config file locations', () => {
    const home = path.join(path.sep, 'home', 'u');
    it('lists the user-level hadolint configs in hadolint order', () => {
        const list = userHadolintConfigs({ home });
        const at = (p: string) => list.indexOf(path.join(home, p));
        assert.equal(at('.config/hadolint.yaml'), 0);
        assert.ok(at('.config/hadolint.yaml') < at('.hadolint/hadolint.yaml'));
        assert.ok(at('.hadolint/hadolint.yaml') < at('.hadolint.yaml'));
        assert.ok(at('.hadolint.yml') > 0);
        assert.equal(userHadolintConfigs({ home, xdgConfigHome: '/xdg' })[0], path.join('/xdg', 'hadolint.yaml'));
    });
    it('searches up to a root, or only the start folder when there is none', () => {
        const start = path.join(path.sep, 'r', 'a', 'b');
        assert.deepEqual(
            projectSearchDirs(start, (d) => d === path.join(path.sep, 'r')),
            [start, path.join(path.sep, 'r', 'a'), path.join(path.sep, 'r')],
        );
        assert.deepEqual(
            projectSearchDirs(start, () => false),
            [start],
        );
    });
    it('prefers <Dockerfile>.dockerignore to the context .dockerignore, and knows which files matter', () => {
        const file = path.join(path.sep, 'p', 'api.Dockerfile');
        assert.deepEqual(dockerignoreCandidates(file), [
            `${file}.dockerignore`,
            path.join(path.sep, 'p', '.dockerignore'),
        ]);
        for (const f of [
            '/p/.hadolint.yaml',
            '/p/.hadolint.yml',
            '/h/.config/hadolint.yaml',
            '/p/.dockerignore',
            '/p/Dockerfile.dockerignore',
        ]) {
            assert.ok(affectsLinting(f), f);
        }
        assert.ok(!affectsLinting('/p/Dockerfile'));
    });
});
