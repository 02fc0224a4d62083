import type { Finding, Rule } from '../types';

/** Kernel and boot file systems: the runtime mounts or hides them, so files put there vanish. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

export const workdirSystemDir: Rule = {
    id: 'workdir-system-dir',
    title: 'Do not use a system directory as WORKDIR',
    category: 'correctness',
    defaultSeverity: 'warning',
    equivalents: { trivy: ['DS-0030'] },
    docs: {
        why: '`/proc`, `/sys` and `/dev` are mounted by the container runtime over whatever the image holds there, and `/boot` belongs to the host: files written into them at build time are hidden or lost at run time, and a process working there can touch kernel interfaces.',
        bad: 'FROM alpine:3.20\nWORKDIR /proc/app\n',
        good: 'FROM alpine:3.20\nWORKDIR /opt/app\n',
        notes: 'Covers `/proc`, `/sys`, `/dev`, `/boot`, `/initrd`, `/lost+found` and anything below them.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'WORKDIR' || !inst.argsRange) {
                continue;
            }
            const path =
                inst
                    .args()
                    .text.trim()
                    .replace(/^["']|["']$/g, '')
                    .replace(/(?<!\/)\/+$/, '') || '/';
            const dir = SYSTEM_DIRS.find((d) => path === d || path.startsWith(`${d}/`));
            if (dir) {
                findings.push({
                    range: inst.argsRange,
                    message: `WORKDIR ${path} is inside ${dir}, a system directory the runtime mounts or hides: work in /app, /opt/<name> or /srv instead.`,
                });
            }
        }
        return findings;
    },
};
