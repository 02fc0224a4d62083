import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/model';
import { shellCheckFindings } from '../../server/src/shellcheck/findings';
import { dialectOf, shellCheckJobs } from '../../server/src/shellcheck/jobs';
import { shellCheckArgs, shellCheckCommand } from '../../server/src/shellcheck/runner';
import { normalizeSettings, withUserShellCheckPath } from '../../server/src/shared/settings';
import { applyFix, crlf, textAt } from './helpers';

// The ShellCheck integration without the binary: which scripts it is given, in which dialect, and
// how its json1 output (recorded from Debian's shellcheck 0.9 on these very inputs) maps back.
const DOCKERFILE = [
    'FROM debian:12',
    'ARG version',
    'RUN echo $1 && \\',
    '    cd /opt && ls `pwd`',
    '# hadolint ignore=SC2045',
    'RUN for f in $(ls); do echo "$f"; done',
    'SHELL ["/bin/bash", "-c"]',
    'RUN <<EOF',
    'echo 😀$1',
    'EOF',
    'RUN echo a\\',
    '$2',
    '',
].join('\n');

const quoteFix = (line: number, from: number, to: number) => ({
    replacements: [
        { line, endLine: line, column: from, endColumn: from, insertionPoint: 'afterEnd', replacement: '"' },
        { line, endLine: line, column: to, endColumn: to, insertionPoint: 'beforeStart', replacement: '"' },
    ],
});
const SC2086 = 'Double quote to prevent globbing and word splitting.';
const comment = (line: number, column: number, endColumn: number, level: string, code: number, message: string) => ({
    file: '-',
    line,
    endLine: line,
    column,
    endColumn,
    level,
    code,
    message,
    fix: null as unknown,
});
/** shellcheck --format=json1 --shell=<dialect> --norc --exclude=SC1090,SC1091,SC2187 - on each job's input. */
const RECORDED = [
    {
        comments: [
            { ...comment(2, 6, 8, 'info', 2086, SC2086), fix: quoteFix(2, 6, 8) },
            comment(2, 30, 35, 'warning', 2046, 'Quote this to prevent word splitting.'),
            {
                ...comment(2, 30, 35, 'style', 2006, 'Use $(...) notation instead of legacy backticks `...`.'),
                fix: {
                    replacements: [
                        {
                            line: 2,
                            endLine: 2,
                            column: 30,
                            endColumn: 31,
                            insertionPoint: 'afterEnd',
                            replacement: '$(',
                        },
                        {
                            line: 2,
                            endLine: 2,
                            column: 34,
                            endColumn: 35,
                            insertionPoint: 'beforeStart',
                            replacement: ')',
                        },
                    ],
                },
            },
        ],
    },
    { comments: [comment(2, 10, 15, 'error', 2045, 'Iterating over ls output is fragile. Use globs.')] },
    { comments: [{ ...comment(2, 7, 9, 'info', 2086, SC2086), fix: quoteFix(2, 7, 9) }] },
    { comments: [{ ...comment(2, 7, 9, 'info', 2086, SC2086), fix: quoteFix(2, 7, 9) }] },
];

function mapped(text: string, config = {}) {
    const model = buildModel(text);
    const jobs = shellCheckJobs(model);
    return jobs.flatMap((job, i) => shellCheckFindings(RECORDED[i], job, (o) => model.positionAt(o), config));
}

describe('ShellCheck: the scripts it is given', () => {
    it('gives each shell-form RUN and RUN heredoc, continuations joined, ARG/ENV names exported', () => {
        const jobs = shellCheckJobs(buildModel(DOCKERFILE));
        assert.deepEqual(
            jobs.map((j) => [j.shell, j.input, j.prefixLines, j.instructionLine, j.ignored]),
            [
                ['sh', 'export version=1\necho $1 &&     cd /opt && ls `pwd`', 1, 2, []],
                ['sh', 'export version=1\nfor f in $(ls); do echo "$f"; done', 1, 5, ['sc2045']],
                ['bash', 'export version=1\necho 😀$1\n', 1, 7, []],
                ['bash', 'export version=1\necho a$2', 1, 10, []],
            ],
        );
    });

    it('gives the same scripts for a CRLF file (no carriage returns for ShellCheck to flag)', () => {
        const lf = shellCheckJobs(buildModel(DOCKERFILE)).map((j) => j.input);
        assert.deepEqual(
            shellCheckJobs(buildModel(crlf(DOCKERFILE))).map((j) => j.input),
            lf,
        );
    });

    it('follows SHELL, the # hadolint shell= pragma and a heredoc shebang; skips what is not a POSIX shell', () => {
        const shells = (text: string) => shellCheckJobs(buildModel(text)).map((j) => j.shell);
        assert.deepEqual(shells('FROM a\n# hadolint shell=bash\nRUN x\nSHELL ["/bin/dash", "-c"]\nRUN y\n'), [
            'bash',
            'dash',
        ]);
        assert.deepEqual(shells('FROM a\nSHELL ["/bin/ash", "-c"]\n# hadolint shell=ksh\nRUN x\n'), ['ksh']);
        assert.deepEqual(shells('FROM a\n# hadolint shell=powershell\nRUN Get-ChildItem\n'), []);
        assert.deepEqual(shells('FROM a\nSHELL ["pwsh", "-Command"]\nRUN x\nSHELL ["zsh", "-c"]\nRUN y\n'), []);
        assert.deepEqual(shells('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n'), []);
        assert.deepEqual(shells('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n'), []);
        assert.deepEqual(shells('FROM a\nRUN <<EOF\n#!/bin/bash\necho\nEOF\n'), ['bash']);
        assert.deepEqual(shells('FROM a\nRUN ["sh", "-c", "echo $1"]\nONBUILD RUN echo $1\n'), ['sh']);
    });

    it('names the dialect of a shell path', () => {
        assert.deepEqual(
            ['/bin/sh', '/usr/bin/bash', 'busybox', 'mksh', 'C:\\bash.exe', 'zsh', 'cmd', 'pwsh'].map(dialectOf),
            ['sh', 'bash', 'sh', 'ksh', 'bash', undefined, undefined, undefined],
        );
    });

    it('takes the binary from user settings only: the client replaces any workspace value', () => {
        const items = [{ scopeUri: 'file:///repo/Dockerfile', section: 'dockwise' }, { section: 'editor' }];
        const values = [{ shellcheck: { enable: true, path: '/repo/tools/evil' } }, { tabSize: 4 }];
        assert.deepEqual(withUserShellCheckPath(items, values, undefined), [
            { shellcheck: { enable: true, path: '' } },
            { tabSize: 4 },
        ]);
        const mine = withUserShellCheckPath(items, values, '/opt/sc/shellcheck')[0];
        assert.deepEqual(normalizeSettings(mine).shellcheck, { enable: true, path: '/opt/sc/shellcheck' });
        assert.deepEqual(normalizeSettings({}).shellcheck, { enable: false, path: '' });
    });

    it('runs only fixed arguments, and refuses a relative binary path', () => {
        const [job] = shellCheckJobs(buildModel('FROM a\nRUN echo\n'));
        assert.deepEqual(shellCheckArgs(job!), [
            '--format=json1',
            '--shell=sh',
            '--norc',
            '--exclude=SC1090,SC1091,SC2187',
            '-',
        ]);
        assert.equal(shellCheckCommand(''), 'shellcheck');
        assert.equal(shellCheckCommand('/opt/sc/shellcheck'), '/opt/sc/shellcheck');
        assert.equal(shellCheckCommand('./tools/shellcheck'), undefined);
    });
});

