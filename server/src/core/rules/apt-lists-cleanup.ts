import type { Command } from '../commands';
import { APT_FAMILY, APT_CHANGES, APT_SPEC, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Fix, Rule } from '../types';
import { appendCommand, cacheMounted, finalRuns, head, removesDir } from '../kit';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

/** `rm -rf /var/lib/apt/lists/*`, `find /var/lib/apt/lists … -delete` or `apt-get distclean`. */
function cleansLists(cmd: Command): boolean {
    if (removesDir(cmd, [LISTS])) {
        return true;
    }
    const values = cmd.args.map((a) => a.value);
    if (cmd.name === 'find' && values.some((v) => v.startsWith(LISTS)) && values.includes('-delete')) {
        return true;
    }
    const mc = managerCommand(cmd, APT_FAMILY, APT_SPEC);
    return mc?.sub?.value === 'distclean' || mc?.sub?.value === 'dist-clean';
}

export const aptListsCleanup: Rule = {
    id: 'apt-lists-cleanup',
    title: 'Delete the apt lists in the RUN that updates them',
    category: 'efficiency',
    defaultSeverity: 'info',
    docs: {
        why: '`apt-get update` downloads package lists into /var/lib/apt/lists: tens of megabytes that nothing in the running container needs. Deleted in a later RUN, they still weigh on the earlier layer; deleted in the same RUN, they never reach the image.',
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        notes: [
            'Reported on `apt-get update` (or `apt update`, `aptitude update`) in the stages that make the final image (a build stage whose files are only copied from is left alone, as hadolint does), also in `ONBUILD RUN`. `rm -rf /var/lib/apt/lists/*` (or a parent folder), `find /var/lib/apt/lists … -delete`, `apt-get distclean`, or a cache/tmpfs mount on /var/lib/apt/lists (`RUN --mount=type=cache,target=/var/lib/apt/lists`) count as clean-up.',
            'The quick fix appends `&& rm -rf /var/lib/apt/lists/*` to the RUN (or a last line to its heredoc) when the same RUN also installs; an update alone is update-without-install’s business.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3009'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of finalRuns(model)) {
            const cmds = inst.commands();
            if (cacheMounted(inst, [LISTS]) || cmds.some(cleansLists)) {
                continue;
            }
            // One finding per RUN: one clean-up at its end serves every update in it.
            const i = cmds.findIndex((c) => managerCommand(c, APT_FAMILY, APT_SPEC)?.sub?.value === 'update');
            const update = cmds[i];
            if (!update) {
                continue;
            }
            const installs = cmds.slice(i + 1).some((c) => {
                const later = managerCommand(c, APT_FAMILY, APT_SPEC);
                return later?.sub !== undefined && APT_CHANGES.has(later.sub.value);
            });
            const edit = installs ? appendCommand(model, inst, CLEANUP) : undefined;
            const fixes: Fix[] = edit
                ? [{ title: 'Delete the lists at the end of this RUN', edits: [edit], preferred: true }]
                : [];
            findings.push({
                range: head(update, managerCommand(update, APT_FAMILY, APT_SPEC)?.sub),
                message: `Delete the package lists (\`${CLEANUP}\`) at the end of this RUN: otherwise they stay in the image’s layer.`,
                fixes,
            });
        }
        return findings;
    },
};
