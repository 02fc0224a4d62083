import { copyArgs, flagValue, isArchive, pathBase } from '../knowledge/copyArgs';
import type { Instruction } from '../model';
import type { Finding, Rule } from '../types';

/** Archive names a `tar` command extracts, by basename. */
function extracted(inst: Instruction): Set<string> {
    const names = new Set<string>();
    for (const cmd of inst.commands()) {
        if (cmd.name !== 'tar') {
            continue;
        }
        const args = cmd.args.map((a) => a.value);
        const first = args[0] ?? '';
        const extracts =
            args.some((a) => a === '--extract' || a === '--get' || /^-[A-Za-z]*x/.test(a)) ||
            (/^(?=[A-Za-z]*$)[A-Za-z]*x/.test(first) && !first.startsWith('-'));
        if (extracts) {
            for (const a of args) {
                names.add(pathBase(a));
            }
        }
    }
    return names;
}

export const addToExtract: Rule = {
    id: 'add-to-extract',
    title: 'Use ADD to unpack a local tar archive',
    category: 'efficiency',
    defaultSeverity: 'info',
    equivalents: { hadolint: ['DL3010'] },
    docs: {
        why: 'COPYing a tar archive and unpacking it in a later RUN stores the archive in one layer and its contents in another, and the archive stays in the image. `ADD archive.tar.gz /dest/` unpacks it in one step and keeps only the files.',
        bad: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
        good: 'FROM debian:12-slim\nADD app.tar.gz /opt/\n',
        notes: 'Reported on the COPY of a tar archive (from the build context, not `--from`) that a later RUN of the same stage extracts with `tar`. Archives fetched from URLs are not unpacked by ADD, and neither are `.zip` files, so `unzip` is not reported (hadolint does report it). No quick fix: the RUN has to change too.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const copies = new Map<string, { inst: Instruction; start: number; end: number }>();
            for (const inst of stage.instructions) {
                if (inst.keyword === 'COPY') {
                    const args = copyArgs(model, inst);
                    if (flagValue(args, 'from') || args.heredoc) {
                        continue;
                    }
                    for (const s of args.sources) {
                        if (isArchive(s.value) && /\.(?:tar|tar\.\w+|t\w{1,3})$/.test(s.value) && !s.dynamic) {
                            const dest =
                                args.dest && !args.dest.value.endsWith('/') && isArchive(args.dest.value)
                                    ? args.dest.value
                                    : s.value;
                            copies.set(pathBase(dest), { inst, start: s.start, end: s.end });
                        }
                    }
                } else if (inst.keyword === 'RUN') {
                    for (const name of extracted(inst)) {
                        const copy = copies.get(name);
                        if (copy) {
                            copies.delete(name);
                            findings.push({
                                range: model.rangeOf(copy.start, copy.end),
                                message: `\`${name}\` is copied in here and unpacked by a later RUN, so the archive stays in this layer as well as its files. \`ADD ${name} <dir>/\` unpacks a local archive in one step and keeps only the files.`,
                            });
                        }
                    }
                }
            }
        }
        return findings;
    },
};
