import { pragmasOf } from '../pragmas';
import type { Rule } from '../types';

export const inlineIgnorePragma: Rule = {
    id: 'inline-ignore-pragma',
    title: 'Refrain from ignore comments',
    category: 'maintainability',
    defaultSeverity: 'info',
    offByDefault: true,
    equivalents: { hadolint: ['DL1001'] },
    docs: {
        why: 'Ignore comments spread exceptions through Dockerfiles where nobody reviews them. Teams that want every exception in one reviewed place (the config file) turn this rule on.',
        bad: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        notes: 'Off by default, as in hadolint. Reports `# hadolint ignore=`, `# dockwise ignore=` (also their `global` and `stage` forms) and per-instruction `# check=skip=` comments; BuildKit’s file-level `# check=` directive is configuration, not an exception, and is not reported.',
    },
    check({ model }) {
        return pragmasOf(model).ignoreComments.map((c) => ({
            range: c.range,
            message:
                'Please refrain from using inline ignore pragmas: move the exception to the config file (`ignored:` in .hadolint.yaml, `rules:` in a Dockwise config).',
        }));
    },
};
