import type { Command } from '../commands';
import { RPM_MANAGERS } from '../knowledge/packageManagers';
import type { Rule } from '../types';
import { type Off, switchFindings } from '../kit';

/** Switches that make a package manager install packages whose signature it did not check. */
function unsignedSwitches(cmd: Command): Off[] {
    const off = (test: (v: string) => boolean): Off[] =>
        cmd.args
            .filter((w) => !w.dynamic && test(w.value))
            .map((word) => ({ word, rest: undefined, written: word.value }));
    if (cmd.name === 'apt-get' || cmd.name === 'apt' || cmd.name === 'aptitude') {
        // `-o APT::Get::AllowUnauthenticated=true`: the option word is removed with its value.
        return off(
            (v) => v === '--allow-unauthenticated' || /^APT::Get::AllowUnauthenticated=(?:1|true|yes)$/i.test(v),
        ).map((o) => {
            const prev = cmd.words[cmd.words.indexOf(o.word) - 1];
            return prev && /^(?:-o|--option)$/.test(prev.value) ? { ...o, option: prev } : o;
        });
    }
    if (RPM_MANAGERS.has(cmd.name)) {
        return off((v) => v === '--nogpgcheck' || /^--setopt=(?:[\w.-]+\.)?gpgcheck=(?:0|false|no)$/i.test(v));
    }
    if (cmd.name === 'rpm') {
        return off((v) => v === '--nosignature' || v === '--nodigest');
    }
    if (cmd.name === 'apk') {
        return off((v) => v === '--allow-untrusted');
    }
    if (cmd.name === 'zypper') {
        return off((v) => v === '--no-gpg-checks' || v === '--gpg-auto-import-keys');
    }
    return [];
}

export const unsignedPackages: Rule = {
    id: 'unsigned-packages',
    title: 'Do not install packages without checking their signatures',
    category: 'security',
    defaultSeverity: 'warning',
    docs: {
        why: 'Package managers check each package’s signature against the keys they trust, so a mirror, a proxy or a hijacked network cannot slip in a package of its own. `--allow-unauthenticated`, `--nogpgcheck`, `rpm --nosignature`, `apk --allow-untrusted` or `zypper --no-gpg-checks` turn that check off, and whatever arrives goes into the image. Import the repository’s key instead.',
        bad: 'FROM fedora:41\nRUN dnf install -y --nogpgcheck https://downloads.example.com/tool-1.2.0.rpm && dnf clean all\n',
        good: 'FROM fedora:41\nRUN rpm --import https://downloads.example.com/RPM-GPG-KEY-example \\\n    && dnf install -y https://downloads.example.com/tool-1.2.0.rpm && dnf clean all\n',
        notes: [
            'Reported in RUN (also inside `sh -c` and `ONBUILD RUN`): apt-get/apt/aptitude `--allow-unauthenticated` and `-o APT::Get::AllowUnauthenticated=true`; yum/dnf/microdnf `--nogpgcheck` and `--setopt=gpgcheck=0`; `rpm --nosignature`/`--nodigest`; `apk --allow-untrusted`; `zypper --no-gpg-checks` and `--gpg-auto-import-keys` (which trusts any key a repository offers).',
            'The quick fix removes the switch; import the repository’s signing key first (`rpm --import`, a keyring under /usr/share/keyrings with `signed-by=`, the key in /etc/apk/keys).',
        ].join('\n\n'),
    },
    equivalents: {},
    check({ model }) {
        return switchFindings(
            model,
            unsignedSwitches,
            'check signatures',
            (cmd, off) =>
                `\`${cmd.name} ${off.written}\` installs packages without checking their signatures: a mirror, a proxy or a hijacked network can slip in a package of its own. Remove it and import the repository’s signing key.`,
        );
    },
};
