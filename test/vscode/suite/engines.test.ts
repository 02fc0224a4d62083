// Two engines in one window: the runner's dockerd (DOCKER_HOST) and a private Podman this suite starts, offered
// through the user's dockwise.engines setting. The Engines view shows both; "Use in this window" switches what the
// Containers view lists, and back to automatic returns to Docker.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type Docker from 'dockerode';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
    type DockwiseTestApi,
    REPO_ROOT,
    activate,
    createContainer,
    engineOrSkip,
    explorerViews,
    removeSuiteResources,
    treeRows,
    uniqueName,
    waitFor,
} from './helpers';

interface Podman {
    host: string;
    podman(args: string[]): string;
    stop(): Promise<void>;
}
interface PodmanSupport {
    podmanUnavailable(): string | undefined;
    startPodman(): Promise<Podman>;
    PODMAN_IMAGE: string;
}

const ENGINE_NAME = 'podman-suite';

suite('engines: Docker and Podman in one window', function () {
    this.timeout(120_000);
    let api: DockwiseTestApi;
    let docker: Docker | undefined;
    let podman: Podman | undefined;
    const dockerName = uniqueName('on-docker');
    const podmanName = uniqueName('on-podman');

    suiteSetup(async function () {
        api = await activate();
        docker = await engineOrSkip(this);
        const support = (await import(
            `file://${path.join(REPO_ROOT, 'test', 'support', 'podman.mjs')}`
        )) as PodmanSupport;
        const why = support.podmanUnavailable();
        if (why) {
            if (process.env.CI === 'true') {
                throw new Error(`Podman is required under CI: ${why}`);
            }
            this.skip();
        }
        podman = await support.startPodman();
        podman.podman([
            'run',
            '-d',
            '--name',
            podmanName,
            '--label',
            'dockwise.test=vscode-suite',
            '--network',
            'none',
            support.PODMAN_IMAGE,
            'sleep',
            '300',
        ]);
        await createContainer(docker, dockerName);
        await vscode.workspace
            .getConfiguration('dockwise')
            .update('engines', [{ name: ENGINE_NAME, host: podman.host }], vscode.ConfigurationTarget.Global);
    });

    suiteTeardown(async () => {
        await vscode.commands.executeCommand('dockwise.engines.useAutomatic');
        await vscode.workspace
            .getConfiguration('dockwise')
            .update('engines', undefined, vscode.ConfigurationTarget.Global);
        if (docker) {
            await removeSuiteResources(docker);
        }
        await podman?.stop();
    });

    const containerNames = async (): Promise<string[]> =>
        (await treeRows(explorerViews(api).containers))
            .filter((r) => /^container\./.test(String(r.item.contextValue)))
            .map((r) => r.label);

    test('the Engines view lists Docker and Podman with kind, version and running count', async () => {
        const engines = explorerViews(api).engines;
        assert.ok(engines, 'the test API exposes the Engines view');
        // Hidden views probe nothing: show it.
        await vscode.commands.executeCommand('dockwise.engines.focus');
        const rows = await waitFor(
            'both engines probed',
            async () => {
                const all = await treeRows(engines);
                const p = all.find((r) => r.label === ENGINE_NAME);
                const d = all.find((r) => r.label === 'DOCKER_HOST');
                return p &&
                    d &&
                    /Podman 4/.test(String(p.item.description)) &&
                    /Docker/.test(String(d.item.description))
                    ? { p, d }
                    : undefined;
            },
            { timeoutMs: 30_000 },
        );
        assert.match(String(rows.p.item.description), /1 running/);
        assert.match(String(rows.d.item.description), /in use/, 'automatic: DOCKER_HOST is what this window uses');
    });

    test('Use in this window switches the Containers view to Podman, automatic brings Docker back', async () => {
        await vscode.commands.executeCommand('dockwise.containers.focus');
        await waitFor('the Docker container listed', async () =>
            (await containerNames()).includes(dockerName) ? true : undefined,
        );
        await vscode.commands.executeCommand('dockwise.engines.use', `user:${ENGINE_NAME}`);
        const onPodman = await waitFor('the Podman container listed', async () => {
            const names = await containerNames();
            return names.includes(podmanName) ? names : undefined;
        });
        assert.ok(!onPodman.includes(dockerName), 'only the chosen engine is shown');
        const engines = await treeRows(explorerViews(api).engines!);
        assert.match(String(engines.find((r) => r.label === ENGINE_NAME)?.item.description), /in use/);

        await vscode.commands.executeCommand('dockwise.engines.useAutomatic');
        const back = await waitFor('the Docker container listed again', async () => {
            const names = await containerNames();
            return names.includes(dockerName) ? names : undefined;
        });
        assert.ok(!back.includes(podmanName));
    });
});
