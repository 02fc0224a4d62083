import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { JsonFinding } from '../../server/src/cli/format/json';

/** The repository root (tests run from out/test/cli). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
/** Relative paths as a user in the repository root would type them. */
export const BAD = 'test/fixtures/cli/bad/Dockerfile';
export const SPECIAL = 'test/fixtures/cli/bad/special.dockerfile';
export const GOOD = 'test/fixtures/cli/good/Dockerfile';
/** Only the rule the fixtures are about: other rules, added over time, must not change these tests. */
export const ONLY_KEEP_ALIVE = ['--rules', 'none', '--rule', 'keep-alive-hack=warning'];

export interface CliRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs the bundled CLI as a user would: a child process with its own cwd, stdin and environment. */
export function dockwise(
    args: string[],
    options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): CliRun {
    const env = { ...process.env, ...options.env };
    for (const key of ['NO_COLOR', 'FORCE_COLOR']) {
        if (!options.env || !(key in options.env)) {
            delete env[key];
        }
    }
    const r = spawnSync(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? ROOT,
        input: options.input ?? '',
        env,
        encoding: 'utf8',
        timeout: 30_000,
    });
    if (r.error) {
        throw r.error;
    }
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function json(run: CliRun): JsonFinding[] {
    return JSON.parse(run.stdout) as JsonFinding[];
}

export function packageVersion(): string {
    return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; cleanup: () => void } {
    const dir = mkdtempSync(path.join(tmpdir(), 'dockwise-cli-'));
    return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The text a 1-based, end-exclusive span covers (single line). */
export function spanText(
    text: string,
    f: { line: number; column: number; endLine: number; endColumn: number },
): string {
    const lines = text.split(/\r?\n/);
    if (f.line === f.endLine) {
        return lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1);
    }
    const middle = lines.slice(f.line, f.endLine - 1);
    return [lines[f.line - 1]!.slice(f.column - 1), ...middle, lines[f.endLine - 1]!.slice(0, f.endColumn - 1)].join(
        '\n',
    );
}