describe('ShellCheck: its findings in the Dockerfile', () => {
    it('maps lines and columns through continuations, heredocs and code points, with SC codes', () => {
        const found = mapped(DOCKERFILE);
        assert.deepEqual(
            found.map((d) => [
                d.ruleId,
                d.severity,
                d.range.start.line,
                textAt(DOCKERFILE, d.range),
                d.instructionLine,
            ]),
            [
                ['SC2086', 'info', 2, '$1', 2],
                ['SC2046', 'warning', 3, '`pwd`', 2],
                ['SC2006', 'hint', 3, '`pwd`', 2],
                ['SC2086', 'info', 8, '$1', 7],
                ['SC2086', 'info', 11, '$2', 10],
            ],
        );
    });

    it('gives the same ranges in a CRLF file', () => {
        const text = crlf(DOCKERFILE);
        assert.deepEqual(
            mapped(text).map((d) => textAt(text, d.range)),
            ['$1', '`pwd`', '`pwd`', '$1', '$2'],
        );
    });

    it("offers ShellCheck's fix where its text is contiguous in the file, not across a continuation", () => {
        const found = mapped(DOCKERFILE);
        const fixed = applyFix(DOCKERFILE, found[0]!.fixes[0]!);
        assert.match(fixed, /^RUN echo "\$1" && \\$/m);
        assert.equal(found[0]!.fixes[0]!.title, "Apply ShellCheck's fix for SC2086");
        assert.match(applyFix(DOCKERFILE, found[2]!.fixes[0]!), /ls \$\(pwd\)$/m);
        assert.match(applyFix(DOCKERFILE, found[3]!.fixes[0]!), /^echo 😀"\$1"$/m);
        assert.deepEqual(found[4]!.fixes, [], 'the quote before $2 would land before the continuation');
    });

    it('honours settings per code (any case): off, or another severity', () => {
        const found = mapped(DOCKERFILE, { rules: { sc2086: 'off', SC2006: 'error' } });
        assert.deepEqual(
            found.map((d) => [d.ruleId, d.severity]),
            [
                ['SC2046', 'warning'],
                ['SC2006', 'error'],
            ],
        );
    });

    it('honours global and stage ignore comments, unless inline suppressions are off', () => {
        const text = `# hadolint global ignore=SC2046\n${DOCKERFILE}`;
        const model = buildModel(text);
        const jobs = shellCheckJobs(model);
        assert.deepEqual(jobs[0]!.ignored, ['sc2046']);
        assert.deepEqual(shellCheckJobs(model, false)[1]!.ignored, []);
        const stage = 'FROM a\n# hadolint stage ignore=SC2086\nRUN echo $1\nFROM b\nRUN echo $1\n';
        assert.deepEqual(
            shellCheckJobs(buildModel(stage)).map((j) => j.ignored),
            [['sc2086'], []],
        );
    });

    it('drops findings in the exported lines, excluded codes, and output that is not json1', () => {
        const model = buildModel('FROM a\nARG x\nRUN echo\n');
        const [job] = shellCheckJobs(model);
        const output = {
            comments: [
                comment(1, 1, 5, 'warning', 2034, 'x appears unused.'),
                comment(2, 1, 5, 'info', 1091, 'Not following: x'),
            ],
        };
        assert.deepEqual(
            shellCheckFindings(output, job!, (o) => model.positionAt(o)),
            [],
        );
        for (const junk of [null, 'text', { comments: 'x' }, { comments: [{ code: 'x' }] }]) {
            assert.deepEqual(
                shellCheckFindings(junk, job!, (o) => model.positionAt(o)),
                [],
            );
        }
    });
});
