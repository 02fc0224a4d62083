import { APT_SPEC, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Fix, Rule } from '../types';
import { allRuns, replaceWord } from '../kit';

const APT_ONLY = new Set(['apt']);

/** Sub-commands that `apt-get` runs the same way `apt` does (`upgrade` differs: apt also installs new dependencies). */
const SAME_IN_APT_GET = new Set([
    'update',
    'install',
    'remove',
    'purge',
    'dist-upgrade',
    'clean',
    'autoclean',
    'source',
    'build-dep',
    'download',
    'changelog',
    'check',
    'satisfy',
]);
/** Queries that `apt-cache` answers. */
const SAME_IN_APT_CACHE = new Set(['search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'showpkg']);

export const aptGetOverApt: Rule = {
    id: 'apt-get-over-apt',
    title: 'Use apt-get or apt-cache, not apt, in scripts',
    category: 'correctness',
    defaultSeverity: 'warning',
    docs: {
        why: '`apt` is the command for people at a terminal: its output and behaviour may change between releases, and it warns that it “does not have a stable CLI interface”. `apt-get` and `apt-cache` are the stable interfaces meant for scripts such as a Dockerfile.',
        bad: 'FROM ubuntu:24.04\nRUN apt update && apt install -y --no-install-recommends curl=8.5.0-2ubuntu10.6 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        good: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        notes: 'Reported on every `apt` command of a RUN, also inside `sh -c` and `ONBUILD RUN`. The quick fix replaces `apt` by `apt-get` (`install`, `update`, `remove`, `purge`, …) or `apt-cache` (`search`, `show`, `policy`, …); there is none for `apt upgrade`, which apt-get runs differently, or for `apt list`.',
    },
    equivalents: { hadolint: ['DL3027'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, APT_ONLY, APT_SPEC);
                if (!mc || !cmd.program) {
                    continue;
                }
                const sub = mc.sub?.value ?? '';
                const tool = SAME_IN_APT_GET.has(sub)
                    ? 'apt-get'
                    : SAME_IN_APT_CACHE.has(sub)
                      ? 'apt-cache'
                      : undefined;
                const edit = tool && replaceWord(model, cmd, cmd.program, cmd.program.value.replace(/apt$/, tool));
                const fixes: Fix[] = edit ? [{ title: `Use \`${tool}\``, edits: [edit], preferred: true }] : [];
                findings.push({
                    range: cmd.program.range,
                    message:
                        '`apt` is meant for people at a terminal and has no stable command line: use `apt-get` (or `apt-cache` for queries) in a Dockerfile.',
                    fixes,
                });
            }
        }
        return findings;
    },
};
