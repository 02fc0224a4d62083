import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { needsShellCheck, SHELLCHECK_FOUND } from '../support/shellcheck';
import { dockwise, json, tempDir } from './helpers';

// `dockwise lint --shellcheck` with Debian's real shellcheck binary.
const DOCKERFILE = [
    'FROM debian:12',
    'RUN echo $1 && \\',
    '    ls `pwd`',
    '# hadolint ignore=SC2086',
    'RUN echo $2',
    'SHELL ["/bin/bash", "-c"]',
    'RUN <<EOF',
    'for f in $(ls /etc); do echo "$f"; done',
    'EOF',
    '',
].join('\n');
const ONLY_SHELLCHECK = ['--rules', 'none', '--shellcheck', '--format', 'json'];

describe('dockwise lint --shellcheck', { skip: needsShellCheck }, () => {
    let dir: string;
    let cleanup: () => void;
    before(() => {
        ({ dir, cleanup } = tempDir());
        writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
    });
    after(() => cleanup());

    it('has the binary (under CI it must be installed)', () => {
        assert.ok(SHELLCHECK_FOUND, 'shellcheck is not on PATH: test/run.mjs installs it with apt-get');
    });

    it('reports SC codes at their places in the Dockerfile, ignore comments honoured', () => {
        const run = dockwise([...ONLY_SHELLCHECK, 'Dockerfile'], { cwd: dir });
        assert.equal(run.code, 1, run.stderr);
        assert.equal(run.stderr, '');
        assert.deepEqual(
            json(run).map((f) => [f.rule, f.severity, f.line, f.column, f.endColumn]),
            [
                ['SC2086', 'info', 2, 10, 12],
                ['SC2006', 'hint', 3, 8, 13],
                ['SC2046', 'warning', 3, 8, 13],
                ['SC2045', 'error', 8, 10, 20],
            ],
        );
    });

    it('takes severities for SC codes from --rule', () => {
        const run = dockwise([...ONLY_SHELLCHECK, '--rule', 'SC2045=off', '--rule', 'sc2006=error', 'Dockerfile'], {
            cwd: dir,
        });
        assert.deepEqual(
            json(run).map((f) => [f.rule, f.severity]),
            [
                ['SC2086', 'info'],
                ['SC2006', 'error'],
                ['SC2046', 'warning'],
            ],
        );
    });

    it('links SC codes to the ShellCheck wiki in SARIF', () => {
        const run = dockwise(['--rules', 'none', '--shellcheck', '--format', 'sarif', 'Dockerfile'], { cwd: dir });
        const sarif = JSON.parse(run.stdout) as {
            runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[];
        };
        const rule = sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'SC2045');
        assert.equal(rule?.helpUri, 'https://www.shellcheck.net/wiki/SC2045');
    });

    it('is not run without the flag', () => {
        const run = dockwise(['--rules', 'none', '--format', 'json', 'Dockerfile'], { cwd: dir });
        assert.deepEqual(json(run), []);
    });
});

describe('dockwise lint --shellcheck without the binary', () => {
    it('keeps the Dockwise findings and says on stderr what is missing', () => {
        const { dir, cleanup } = tempDir();
        try {
            writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:12\nRUN echo $1\nCMD tail -f /dev/null\n');
            const run = dockwise(
                [
                    '--shellcheck',
                    '--format',
                    'json',
                    '--rules',
                    'none',
                    '--rule',
                    'keep-alive-hack=error',
                    'Dockerfile',
                ],
                {
                    cwd: dir,
                    env: { PATH: dir }, // no shellcheck there
                },
            );
            assert.equal(run.code, 1);
            assert.deepEqual(
                json(run).map((f) => f.rule),
                ['keep-alive-hack'],
            );
            assert.match(run.stderr, /--shellcheck: shellcheck was not found, no ShellCheck findings/);
        } finally {
            cleanup();
        }
    });
});
