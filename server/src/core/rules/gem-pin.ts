import { GEM_SPEC, hasFlag, isLocalPackage, managerCommand } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

const GEM = new Set(['gem']);

export const gemPin: Rule = {
    id: 'gem-pin',
    title: 'Pin gem versions in gem install',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: '`gem install <gem>` without a version takes the newest release on the day of the build, so two builds of the same Dockerfile can ship different code. Pin it (`bundler:2.5.22` or `-v 2.5.22`), or install from a Gemfile.lock with `bundle install`.',
        bad: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
        good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
        notes: [
            'Checked for `gem install` and `gem i`, also inside `sh -c` and `ONBUILD RUN`. `name:version`, a `-v`/`--version` option, and `.gem` files or paths count as pinned; gems given through variables are not checked, nor the build options after `--`.',
            'No quick fix: only you know the version.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3028'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const mc = managerCommand(cmd, GEM, GEM_SPEC);
                if ((mc?.sub?.value !== 'install' && mc?.sub?.value !== 'i') || hasFlag(mc.cli, 'v', 'version')) {
                    continue;
                }
                // After `--` come build options for the gem's native extension, not gems.
                const end = cmd.args.findIndex((a) => a.value === '--');
                const gems = end < 0 ? mc.operands : mc.operands.filter((w) => cmd.args.indexOf(w) < end);
                const loose = gems.filter(
                    (w) => !w.dynamic && w.value !== '' && !w.value.includes(':') && !isLocalPackage(w.value, ['.gem']),
                );
                if (loose.length > 0) {
                    findings.push({
                        range: hull(loose),
                        message: `Pin the version of ${nameList(loose.map((w) => w.value))} (\`name:version\` or \`-v version\`), so that rebuilding the image installs the same code.`,
                    });
                }
            }
        }
        return findings;
    },
};
