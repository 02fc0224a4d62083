import { managerCommand, NPM_SPEC } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

const NPM = new Set(['npm']);
const INSTALL = new Set(['install', 'i', 'add']);

/** `name@1.2.3` (not `@latest`), a git URL with `#ref`, a tarball, a folder or a URL. */
function pinned(arg: string): boolean {
    if (/^(?:git(?:\+(?:ssh|https?))?:\/\/|github:|gitlab:|bitbucket:)/.test(arg)) {
        return arg.includes('#');
    }
    if (/\.(?:tar|tar\.gz|tgz)$/.test(arg) || /^(?:\/|\.\.?\/|~\/|file:|https?:\/\/)/.test(arg)) {
        return true;
    }
    const name = arg.replace(/^npm:/, '');
    const unscoped = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
    if (!name.startsWith('@') && unscoped.includes('/')) {
        // `user/repo` is a GitHub shorthand: pinned by a `#ref`.
        return unscoped.includes('#');
    }
    const at = unscoped.indexOf('@');
    return at > 0 && !['', 'latest', 'next'].includes(unscoped.slice(at + 1));
}

export const npmPin: Rule = {
    id: 'npm-pin',
    title: 'Pin package versions in npm install',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: '`npm install <package>` without a version takes the newest release on the day of the build, so two builds of the same Dockerfile can ship different code. Pin it (`typescript@5.6.3`), or install from package.json and its lock file with `npm ci`.',
        bad: 'FROM node:22-slim\nRUN npm install -g pnpm\n',
        good: 'FROM node:22-slim\nRUN npm install -g pnpm@9.12.1\n',
        notes: [
            'Checked for `npm install`, `npm i` and `npm add` with package arguments, also inside `sh -c` and `ONBUILD RUN`. `npm install` and `npm ci` without packages use package.json and are fine. A version, range or tag other than `latest`/`next` counts as pinned (`name@1.2.3`, `@scope/name@^1.2`), and so do git URLs with `#ref`, tarballs, folders and URLs.',
            'No quick fix: only you know the version.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3016'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, NPM, NPM_SPEC);
                if (!mc?.sub || !INSTALL.has(mc.sub.value)) {
                    continue;
                }
                const loose = mc.operands.filter((w) => !w.dynamic && w.value !== '' && !pinned(w.value));
                if (loose.length > 0) {
                    findings.push({
                        range: hull(loose),
                        message: `Pin the version of ${nameList(loose.map((w) => w.value))} (\`name@version\`), so that rebuilding the image installs the same code.`,
                    });
                }
            }
        }
        return findings;
    },
};
