import { hasFlag, isLocalPackage, pipInstall } from '../knowledge/packageManagers';
import type { Finding, Rule } from '../types';
import { allRuns, hull, nameList } from '../kit';

const VCS = /^(?:git|hg|svn|bzr)\+/;

/** `name==1.2`, any other version specifier, a VCS URL with `@ref`, a local file, path or URL. */
function pinned(arg: string): boolean {
    if (VCS.test(arg)) {
        return (arg.split('/').pop() ?? '').includes('@');
    }
    return /===?|[<>!~]=|[<>]|\s@\s/.test(arg) || isLocalPackage(arg, ['.whl', '.tar.gz', '.zip', '.tgz']);
}

export const pipPin: Rule = {
    id: 'pip-pin',
    title: 'Pin package versions in pip install',
    category: 'maintainability',
    defaultSeverity: 'warning',
    docs: {
        why: 'Without a version, `pip install` takes the newest release on the day of the build, so two builds of the same Dockerfile can ship different libraries, and a new major release can break the image. Pin (`flask==3.0.3`) or install from a requirements or constraints file.',
        bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
        good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
        notes: [
            'Checked for `pip install`, `pip3`, `python -m pip`, `uv pip` and `pipx`, also inside `sh -c` and `ONBUILD RUN`. Any version specifier counts (`==`, `>=`, `~=`, `<`, …), and so do local files, paths and URLs (`./pkg`, `.whl`, `.tar.gz`) and VCS URLs with a ref (`git+https://…/repo.git@v1.2`). A command with `-r`/`--requirement`, `-c`/`--constraint`, `--no-index` (local wheels only) or `.` is not checked; packages given through variables are not either, nor `pipenv install`, which pins what it resolves in Pipfile.lock.',
            'No quick fix: only you know the version.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3013'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const pip = pipInstall(cmd);
                // pipenv writes what it resolves into Pipfile.lock, which pins it (hadolint's DL3013 leaves it too).
                if (
                    !pip ||
                    pip.tool === 'pipenv' ||
                    hasFlag(pip.cli, 'r', 'requirement', 'c', 'constraint', 'no-index') ||
                    pip.operands.some((w) => w.value === '.')
                ) {
                    continue;
                }
                const loose = pip.operands.filter((w) => !w.dynamic && w.value !== '' && !pinned(w.value));
                if (loose.length > 0) {
                    findings.push({
                        range: hull(loose),
                        message: `Pin the version of ${nameList(loose.map((w) => w.value))} (\`name==version\`, or a requirements file), so that rebuilding the image installs the same libraries.`,
                    });
                }
            }
        }
        return findings;
    },
};
