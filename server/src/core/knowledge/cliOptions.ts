import type { CommandWord } from '../commands';

/**
 * How command-line tools take their options (GNU style), so rules can tell an operand from an
 * option's value: in `apt-get install -t bookworm-backports curl`, only `curl` is a package.
 */

export interface CliSpec {
    /** Short options that take a value (`-o X` or `-oX`). */
    shortValue: string;
    /** Long options that take a value when not written `--name=value`. */
    longValue: readonly string[];
}

export interface CliFlag {
    /** Without dashes: `y` for `-y` (each letter of `-qy` is one flag), `no-cache` for `--no-cache`. */
    name: string;
    long: boolean;
    value: string | undefined;
    word: CommandWord;
}

export interface Cli {
    flags: CliFlag[];
    /** Words that are neither options nor option values, in order. */
    positional: CommandWord[];
}

/** Splits a command's arguments into options and positional words (GNU style; `--` ends options). */
export function parseCli(args: readonly CommandWord[], spec: CliSpec): Cli {
    const flags: CliFlag[] = [];
    const positional: CommandWord[] = [];
    for (let i = 0; i < args.length; i++) {
        const word = args[i]!;
        const v = word.value;
        if (v === '--') {
            positional.push(...args.slice(i + 1));
            break;
        }
        if (v.startsWith('--')) {
            const eq = v.indexOf('=');
            const name = eq >= 0 ? v.slice(2, eq) : v.slice(2);
            let value = eq >= 0 ? v.slice(eq + 1) : undefined;
            if (value === undefined && spec.longValue.includes(name) && i + 1 < args.length) {
                value = args[++i]!.value;
            }
            flags.push({ name, long: true, value, word });
        } else if (v.startsWith('-') && v.length > 1 && !/^-\d/.test(v)) {
            for (let j = 1; j < v.length; j++) {
                const name = v[j]!;
                if (spec.shortValue.includes(name)) {
                    let value: string | undefined = v.slice(j + 1).replace(/^=/, '');
                    if (value === '' && i + 1 < args.length) {
                        value = args[++i]!.value;
                    }
                    flags.push({ name, long: false, value, word });
                    break;
                }
                flags.push({ name, long: false, value: undefined, word });
            }
        } else {
            positional.push(word);
        }
    }
    return { flags, positional };
}

export function hasFlag(cli: Cli, ...names: string[]): boolean {
    return cli.flags.some((f) => names.includes(f.name));
}

export function flagValues(cli: Cli, ...names: string[]): string[] {
    return cli.flags.filter((f) => names.includes(f.name) && f.value !== undefined).map((f) => f.value!);
}

export const APT_SPEC: CliSpec = {
    shortValue: 'octa',
    longValue: ['option', 'config-file', 'target-release', 'default-release', 'host-architecture'],
};
export const APK_SPEC: CliSpec = {
    shortValue: 'Xtp',
    longValue: [
        'repository',
        'virtual',
        'root',
        'arch',
        'keys-dir',
        'repositories-file',
        'cache-dir',
        'cache-max-age',
        'timeout',
        'progress-fd',
        'wait',
    ],
};
export const PIP_SPEC: CliSpec = {
    shortValue: 'rcefitbC',
    longValue: [
        'requirement',
        'constraint',
        'editable',
        'find-links',
        'index-url',
        'extra-index-url',
        'target',
        'prefix',
        'root',
        'src',
        'platform',
        'python-version',
        'implementation',
        'abi',
        'no-binary',
        'only-binary',
        'progress-bar',
        'proxy',
        'trusted-host',
        'upgrade-strategy',
        'cache-dir',
        'log',
        'timeout',
        'retries',
        'exists-action',
        'cert',
        'client-cert',
        'global-option',
        'config-settings',
        'report',
        'python',
        'build',
        'install-option',
        'keyring-provider',
        'group',
        'root-user-action',
        'upgrade-strategy',
        'use-feature',
        'use-deprecated',
        'resume-retries',
    ],
};
export const NPM_SPEC: CliSpec = {
    shortValue: 'w',
    longValue: [
        'prefix',
        'registry',
        'cache',
        'tag',
        'loglevel',
        'workspace',
        'omit',
        'include',
        'install-strategy',
        'userconfig',
        'globalconfig',
        'before',
        'otp',
        'scope',
        'save-prefix',
        'location',
    ],
};
export const GEM_SPEC: CliSpec = {
    shortValue: 'vinsPgpB',
    longValue: [
        'version',
        'install-dir',
        'bindir',
        'source',
        'trust-policy',
        'platform',
        'file',
        'document',
        'build-root',
        'http-proxy',
        'target-rbconfig',
    ],
};
export const RPM_SPEC: CliSpec = {
    shortValue: 'cdexR',
    longValue: [
        'config',
        'debuglevel',
        'errorlevel',
        'exclude',
        'excludepkgs',
        'enablerepo',
        'disablerepo',
        'repo',
        'repoid',
        'installroot',
        'releasever',
        'setopt',
        'downloaddir',
        'destdir',
        'forcearch',
        'color',
        'rpmverbosity',
        'comment',
        'advisory',
        'disableexcludes',
        'disableplugin',
        'enableplugin',
    ],
};
export const ZYPPER_SPEC: CliSpec = {
    shortValue: 'cRDCrt',
    longValue: [
        'config',
        'root',
        'reposd-path',
        'cache-dir',
        'raw-cache-dir',
        'solv-cache-dir',
        'pkg-cache-dir',
        'repo',
        'type',
        'from',
        'download',
    ],
};
export const USERADD_SPEC: CliSpec = {
    shortValue: 'ugGdsceKkfpRPZb',
    longValue: [
        'uid',
        'gid',
        'groups',
        'home-dir',
        'shell',
        'comment',
        'expiredate',
        'inactive',
        'skel',
        'key',
        'password',
        'root',
        'prefix',
        'selinux-user',
        'base-dir',
    ],
};
export const WGET_SPEC: CliSpec = {
    shortValue: 'OoaPetTwUiBYQlADIX',
    longValue: [
        'output-document',
        'output-file',
        'append-output',
        'directory-prefix',
        'execute',
        'tries',
        'timeout',
        'wait',
        'user-agent',
        'input-file',
        'base',
        'header',
        'post-data',
        'user',
        'password',
        'progress',
    ],
};
