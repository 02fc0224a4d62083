import { copyArgs, isArchive, isRemoteSource } from '../knowledge/copyArgs';
import type { Finding, Rule } from '../types';

/** Flags only ADD knows: with them, COPY is not a drop-in replacement. */
const ADD_ONLY_FLAGS = /^--(?:checksum|keep-git-dir|unpack)(?:=|$)/;

export const copyNotAdd: Rule = {
    id: 'copy-not-add',
    title: 'Use COPY, not ADD, for local files',
    category: 'maintainability',
    defaultSeverity: 'error',
    equivalents: { hadolint: ['DL3020'], trivy: ['DS-0005'] },
    docs: {
        why: 'ADD does more than copy: it downloads URLs and unpacks local tar archives. For plain files and folders COPY says exactly what happens; with ADD a reader must check whether something gets extracted, and a renamed file can change behaviour.',
        bad: 'FROM python:3.12-slim\nADD requirements.txt /app/\n',
        good: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n',
        notes: 'Not reported when a source is a URL, a git repository or a tar archive (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, …), which is what ADD is for, nor for heredocs or sources held in a variable. The quick fix rewrites ADD to COPY when every source is a plain local path and no ADD-only flag (`--checksum`, `--keep-git-dir`) is used. A `.zip` is not unpacked by ADD, so it is reported.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'ADD') {
                continue;
            }
            const args = copyArgs(model, inst);
            if (args.heredoc || args.sources.length === 0) {
                continue;
            }
            const special = args.sources.some((s) => isRemoteSource(s.value) || isArchive(s.value));
            const local = args.sources.filter((s) => !s.dynamic && !isRemoteSource(s.value) && !isArchive(s.value));
            if (local.length === 0) {
                continue;
            }
            const written = inst.ast.getInstruction();
            const safe =
                !special && local.length === args.sources.length && !args.flags.some((f) => ADD_ONLY_FLAGS.test(f.raw));
            findings.push({
                range: inst.keywordRange,
                message: `Use COPY instead of ADD for files and folders (${local.map((s) => s.value).join(', ')}): ADD also fetches URLs and unpacks archives, COPY only copies.`,
                fixes: safe
                    ? [
                          {
                              title: 'Replace ADD with COPY',
                              preferred: true,
                              edits: [
                                  {
                                      range: inst.keywordRange,
                                      newText: written === written.toLowerCase() ? 'copy' : 'COPY',
                                  },
                              ],
                          },
                      ]
                    : undefined,
            });
        }
        return findings;
    },
};
