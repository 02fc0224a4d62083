import { spawnSync } from 'node:child_process';

/** Whether Debian's `shellcheck` runs here (test/run.mjs installs it when missing, as root). */
export const SHELLCHECK_FOUND = spawnSync('shellcheck', ['--version'], { stdio: 'ignore' }).status === 0;

/** node:test's `skip` for tests of the real binary: under CI=true they run, and fail, without it. */
export const needsShellCheck: string | false =
    SHELLCHECK_FOUND || process.env.CI === 'true' ? false : 'shellcheck is not installed';
