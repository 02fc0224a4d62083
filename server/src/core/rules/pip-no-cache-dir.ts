import { PropertyInstruction } from 'dockerfile-ast';
import { hasFlag, pipInstall } from '../knowledge/packageManagers';
import type { Instruction } from '../model';
import type { Finding, Rule } from '../types';
import { finalRuns, head, insertAfter, instructionsBefore, mounts } from '../kit';

/** `PIP_NO_CACHE_DIR` set by an earlier ENV or ARG (pip turns the cache off for any value). */
function envDisablesCache(at: Instruction): boolean {
    return instructionsBefore(at, ['ENV', 'ARG']).some(
        (i) =>
            (i.keyword === 'ENV' || i.keyword === 'ARG') &&
            i.ast instanceof PropertyInstruction &&
            i.ast.getProperties().some((p) => p.getName() === 'PIP_NO_CACHE_DIR' && (p.getValue() ?? '') !== ''),
    );
}

/** A cache or tmpfs mount on pip's cache (`/root/.cache/pip`, or all of `~/.cache`). */
function cacheMount(inst: Instruction): boolean {
    return mounts(inst).some(
        (m) => (m.type === 'cache' || m.type === 'tmpfs') && /(?:\.cache\/?|pip\/?)$/.test(m.target),
    );
}

export const pipNoCacheDir: Rule = {
    id: 'pip-no-cache-dir',
    title: 'Use pip install --no-cache-dir',
    category: 'efficiency',
    defaultSeverity: 'warning',
    docs: {
        why: 'pip keeps every downloaded wheel in ~/.cache/pip. In an image nothing will install them again, so the cache only makes the layer bigger, often by more than the packages themselves.',
        bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
        good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
        notes: [
            'Reported on `pip install` (`pip3`, `python -m pip`) without `--no-cache-dir` in the stages that make the final image (a build stage whose files are only copied from keeps its cache harmlessly), also in `ONBUILD RUN` and inside `sh -c`. `PIP_NO_CACHE_DIR` set by ENV or ARG or on the command (with any value: pip turns the cache off for `0`, `false` or `off` too, for backward compatibility, so unlike hadolint those count), `--cache-dir`, and a cache or tmpfs mount on the cache (`RUN --mount=type=cache,target=/root/.cache/pip`) count. pipx and pipenv keep their own caches and are not checked.',
            'The quick fix adds `--no-cache-dir` after `install`.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3042'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of finalRuns(model)) {
            // The earlier ENV/ARG are looked at only for a RUN with a pip install (a scan per RUN was quadratic).
            let exempt: boolean | undefined;
            for (const cmd of inst.commands()) {
                const pip = pipInstall(cmd);
                if (pip?.tool !== 'pip' || hasFlag(pip.cli, 'no-cache-dir', 'cache-dir')) {
                    continue;
                }
                exempt ??= cacheMount(inst) || /\bPIP_NO_CACHE_DIR=\S/.test(inst.args().text) || envDisablesCache(inst);
                if (exempt) {
                    break;
                }
                findings.push({
                    range: head(cmd, pip.install),
                    message:
                        'Add `--no-cache-dir`: pip’s download cache is of no use in an image and only makes the layer bigger.',
                    fixes: [
                        {
                            title: 'Add `--no-cache-dir`',
                            edits: [insertAfter(cmd, pip.install, '--no-cache-dir')],
                            preferred: true,
                        },
                    ],
                });
            }
        }
        return findings;
    },
};
