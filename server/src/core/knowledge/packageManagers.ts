import type { Command, CommandWord } from '../commands';
import { type Cli, type CliSpec, parseCli, PIP_SPEC, RPM_SPEC, ZYPPER_SPEC } from './cliOptions';

export * from './cliOptions';

/** What each package manager counts as installing, pinning and cleaning up, for the RUN rules. */

/** A package manager's command: its sub-command (`install`) and what follows it. */
export interface ManagerCommand {
    cmd: Command;
    cli: Cli;
    /** The first positional word (`install`), if any. */
    sub: CommandWord | undefined;
    /** Positional words after the sub-command. */
    operands: CommandWord[];
}

export function managerCommand(cmd: Command, names: ReadonlySet<string>, spec: CliSpec): ManagerCommand | undefined {
    if (!names.has(cmd.name)) {
        return undefined;
    }
    const cli = parseCli(cmd.args, spec);
    const [sub, ...operands] = cli.positional;
    return { cmd, cli, sub, operands };
}

export const APT = new Set(['apt-get', 'apt']);
/** apt's front ends that take the same `-y` and `name=version` and keep the same lists (aptitude beside apt-get). */
export const APT_FAMILY = new Set(['apt-get', 'apt', 'aptitude']);
export const RPM_MANAGERS = new Set(['yum', 'dnf', 'dnf5', 'microdnf']);
export const DNF = new Set(['dnf', 'dnf5', 'microdnf']);

/** Sub-commands that change installed packages, and so ask for confirmation without `-y`. */
export const APT_CHANGES = new Set([
    'install',
    'reinstall',
    'remove',
    'purge',
    'upgrade',
    'dist-upgrade',
    'full-upgrade',
    'autoremove',
    'autopurge',
    'build-dep',
    'satisfy',
]);
export const RPM_CHANGES = new Set([
    'install',
    'groupinstall',
    'localinstall',
    'reinstall',
    'remove',
    'erase',
    'in',
    'rm',
    'up',
    'rei',
    'update',
    'upgrade',
    'downgrade',
    'autoremove',
    'distro-sync',
    'group',
    'groupupdate',
    'groupremove',
    'module',
    'swap',
]);
export const RPM_INSTALLS = new Set([
    'install',
    'in',
    'groupinstall',
    'localinstall',
    'reinstall',
    'rei',
    'update',
    'upgrade',
    'up',
]);

/** yum's and dnf's short names of sub-commands (`dnf in`, `yum rm`). */
const RPM_ALIASES: Readonly<Record<string, string>> = { in: 'install', rm: 'remove', up: 'upgrade', rei: 'reinstall' };

/** A yum/dnf sub-command by its full name. */
export function rpmVerb(word: CommandWord | undefined): string | undefined {
    return word && (RPM_ALIASES[word.value] ?? word.value);
}
export const ZYPPER_CHANGES = new Set([
    'install',
    'in',
    'remove',
    'rm',
    'source-install',
    'si',
    'patch',
    'update',
    'up',
    'dist-upgrade',
    'dup',
]);

/** Commands that refresh a package index and what else, of the same manager, uses that index. */
export const INDEX_REFRESH: Readonly<Record<string, { refresh: readonly string[]; family: readonly string[] }>> = {
    'apt-get': { refresh: ['update'], family: ['apt-get', 'apt', 'apt-cache', 'aptitude'] },
    apt: { refresh: ['update'], family: ['apt-get', 'apt', 'apt-cache', 'aptitude'] },
    apk: { refresh: ['update'], family: ['apk'] },
    zypper: { refresh: ['refresh', 'ref'], family: ['zypper'] },
    dnf: { refresh: ['makecache'], family: ['dnf', 'dnf5', 'yum', 'microdnf'] },
    dnf5: { refresh: ['makecache'], family: ['dnf', 'dnf5', 'yum', 'microdnf'] },
    yum: { refresh: ['makecache'], family: ['dnf', 'dnf5', 'yum', 'microdnf'] },
};

/** Sub-commands that only clean or refresh: using the index needs something else. */
export const INDEX_ONLY = new Set(['update', 'refresh', 'ref', 'makecache', 'clean', 'cc', 'autoclean']);

/**
 * Whether an RPM package argument names a version (`httpd-2.4.57`, `nodejs-18.1.0-1.el9`): after
 * the name, dash-separated parts made of version characters, one starting with a digit (hadolint's
 * DL3041 test). `python3-pip` has no such part.
 */
