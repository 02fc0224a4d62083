import { APK_SPEC, hasFlag, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { cacheMounted, finalRuns, head, insertAfter, replaceWord } from '../kit';

const APK = new Set(['apk']);

export const apkNoCache: Rule = {
    id: 'apk-no-cache',
    title: 'Use apk add --no-cache',
    category: 'efficiency',
    defaultSeverity: 'info',
    docs: {
        why: '`apk add --no-cache` fetches a fresh index and keeps neither it nor the downloaded packages, so nothing is left in /var/cache/apk. It replaces `apk update` / `--update` at the start and `rm -rf /var/cache/apk/*` at the end.',
        bad: 'FROM alpine:3.20\nRUN apk add --update curl=8.9.1-r2 && rm -rf /var/cache/apk/*\n',
        good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
        notes: [
            'Reported on `apk add` without `--no-cache` in the stages that make the final image (a build stage whose files are only copied from keeps its cache harmlessly), also in `ONBUILD RUN` and inside `sh -c`. A cache or tmpfs mount on /var/cache/apk (`RUN --mount=type=cache,target=/var/cache/apk`) counts, and so does `--cache-dir`.',
            'The quick fix turns `--update`/`-U` into `--no-cache`, or adds `--no-cache` after `add`; a leftover `rm -rf /var/cache/apk/*` is harmless and stays.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3019'], trivy: ['DS-0025'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of finalRuns(model)) {
            if (cacheMounted(inst, ['/var/cache/apk'])) {
                continue;
            }
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, APK, APK_SPEC);
                if (mc?.sub?.value !== 'add' || hasFlag(mc.cli, 'no-cache', 'cache-dir')) {
                    continue;
                }
                const update = cmd.args.find(
                    (a) => a.value === '--update' || a.value === '-U' || a.value === '--update-cache',
                );
                const edit =
                    (update && replaceWord(model, cmd, update, '--no-cache')) ?? insertAfter(cmd, mc.sub, '--no-cache');
                findings.push({
                    range: head(cmd, mc.sub),
                    message:
                        'Use `apk add --no-cache`: it needs no `apk update` or `--update` and leaves no index or packages in /var/cache/apk.',
                    fixes: [{ title: 'Use `--no-cache`', edits: [edit], preferred: true }],
                });
            }
        }
        return findings;
    },
};
