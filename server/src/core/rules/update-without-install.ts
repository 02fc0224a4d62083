import type { Command } from '../commands';
import {
    APK_SPEC,
    APT_SPEC,
    type CliSpec,
    INDEX_ONLY,
    INDEX_REFRESH,
    parseCli,
    RPM_SPEC,
    ZYPPER_SPEC,
} from '../knowledge/packageManagers';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Fix, Rule } from '../types';
import { allRuns, head, mergeRuns } from '../kit';

/** Commands that neither install nor run unknown code, so a RUN made of them and an index refresh installs nothing. */
const INERT = new Set([
    'set',
    'echo',
    'printf',
    'true',
    'false',
    ':',
    'rm',
    'mkdir',
    'ln',
    'cp',
    'mv',
    'tee',
    'cat',
    'sed',
    'chmod',
    'chown',
    'touch',
    'export',
    'cd',
    'ls',
    'test',
    '[',
    'sleep',
    'apt-key',
    'gpg',
    'gpgconf',
    'curl',
    'wget',
    'add-apt-repository',
    'debconf-set-selections',
]);

const SPECS: Readonly<Record<string, CliSpec>> = {
    'apt-get': APT_SPEC,
    apt: APT_SPEC,
    'apt-cache': APT_SPEC,
    aptitude: APT_SPEC,
    apk: APK_SPEC,
    zypper: ZYPPER_SPEC,
    dnf: RPM_SPEC,
    dnf5: RPM_SPEC,
    yum: RPM_SPEC,
    microdnf: RPM_SPEC,
};

/** The sub-command of a package manager command (its first word that is not an option). */
function sub(cmd: Command): string | undefined {
    const spec = SPECS[cmd.name];
    return spec ? parseCli(cmd.args, spec).positional[0]?.value : undefined;
}

/** `sh -c '…'`: its script's commands are checked themselves. */
function shellWrapper(cmd: Command): boolean {
    return /^(?:ba|da|a|z|k)?sh$/.test(cmd.name) && cmd.args.some((a) => /^-(?=[a-z]*$)[a-z]*c/.test(a.value));
}

/** The refresh command this command is (`apt-get update`, `apk update`, `zypper refresh`, `dnf makecache`). */
function refreshOf(cmd: Command): readonly string[] | undefined {
    const entry = INDEX_REFRESH[cmd.name];
    const s = sub(cmd);
    return entry && s !== undefined && entry.refresh.includes(s) ? entry.family : undefined;
}

/** A command of the family that uses the index (installs, upgrades, queries). */
function usesIndex(cmd: Command, family: readonly string[]): boolean {
    const s = sub(cmd);
    return family.includes(cmd.name) && s !== undefined && !INDEX_ONLY.has(s);
}

/** The next instruction of the stage, if it is a RUN that installs with the same package manager. */
function installingNext(model: DockerfileModel, inst: Instruction, family: readonly string[]): Instruction | undefined {
    const next = model.instructions[model.instructions.indexOf(inst) + 1];
    return next?.keyword === 'RUN' && next.commands().some((c) => usesIndex(c, family)) ? next : undefined;
}

export const updateWithoutInstall: Rule = {
    id: 'update-without-install',
    title: 'Refresh the package index in the RUN that installs',
    category: 'correctness',
    defaultSeverity: 'warning',
    docs: {
        why: 'Docker caches each RUN. When `apt-get update` has a RUN of its own, a later change to the install line reuses the cached, outdated index, and the build installs old versions or fails on packages the mirror has dropped. Refresh and install in the same RUN.',
        bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        good: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        notes: [
            'Reported on `apt-get update`, `apt update`, `apk update`, `zypper refresh` and `dnf`/`yum makecache` when nothing else in the RUN uses the index: only commands that cannot install (`echo`, `rm`, `sed`, `curl`, `gpg`, …) may share it. A RUN that also runs a script or another program is left alone, since that may install.',
            'The quick fix merges the RUN into the next one when that one installs with the same package manager, is a plain `&&` chain and has the same flags.',
        ].join('\n\n'),
    },
    equivalents: { trivy: ['DS-0017'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst, onbuild } of allRuns(model)) {
            const cmds = inst.commands();
            for (const cmd of cmds) {
                const family = refreshOf(cmd);
                if (!family) {
                    continue;
                }
                const alone = cmds.every(
                    (c) =>
                        c === cmd ||
                        refreshOf(c) !== undefined ||
                        (family.includes(c.name) && !usesIndex(c, family)) ||
                        c.words.length === 0 ||
                        shellWrapper(c) ||
                        INERT.has(c.name),
                );
                if (!alone) {
                    continue;
                }
                const next = onbuild ? undefined : installingNext(model, inst, family);
                const edit = next && mergeRuns(model, inst, next);
                const fixes: Fix[] = edit ? [{ title: 'Merge with the next RUN', edits: [edit], preferred: true }] : [];
                findings.push({
                    range: head(
                        cmd,
                        cmd.args.find((a) => a.value === sub(cmd)),
                    ),
                    message:
                        'This RUN refreshes the package index but installs nothing: the build cache keeps the old index for later RUNs, which then install outdated packages or fail. Refresh and install in the same RUN.',
                    fixes,
                });
                break;
            }
        }
        return findings;
    },
};
