import * as assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
    type DockwiseTestApi,
    type Row,
    SUITE_LABEL,
    TEST_IMAGE,
    answeringConfirmations,
    activate,
    containerState,
    createContainer,
    engineOrSkip,
    explorerViews,
    iconId,
    removeSuiteResources,
    treeRows,
    uniqueName,
    waitFor,
} from './helpers';

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();
const shortVolumeName = (name: string): string => (/^[0-9a-f]{64}$/.test(name) ? `${name.slice(0, 12)}…` : name);

suite('explorer against the Docker engine', function () {
    this.timeout(120_000);
    let api: DockwiseTestApi;
    let docker: Docker | undefined;

    suiteSetup(async function () {
        api = await activate();
        docker = await engineOrSkip(this);
        await removeSuiteResources(docker);
    });

    suiteTeardown(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        if (docker) {
            await removeSuiteResources(docker);
        }
    });

    /** The row labelled `name` in the Containers view, once `accept` holds for it. */
    async function containerRow(name: string, accept: (row: Row) => boolean = () => true): Promise<Row> {
        const { containers } = explorerViews(api);
        return waitFor(`${name} in the Containers view`, async () => {
            const row = (await treeRows(containers)).find((r) => r.label === name);
            return row && accept(row) ? row : undefined;
        });
    }

    test('the Containers, Images and Volumes views list what the engine has', async () => {
        const engine = docker!;
        const running = uniqueName('running');
        const created = uniqueName('created');
        const volume = uniqueName('volume');
        await createContainer(engine, running);
        await createContainer(engine, created, { start: false });
        await engine.createVolume({ Name: volume, Labels: SUITE_LABEL });
        const views = explorerViews(api);

        // Containers: every container of the engine, any state, by name; state in icon and context value.
        const engineContainers = async () =>
            sorted((await engine.listContainers({ all: true })).map((c) => c.Names[0]!.replace(/^\//, '')));
        await waitFor('the Containers view to match the engine', async () => {
            const shown = sorted(
                (await treeRows(views.containers))
                    .filter((r) => /^container\./.test(String(r.item.contextValue)))
                    .map((r) => r.label),
            );
            const want = await engineContainers();
            return JSON.stringify(shown) === JSON.stringify(want) ? true : undefined;
        });
        const runningRow = await containerRow(running);
        assert.match(String(runningRow.item.contextValue), /^container\.running/);
        assert.equal(iconId(runningRow.item), 'vm-running');
        assert.match(String(runningRow.item.description), new RegExp(TEST_IMAGE.replace(/[/.]/g, '\\$&')));
        const createdRow = await containerRow(created);
        assert.match(String(createdRow.item.contextValue), /^container\.created/);

        // Images: one row per tag of every image (dangling ones are hidden by default).
        const engineTags = async () =>
            sorted((await engine.listImages()).flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>')));
        await waitFor('the Images view to match the engine', async () => {
            const rows = await treeRows(views.images);
            const shown = sorted(
                rows.filter((r) => /^image\.tagged/.test(String(r.item.contextValue))).map((r) => r.label),
            );
            const want = await engineTags();
            return JSON.stringify(shown) === JSON.stringify(want) &&
                rows.every((r) => !/^image\.dangling/.test(String(r.item.contextValue)))
                ? true
                : undefined;
        });
        const imageRow = (await treeRows(views.images)).find((r) => r.label === TEST_IMAGE);
        assert.ok(imageRow, `${TEST_IMAGE} is listed`);
        assert.match(String(imageRow.item.contextValue), /\.inuse/, 'the test image is in use by our containers');

        // Volumes: every volume by name.
        const engineVolumes = async () =>
            sorted(((await engine.listVolumes()).Volumes ?? []).map((v) => shortVolumeName(v.Name)));
        await waitFor('the Volumes view to match the engine', async () => {
            const shown = sorted(
                (await treeRows(views.volumes))
                    .filter((r) => /^volume\./.test(String(r.item.contextValue)))
                    .map((r) => r.label),
            );
            const want = await engineVolumes();
            return JSON.stringify(shown) === JSON.stringify(want) && shown.includes(volume) ? true : undefined;
        });
    });

    test('Stop, Start and Remove change the engine state, and the view follows', async () => {
        const engine = docker!;
        const name = uniqueName('lifecycle');
        const container = await createContainer(engine, name);
        const { id } = container;

        // As a click on the inline Stop button does: the command with the tree element.
        let row = await containerRow(name, (r) => /^container\.running/.test(String(r.item.contextValue)));
        await vscode.commands.executeCommand('dockwise.containers.stop', row.element);
        await waitFor('the engine to report the container exited', async () =>
            (await containerState(engine, id)) === 'exited' ? true : undefined,
        );
        row = await containerRow(name, (r) => /^container\.exited/.test(String(r.item.contextValue)));
        assert.equal(iconId(row.item), 'debug-stop', 'a stopped icon');

        await vscode.commands.executeCommand('dockwise.containers.start', row.element);
        await waitFor('the engine to report the container running', async () =>
            (await containerState(engine, id)) === 'running' ? true : undefined,
        );
        row = await containerRow(name, (r) => /^container\.running/.test(String(r.item.contextValue)));

        // Remove asks first (a modal, answered here); a running container needs a second, explicit "Force Remove".
        const asked = await answeringConfirmations(
            (_message, items) => items.find((i) => i === 'Force Remove' || i === 'Remove'),
            async (questions) => {
                await vscode.commands.executeCommand('dockwise.containers.remove', row.element);
                return questions;
            },
        );
        assert.equal(asked[0], `Remove container ${name}?`);
        assert.match(asked[1] ?? '', /Force-remove it\?/);
        await waitFor('the engine to forget the container', async () =>
            (await containerState(engine, id)) === 'gone' ? true : undefined,
        );
        await waitFor('the row to disappear', async () =>
            (await treeRows(explorerViews(api).containers)).some((r) => r.label === name) ? undefined : true,
        );
    });

    test('Remove does nothing when the confirmation is declined', async () => {
        const engine = docker!;
        const name = uniqueName('kept');
        const { id } = await createContainer(engine, name, { start: false });
        const row = await containerRow(name);
        const asked = await answeringConfirmations(
            () => undefined, // Cancel
            async (questions) => {
                await vscode.commands.executeCommand('dockwise.containers.remove', row.element);
                return questions;
            },
        );
        assert.deepEqual(asked, [`Remove container ${name}?`]);
        assert.equal(await containerState(engine, id), 'created');
    });

    test('the logs of a running container reach the log viewer, live and demultiplexed', async () => {
        const engine = docker!;
        const name = uniqueName('logs');
        await createContainer(engine, name);
        const row = await containerRow(name, (r) => /^container\.running/.test(String(r.item.contextValue)));
        await vscode.commands.executeCommand('dockwise.containers.viewLogs', row.element);

        const logDoc = () =>
            vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'dockwise-logs' && d.uri.path.includes(name));
        const doc = await waitFor('the log document to open', () => logDoc());
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'shown in an editor');
        // The container prints a greeting (stdout), a line on stderr, then a tick every second: seeing a later
        // tick than was printed when the viewer opened proves the viewer follows the stream.
        const text = await waitFor(
            'the greeting, the stderr line and tick 4 in the log viewer',
            () => {
                const t = logDoc()?.getText() ?? '';
                return t.includes(`hello from ${name}`) && t.includes('a line on stderr') && /^.*tick 4\b/m.test(t)
                    ? t
                    : undefined;
            },
            { timeoutMs: 30_000 },
        );
        assert.doesNotMatch(text, /[\u0000-\u0008\u000e-\u001f]/, 'no stream frame headers or control bytes');
        const greeting = text.split('\n').findIndex((l) => l.includes(`hello from ${name}`));
        const tick1 = text.split('\n').findIndex((l) => /\btick 1\b/.test(l));
        assert.ok(greeting >= 0 && greeting < tick1, 'lines in the order the container wrote them');
    });
});