export function rpmVersioned(arg: string): boolean {
    const parts = arg.split('-');
    if (parts.length <= 1) {
        return false;
    }
    const rest = parts.slice(1);
    return rest.every((p) => /^[A-Za-z0-9.~^_:+]+$/.test(p)) && rest.some((p) => /^\d/.test(p));
}

/** A package argument that is a file, a path or a URL rather than a name from a repository. */
export function isLocalPackage(arg: string, suffixes: readonly string[]): boolean {
    return arg.includes('/') || suffixes.some((s) => arg.endsWith(s));
}

/** A `pip install` (also `python -m pip`, `uv pip`, `pipx` and `pipenv install`) with its options and operands. */
export interface PipInstall {
    tool: 'pip' | 'uv' | 'pipx' | 'pipenv';
    install: CommandWord;
    cli: Cli;
    operands: CommandWord[];
}

export function pipInstall(cmd: Command): PipInstall | undefined {
    let args = cmd.args;
    let tool: PipInstall['tool'];
    if (/^pip(\d+(\.\d+)*)?$/.test(cmd.name)) {
        tool = 'pip';
    } else if (cmd.name === 'pipx' || cmd.name === 'pipenv') {
        tool = cmd.name;
    } else if (/^python(\d+(\.\d+)*)?$/.test(cmd.name)) {
        const m = args.findIndex((a, i) => a.value === '-m' && args[i + 1]?.value === 'pip');
        if (m < 0) {
            return undefined;
        }
        args = args.slice(m + 2);
        tool = 'pip';
    } else if (cmd.name === 'uv' && args[0]?.value === 'pip') {
        args = args.slice(1);
        tool = 'uv';
    } else {
        return undefined;
    }
    const cli = parseCli(args, PIP_SPEC);
    const [install, ...operands] = cli.positional;
    return install?.value === 'install' ? { tool, install, cli, operands } : undefined;
}

/** yum/dnf told not to ask: `-y`, `--assumeyes`, `--setopt=assumeyes=1`. */
export function rpmAssumesYes(mc: ManagerCommand): boolean {
    return mc.cli.flags.some(
        (f) =>
            f.name === 'y' ||
            f.name === 'assumeyes' ||
            (f.name === 'setopt' && /^assumeyes=(1|true|yes)$/i.test(f.value ?? '')),
    );
}

/**
 * The packages of a yum/dnf `install` (or `in`) that name no version (groups, provides, files and
 * modules aside); for `module install`, the modules without a `:stream`.
 */
export function rpmUnpinned(mc: ManagerCommand): CommandWord[] {
    if (rpmVerb(mc.sub) === 'module' && rpmVerb(mc.operands[0]) === 'install') {
        return mc.operands.slice(1).filter((w) => !w.dynamic && w.value !== '' && !w.value.includes(':'));
    }
    if (rpmVerb(mc.sub) !== 'install') {
        return [];
    }
    return mc.operands.filter(
        (w) =>
            !w.dynamic &&
            w.value !== '' &&
            !w.value.startsWith('@') &&
            !/[()<>=]/.test(w.value) &&
            !rpmVersioned(w.value) &&
            !isLocalPackage(w.value, ['.rpm']),
    );
}

/** What a package manager must clean after installing, and how. */
export interface CacheCleanup {
    /** Programs whose commands install, and sub-commands that do. */
    programs: ReadonlySet<string>;
    installs: ReadonlySet<string>;
    spec: CliSpec;
    /** Whether a command (of any of `programs`) empties the cache. */
    cleans(mc: ManagerCommand): boolean;
    /** Cache folders: removing them (`rm -rf`) or a cache mount on them counts too. */
    dirs: readonly string[];
}

const RPM_CACHE_DIRS = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];

export const YUM_CLEANUP: CacheCleanup = {
    programs: new Set(['yum']),
    installs: RPM_INSTALLS,
    spec: RPM_SPEC,
    cleans: (mc) =>
        RPM_MANAGERS.has(mc.cmd.name) && mc.sub?.value === 'clean' && mc.operands.some((w) => w.value === 'all'),
    dirs: RPM_CACHE_DIRS,
};
export const DNF_CLEANUP: CacheCleanup = { ...YUM_CLEANUP, programs: DNF };
export const ZYPPER_CLEANUP: CacheCleanup = {
    programs: new Set(['zypper']),
    installs: new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si']),
    spec: ZYPPER_SPEC,
    cleans: (mc) => mc.cmd.name === 'zypper' && (mc.sub?.value === 'clean' || mc.sub?.value === 'cc'),
    dirs: ['/var/cache/zypp'],
};
