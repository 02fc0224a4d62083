import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HadolintConfigError, parseHadolintConfig } from '../../server/src/core/hadolintConfig';
import { hadolintConfigCandidates } from '../../server/src/shared/configFiles';
import { lint } from '../../server/src/core/lint';

const README_EXAMPLE = `
failure-threshold: warning
format: json
ignored:
  - DL3000
  - SC1010
override:
  error:
    - DL3001
  warning:
    - DL3042
  info:
    - DL3032
  style:
    - DL3015
trustedRegistries:
  - docker.io
  - my-company.com:5000
  - "*.gcr.io"
label-schema:
  author: text
  contact: email
  created: rfc3339
  version: semver
  documentation: url
  git-revision: hash
  license: spdx
strict-labels: true
disable-ignore-pragma: true
`;

describe('hadolint config', () => {
    it('maps the README example', () => {
        const { config, failureThreshold, warnings } = parseHadolintConfig(README_EXAMPLE);
        assert.equal(failureThreshold, 'warning');
        assert.deepEqual(config.rules, {
            DL3001: 'error',
            DL3042: 'warning',
            DL3032: 'info',
            DL3015: 'hint',
            DL3000: 'off',
            SC1010: 'off',
        });
        assert.deepEqual(config.ruleOptions?.['trusted-registry'], {
            trustedRegistries: ['docker.io', 'my-company.com:5000', '*.gcr.io'],
        });
        assert.equal((config.ruleOptions?.['label-superfluous'] as { strictLabels: boolean }).strictLabels, true);
        assert.deepEqual(
            Object.keys((config.ruleOptions?.['label-format'] as { labelSchema: object }).labelSchema).length,
            7,
        );
        assert.equal(config.inlineSuppressions, false);
        assert.deepEqual(warnings, ['format: output setting, use the Dockwise option instead']);
    });
    it('drives linting: ignored, override and options', () => {
        const { config } = parseHadolintConfig(
            'ignored: [DL3006]\noverride:\n  error: [DL3007]\ntrustedRegistries: quay.io\n',
        );
        const d = lint('FROM debian\nFROM node:latest\n', config).diagnostics;
        assert.deepEqual(
            d.filter((x) => /base-image|trusted/.test(x.ruleId)).map((x) => `${x.ruleId}:${x.severity}`),
            ['trusted-registry:error', 'trusted-registry:error', 'base-image-latest:error'],
        );
    });
    it('turns on rules hadolint leaves off when overridden', () => {
        const { config } = parseHadolintConfig('override:\n  info: [DL3057]\n');
        assert.equal(
            lint('FROM a:1\n', config).diagnostics.some((d) => d.ruleId === 'healthcheck-missing'),
            true,
        );
    });
    it('lets ignored win over override, as hadolint does', () => {
        assert.deepEqual(parseHadolintConfig('ignored: [DL3007]\noverride: {error: [DL3007]}\n').config.rules, {
            DL3007: 'off',
        });
    });
    it('maps thresholds and no-fail', () => {
        assert.equal(parseHadolintConfig('failure-threshold: style\n').failureThreshold, 'hint');
        assert.equal(parseHadolintConfig('failure-threshold: none\n').failureThreshold, 'hint');
        assert.equal(parseHadolintConfig('failure-threshold: error\nno-fail: true\n').failureThreshold, 'none');
        assert.equal(parseHadolintConfig('').failureThreshold, undefined);
    });
    it('reports what it cannot use', () => {
        const { warnings } = parseHadolintConfig(
            'ignored: [DL9999]\noverride: {fatal: [DL3000]}\nlabel-schema: {a: colour}\nstrict-labels: maybe\ncolour: red\n',
        );
        assert.deepEqual(warnings, [
            'colour: unknown hadolint setting, ignored',
            'override.fatal: expected error, warning, info or style, ignored',
            'ignored: DL9999 has no Dockwise equivalent, ignored',
            'label-schema.a: format must be one of text, url, semver, hash, rfc3339, spdx, email, ignored',
            'strict-labels: expected true or false, ignored',
        ]);
    });
    it('rejects files that are not a YAML mapping', () => {
        assert.throws(() => parseHadolintConfig('ignored: [DL3000'), HadolintConfigError);
        assert.throws(() => parseHadolintConfig('- DL3000\n'), /mapping/);
    });
    it('lists the config files hadolint looks for, in order', () => {
        const list = hadolintConfigCandidates({ cwd: '/w', home: '/h' });
        assert.deepEqual(list.slice(0, 4), [
            '/w/.hadolint.yaml',
            '/w/.hadolint.yml',
            '/h/.config/hadolint.yaml',
            '/h/.config/hadolint.yml',
        ]);
        assert.equal(list[list.length - 1], '/h/.hadolint.yml');
    });
});
