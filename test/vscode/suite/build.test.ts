import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type Docker from 'dockerode';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
    type DockwiseTestApi,
    SUITE_LABEL,
    TEST_IMAGE,
    activate,
    engineOrSkip,
    explorerViews,
    treeRows,
    uniqueName,
    waitFor,
    workspaceFile,
} from './helpers';

/** What `dockwise.image.build` resolves to (client/src/commands/buildImage.ts BuildOutcome). */
type Outcome = { ok: true; imageId?: string } | { ok: false; line?: number; message: string };

/** Runs a command of the image and returns what it printed (with a TTY: plain logs, no multiplexing). */
async function output(docker: Docker, image: string, cmd: string[]): Promise<string> {
    const container = await docker.createContainer({
        Image: image,
        Cmd: cmd,
        Tty: true,
        Labels: SUITE_LABEL,
        HostConfig: { NetworkMode: 'none' },
    });
    try {
        await container.start();
        await container.wait();
        const logs = await container.logs({ stdout: true, stderr: true });
        return logs.toString('utf8').replace(/\r/g, '');
    } finally {
        await container.remove({ force: true }).catch(() => undefined);
    }
}

suite('Build Image', function () {
    this.timeout(180_000);
    let api: DockwiseTestApi;
    let docker: Docker | undefined;
    const tags: string[] = [];

    suiteSetup(async function () {
        api = await activate();
        docker = await engineOrSkip(this);
        // The test engine has no bridge network: RUN steps use none.
        await vscode.workspace
            .getConfiguration('dockwise.build')
            .update('networkMode', 'none', vscode.ConfigurationTarget.Workspace);
    });

    suiteTeardown(async () => {
        await vscode.workspace
            .getConfiguration('dockwise.build')
            .update('networkMode', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const tag of tags) {
            await docker
                ?.getImage(tag)
                .remove({ force: true })
                .catch(() => undefined);
        }
    });

    function tagFor(what: string): string {
        const tag = `dockwise-vscode-suite/${uniqueName(what)}:latest`;
        tags.push(tag);
        return tag;
    }

    test("builds the fixture workspace's multi-stage Dockerfile, honouring .dockerignore", async () => {
        const engine = docker!;
        const dockerfile = workspaceFile('build', 'Dockerfile');
        const tag = tagFor('build');
        const outcome = await vscode.commands.executeCommand<Outcome>('dockwise.image.build', dockerfile, {
            tag,
            labels: SUITE_LABEL,
        });
        assert.deepEqual(outcome && { ok: outcome.ok }, { ok: true }, JSON.stringify(outcome));

        const info = await engine.getImage(tag).inspect();
        assert.equal(info.Config.Labels?.['dockwise.test'], SUITE_LABEL['dockwise.test']);
        assert.ok(info.Config.Env?.includes('GREETING_FILE=/srv/greeting'), 'the runtime stage is the image');
        assert.equal(await output(engine, tag, ['cat', '/srv/greeting']), 'hello from the build stage\n');
        const context = (await output(engine, tag, ['cat', '/srv/context.txt'])).split('\n').filter(Boolean);
        assert.ok(context.includes('greeting.txt') && context.includes('Dockerfile'), context.join(','));
        assert.ok(!context.includes('secret.txt'), `.dockerignore keeps secret.txt out: ${context.join(',')}`);

        // The Images view follows the engine's events.
        const { images } = explorerViews(api);
        await waitFor(`${tag} in the Images view`, async () =>
            (await treeRows(images)).find((r) => r.label.includes(tag.replace(/:latest$/, ''))),
        );
    });

    test('a failing RUN becomes an error on its line, and the next good build clears it', async () => {
        const dir = workspaceFile('build-failing');
        const dockerfile = vscode.Uri.joinPath(dir, 'Dockerfile');
        const failing = [
            `FROM ${TEST_IMAGE}`,
            'WORKDIR /app',
            'RUN echo "compiling" && echo "cc: error: missing.c: No such file" >&2 && exit 3',
            'CMD ["true"]',
            '',
        ].join('\n');
        fs.mkdirSync(dir.fsPath, { recursive: true });
        fs.writeFileSync(dockerfile.fsPath, failing);
        const tag = tagFor('failing');

        const outcome = await vscode.commands.executeCommand<Outcome>('dockwise.image.build', dockerfile, {
            tag,
            labels: SUITE_LABEL,
        });
        assert.ok(outcome && !outcome.ok, `the build fails: ${JSON.stringify(outcome)}`);
        assert.equal(outcome.line, 3, 'the failing RUN is on line 3');
        const failure = await waitFor('the build failure on the Dockerfile', () =>
            vscode.languages.getDiagnostics(dockerfile).find((d) => d.source === 'dockwise build'),
        );
        assert.equal(failure.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(failure.range.start.line, 2);
        assert.match(failure.message, /missing\.c: No such file/, 'the last output lines are in the message');

        fs.writeFileSync(dockerfile.fsPath, failing.replace('&& exit 3', '&& true'));
        const fixed = await vscode.commands.executeCommand<Outcome>('dockwise.image.build', dockerfile, {
            tag,
            labels: SUITE_LABEL,
        });
        assert.deepEqual(fixed && { ok: fixed.ok }, { ok: true }, JSON.stringify(fixed));
        assert.equal(
            vscode.languages.getDiagnostics(dockerfile).filter((d) => d.source === 'dockwise build').length,
            0,
            'a successful build clears the failure',
        );
    });
});
