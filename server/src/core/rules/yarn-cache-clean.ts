import type { Command, CommandWord } from '../commands';
import type { Instruction } from '../model';
import type { Finding, Fix, Rule } from '../types';
import { appendCommand, finalRuns, head, mounts } from '../kit';

/** Options with which a bare `yarn` still means `yarn install`. */
const INSTALL_OPTIONS =
    /^--(?:frozen-lockfile|immutable|pure-lockfile|production|prefer-offline|non-interactive|ignore-scripts|ignore-engines|ignore-optional|silent|check-files|network-timeout|inline-builds|mode)(?:=|$)/;

/** The `install` word of `yarn install`, or the program of a bare `yarn [--frozen-lockfile …]`. */
function yarnInstall(cmd: Command): CommandWord | undefined {
    if (cmd.name !== 'yarn' || !cmd.program) {
        return undefined;
    }
    const first = cmd.args.find((a) => !a.value.startsWith('-'));
    if (first) {
        return first.value === 'install' ? first : undefined;
    }
    return cmd.args.every((a) => INSTALL_OPTIONS.test(a.value)) ? cmd.program : undefined;
}

/** `yarn cache clean`, or removing yarn's cache folder. */
function cleansCache(cmd: Command): boolean {
    const values = cmd.args.map((a) => a.value);
    if (cmd.name === 'yarn') {
        return values.includes('cache') && values.includes('clean');
    }
    return (
        cmd.name === 'rm' && values.some((v) => /\.cache\/yarn|yarn-cache|\$\(yarn cache dir\)|\.yarn\/cache/.test(v))
    );
}

function cacheMount(inst: Instruction): boolean {
    return mounts(inst).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /yarn/.test(m.target));
}

export const yarnCacheClean: Rule = {
    id: 'yarn-cache-clean',
    title: 'Clean yarn’s cache after yarn install',
    category: 'efficiency',
    defaultSeverity: 'info',
    docs: {
        why: '`yarn install` keeps a copy of every package in its global cache. In an image that copy is never used again, so it only doubles the size of node_modules in the layer. `yarn cache clean` in the same RUN removes it.',
        bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
        good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
        notes: [
            'Reported on `yarn install` (or a bare `yarn`) without a later `yarn cache clean` in the same RUN, in the stages that make the final image (a build stage whose files are only copied from keeps its cache harmlessly), also in `ONBUILD RUN` and inside `sh -c`. Removing the cache folder (`rm -rf /usr/local/share/.cache/yarn`) or a cache mount on it counts too.',
            'The quick fix appends `&& yarn cache clean` to the RUN.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3060'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of finalRuns(model)) {
            const cmds = inst.commands();
            const i = cmds.findIndex((c) => yarnInstall(c) !== undefined);
            const install = cmds[i];
            if (!install || cacheMount(inst) || cmds.slice(i + 1).some(cleansCache)) {
                continue;
            }
            const edit = appendCommand(model, inst, 'yarn cache clean');
            const fixes: Fix[] = edit ? [{ title: 'Append `yarn cache clean`', edits: [edit], preferred: true }] : [];
            findings.push({
                range: head(install, yarnInstall(install)),
                message:
                    'Run `yarn cache clean` after `yarn install` in the same RUN: the cache is of no use in the image.',
                fixes,
            });
        }
        return findings;
    },
};
