import { copyArgs, flagValue } from '../knowledge/copyArgs';
import type { Finding, Rule } from '../types';

export const copyWholeFilesystem: Rule = {
    id: 'copy-whole-filesystem',
    title: 'Do not copy a whole filesystem from another stage',
    category: 'efficiency',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3067'] },
    docs: {
        why: '`COPY --from=stage / /` copies everything the other stage has, its package manager, caches and build tools included, on top of this image: the point of a multi-stage build is lost. Copy the files the image needs.',
        bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build / /\n',
        good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'COPY') {
                continue;
            }
            const args = copyArgs(model, inst);
            const from = flagValue(args, 'from');
            const root = args.sources.find((s) => s.value === '/');
            if (!from || !root || args.dest?.value !== '/') {
                continue;
            }
            findings.push({
                range: model.rangeOf(root.start, args.dest.end),
                message: `This copies all of '${from.value}' (its whole root filesystem, build tools and caches too) into the image: copy only the files the image needs from it.`,
            });
        }
        return findings;
    },
};
