import { From } from 'dockerfile-ast';
import type { Finding, Rule } from '../types';

export const fromPlatformConst: Rule = {
    id: 'from-platform-const',
    title: 'Do not pin FROM --platform to a constant',
    category: 'maintainability',
    defaultSeverity: 'warning',
    equivalents: { hadolint: ['DL3029'], buildkit: ['FromPlatformFlagConstDisallowed'] },
    docs: {
        why: 'A constant `--platform=linux/amd64` forces that platform whatever the build asks for: on an arm64 machine or in a multi-platform build the stage is emulated or the image has the wrong architecture. Use `$BUILDPLATFORM` for build tools and `$TARGETPLATFORM` (the default) for what ships.',
        bad: 'FROM --platform=linux/amd64 golang:1.23 AS build\n',
        good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n',
        notes: 'Values with a variable are not constant and are not reported (BuildKit reads it so; hadolint only accepts `BUILDPLATFORM`/`TARGETPLATFORM`). As in BuildKit, a stage whose name contains the platform’s OS or architecture (`AS build-amd64`) is meant for that platform and is not reported.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            const ast = stage.from.ast;
            const flag = ast instanceof From ? ast.getPlatformFlag() : null;
            const value = flag?.getValue();
            const range = flag?.getValueRange();
            if (!flag || !value || !range || value.includes('$')) {
                continue;
            }
            const parts = value
                .replace(/^["']|["']$/g, '')
                .split(/[/,]/)
                .filter((p) => p !== '');
            const alias = stage.alias ?? '';
            if (parts.some((p) => alias.includes(p.toLowerCase()))) {
                continue;
            }
            findings.push({
                range,
                message: `FROM --platform flag should not use a constant value ("${value}"): use \`$BUILDPLATFORM\` for build tools, or drop the flag to build for the requested target platform.`,
            });
        }
        return findings;
    },
};
