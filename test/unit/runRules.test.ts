import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseCli, rpmVersioned, APT_SPEC } from '../../server/src/core/knowledge/packageManagers';
import { lint } from '../../server/src/core/lint';
import { buildModel } from '../../server/src/core/model';
import { RULES } from '../../server/src/core/rules';
import { allRuns, baseFlavor, finalRuns, mounts } from '../../server/src/core/kit';

const root = path.resolve(__dirname, '..', '..', '..');
const wellKept = path.join(root, 'test', 'fixtures', 'wellKept');

/** The RUN and package-manager rules (issue 3, §1 and §2). */
const RUN_RULES = RULES.filter((r) =>
    /^(apt|apk|pip|npm|yarn|gem|go-install|yum|dnf|zypper)-|^(update-without-install|curl-and-wget|wget-progress|no-sudo|pointless-command|cd-in-run|useradd-log-init|pipefail|use-shell-instruction|consecutive-run)$/.test(
        r.id,
    ),
).map((r) => r.id);

describe('RUN and package-manager rules', () => {
    it('cover every hadolint RUN rule of the cross-reference table', () => {
        const hadolint = new Set(
            RULES.filter((r) => RUN_RULES.includes(r.id)).flatMap((r) => r.equivalents.hadolint ?? []),
        );
        for (const id of [
            'DL3001',
            'DL3003',
            'DL3004',
            'DL3008',
            'DL3009',
            'DL3013',
            'DL3014',
            'DL3015',
            'DL3016',
            'DL3018',
        ]) {
            assert.ok(hadolint.has(id), id);
        }
        for (const id of [
            'DL3019',
            'DL3027',
            'DL3028',
            'DL3030',
            'DL3032',
            'DL3033',
            'DL3034',
            'DL3035',
            'DL3036',
            'DL3037',
        ]) {
            assert.ok(hadolint.has(id), id);
        }
        for (const id of ['DL3038', 'DL3040', 'DL3041', 'DL3042', 'DL3046', 'DL3047', 'DL3059', 'DL3060', 'DL3062']) {
            assert.ok(hadolint.has(id), id);
        }
        for (const id of ['DL4001', 'DL4005', 'DL4006']) {
            assert.ok(hadolint.has(id), id);
        }
        assert.equal(RUN_RULES.length, 34);
    });

    it('stay silent on well-kept Dockerfiles in the style of the official images', () => {
        const files = readdirSync(wellKept).filter((f) => f.endsWith('.Dockerfile'));
        assert.ok(files.length >= 6);
        for (const file of files) {
            const text = readFileSync(path.join(wellKept, file), 'utf8');
            const result = lint(text, { allRules: true });
            assert.deepEqual(result.failures, [], file);
            const errors = result.diagnostics.filter((d) => d.severity === 'error');
            assert.deepEqual(
                errors.map((d) => `${d.range.start.line + 1}: ${d.ruleId}`),
                [],
                `${file}: no error-level finding from any rule`,
            );
            const mine = result.diagnostics.filter((d) => RUN_RULES.includes(d.ruleId));
            assert.deepEqual(
                mine.map((d) => `${d.range.start.line + 1}: ${d.ruleId}`),
                [],
                file,
            );
        }
    });
});

describe('kit: runs and stages', () => {
    it('finds the RUNs stored by ONBUILD, in every stage or in the final image only', () => {
        const model = buildModel(
            'FROM debian:12 AS a\nRUN a\nONBUILD RUN b\nFROM debian:12 AS c\nONBUILD COPY . /x\nRUN d\nFROM c\nONBUILD run e\n',
        );
        assert.deepEqual(
            allRuns(model).map((r) => [r.inst.args().text, r.onbuild !== undefined]),
            [
                ['a', false],
                ['b', true],
                ['d', false],
                ['e', true],
            ],
        );
        assert.deepEqual(
            finalRuns(model).map((r) => r.inst.args().text),
            ['d', 'e'],
        );
        assert.deepEqual(
            allRuns(model, false).map((r) => r.inst.args().text),
            ['a', 'd'],
        );
        const trigger = model.instructions[2]!.trigger()!;
        assert.equal(trigger.keyword, 'RUN');
        assert.equal(trigger.stage, model.stages[0]);
        assert.deepEqual(trigger.keywordRange.start, { line: 2, character: 8 });
    });
    it('reads no shell commands from a heredoc script for another interpreter', () => {
        const names = (text: string) =>
            buildModel(text)
                .instructions[1]!.commands()
                .map((c) => c.name);
        assert.deepEqual(names('FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF\n'), []);
        assert.deepEqual(names('FROM debian:12\nRUN <<EOF\n#!/usr/bin/env -S bash -e\nmake\nEOF\n'), ['make']);
        assert.deepEqual(names('FROM debian:12\nRUN <<EOF\n#!/bin/sh\nmake\nEOF\n'), ['make']);
    });
    it('takes `command -v x` as a lookup, not as running x', () => {
        const cmds = buildModel('FROM debian:12\nRUN command -v curl && command curl -V\n').instructions[1]!.commands();
        assert.deepEqual(
            cmds.map((c) => c.name),
            ['command', 'curl'],
        );
    });
    it('reads --mount flags across continuations', () => {
        const model = buildModel(
            'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=bind,source=x,dst="/y" --network=none true\n',
        );
        assert.deepEqual(mounts(model.instructions[1]!), [
            { type: 'cache', target: '/var/cache/apt' },
            { type: 'bind', target: '/y' },
        ]);
    });
    it('tells the flavour of the base image through the stage chain', () => {
        const model = buildModel(
            'FROM python:3.12-alpine AS a\nFROM a\nFROM busybox:1.36\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nFROM debian:12\nFROM ${BASE}\n',
        );
        assert.deepEqual(
            model.stages.map((s) => baseFlavor(s)),
            ['alpine', 'alpine', 'busybox', 'windows', 'other', 'other'],
        );
    });
});

describe('package manager command lines', () => {
    const words = (line: string) =>
        line.split(' ').map((value) => ({
            value,
            dynamic: false,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        }));
    it('splits options, option values and operands', () => {
        const cli = parseCli(
            words('-qy -o Dpkg::Options::=--force-confold install -t=bookworm --no-install-recommends x -- -y'),
            APT_SPEC,
        );
        assert.deepEqual(
            cli.flags.map((f) => [f.name, f.value ?? null]),
            [
                ['q', null],
                ['y', null],
                ['o', 'Dpkg::Options::=--force-confold'],
                ['t', 'bookworm'],
                ['no-install-recommends', null],
            ],
        );
        assert.deepEqual(
            cli.positional.map((w) => w.value),
            ['install', 'x', '-y'],
        );
    });
    it('tells an RPM version from a name with dashes', () => {
        assert.ok(rpmVersioned('httpd-2.4.6'));
        assert.ok(rpmVersioned('nodejs-18.1.0-1.el9'));
        assert.ok(rpmVersioned('glibc-2.34-100.el9_4.2.x86_64'));
        assert.ok(!rpmVersioned('python3-pip'));
        assert.ok(!rpmVersioned('gcc-c++'));
        assert.ok(!rpmVersioned('httpd'));
    });
});
