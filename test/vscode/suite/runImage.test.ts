import * as assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
    SUITE_LABEL,
    TEST_IMAGE,
    activate,
    answeringConfirmations,
    containerState,
    engineOrSkip,
    removeSuiteResources,
    uniqueName,
    waitFor,
} from './helpers';
import { type ScriptedInput, withScriptedQuickInputs } from './quickInputScript';

/** What `dockwise.images.run` and `dockwise.images.runAgain` resolve with (client/src/commands/run.ts). */
interface RunOutcome {
    id: string;
    name?: string;
    commandLine: string;
}

/**
 * What the extension writes to the clipboard: recorded by a stand-in when the API object allows it (headless
 * Chromium may deny the real clipboard), else read back from the clipboard.
 */
async function recordingClipboard(): Promise<{ text(): Promise<string>; restore(): void }> {
    const clipboard = vscode.env.clipboard as { writeText: (t: string) => Thenable<void> };
    const original = clipboard.writeText;
    let last: string | undefined;
    try {
        clipboard.writeText = async (t: string) => {
            last = t;
        };
    } catch {
        return { text: async () => vscode.env.clipboard.readText(), restore: () => undefined };
    }
    return {
        text: async () => last ?? '',
        restore: () => {
            clipboard.writeText = original;
        },
    };
}

suite('Run Image against the Docker engine', function () {
    this.timeout(120_000);
    let docker: Docker | undefined;

    suiteSetup(async function () {
        await activate();
        docker = await engineOrSkip(this);
    });

    suiteTeardown(async () => {
        if (docker) {
            await removeSuiteResources(docker);
        }
    });

    test('the guided input: checked answers, the docker run line copied, the container as answered', async () => {
        const engine = docker!;
        const volume = uniqueName('wizard-vol');
        await engine.createVolume({ Name: volume, Labels: SUITE_LABEL });
        const name = uniqueName('wizard');
        const first = (i: ScriptedInput): string => i.items[0]?.label ?? '';
        const copied = await recordingClipboard();
        const { result, shown } = await withScriptedQuickInputs(
            [
                (i) => {
                    assert.match(i.title ?? '', /^Run dockwise-test\/busybox:latest \(1\/\d+\)$/);
                    i.type('x'); // too short for Docker: refused
                    assert.match(i.validation ?? '', /at least two/);
                    i.type(name);
                },
                (i) => {
                    assert.match(i.placeholder ?? '', /Publish a port \(-p\)/);
                    assert.match(first(i), /Continue/, 'nothing to pre-fill: the image EXPOSEs nothing');
                    i.type('70000:80');
                    assert.match(first(i), /^\$\(error\)/);
                    assert.match(i.items[0]?.detail ?? '', /1 to 65535/);
                    i.type('127.0.0.1:18091:80');
                },
                (i) => {
                    assert.ok(i.items.some((x) => x.label === '127.0.0.1:18091:80'));
                    i.accept();
                },
                (i) => i.type('GREETING=hello world'),
                (i) => i.accept(),
                (i) => i.type(`${volume}:/data`),
                (i) => i.accept(),
                (i) => {
                    assert.match(i.items.find((x) => x.label === 'syslog')?.detail ?? '', /dual-logging cache/);
                    i.pick(/^local$/);
                },
                (i) => i.pick(/at most N times/),
                (i) => i.type('2'),
                (i) => i.pick(/In the background/),
                (i) => i.pick(/Copy command line/),
                (i) => {
                    assert.match(i.items[0]?.detail ?? '', /^docker run -d --name /);
                    i.pick(/^\$\(play\) Run$/);
                },
            ],
            () => vscode.commands.executeCommand<RunOutcome>('dockwise.images.run', TEST_IMAGE),
        ).finally(() => copied.restore());
        assert.equal(shown.length, 13);
        assert.ok(result?.id, 'the command resolves with the new container');
        try {
            assert.equal(
                result.commandLine,
                `docker run -d --name ${name} -p 127.0.0.1:18091:80 -e 'GREETING=hello world' -v ${volume}:/data ` +
                    `--log-driver local --restart on-failure:2 ${TEST_IMAGE}`,
            );
            assert.equal(await copied.text(), result.commandLine, 'Copy command line copies the line shown');
            const info = await engine.getContainer(result.id).inspect();
            assert.equal(info.Name, `/${name}`);
            assert.deepEqual(info.HostConfig.PortBindings, { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18091' }] });
            assert.ok(info.Config.Env.includes('GREETING=hello world'));
            assert.equal(info.HostConfig.LogConfig?.Type, 'local');
            assert.deepEqual(info.HostConfig.RestartPolicy, { Name: 'on-failure', MaximumRetryCount: 2 });
            assert.ok(info.Mounts.some((m) => m.Name === volume && m.Destination === '/data'));
        } finally {
            // Run Image puts no label of ours on it: remove it by id.
            await engine.getContainer(result.id).remove({ force: true });
        }
    });

    test('runs a given plan with every option, and Run Again replays it under a free name', async () => {
        const engine = docker!;
        const volume = uniqueName('run-vol');
        await engine.createVolume({ Name: volume, Labels: SUITE_LABEL });
        const name = uniqueName('run');
        const plan = {
            image: TEST_IMAGE,
            name,
            ports: ['127.0.0.1:18090:80/tcp'],
            env: ['GREETING=hello world'],
            mounts: [`${volume}:/data`],
            logDriver: 'local',
            logOptions: ['max-size=1m'],
            restart: 'unless-stopped',
            network: 'none',
            labels: SUITE_LABEL,
            cmd: ['sleep', '300'],
        };
        const outcome = await vscode.commands.executeCommand<RunOutcome>('dockwise.images.run', plan);
        assert.ok(outcome?.id, 'the command resolves with the new container');
        assert.match(
            outcome.commandLine,
            /^docker run -d --name \S+ -p 127\.0\.0\.1:18090:80\/tcp -e 'GREETING=hello world'/,
        );
        const info = await engine.getContainer(outcome.id).inspect();
        assert.equal(info.Name, `/${name}`);
        assert.equal(info.State.Status, 'running');
        assert.deepEqual(info.HostConfig.PortBindings, { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18090' }] });
        assert.ok(info.Config.Env.includes('GREETING=hello world'));
        assert.deepEqual(info.HostConfig.LogConfig, { Type: 'local', Config: { 'max-size': '1m' } });
        assert.deepEqual(info.HostConfig.RestartPolicy, { Name: 'unless-stopped', MaximumRetryCount: 0 });
        assert.ok(info.Mounts.some((m) => m.Name === volume && m.Destination === '/data'));

        // The name is taken now: Run Again asks, and "Run as <name>-2" runs the same plan beside it.
        const again = await answeringConfirmations(
            (_message, items) => items.find((i) => i.startsWith('Run as')),
            async () => vscode.commands.executeCommand<RunOutcome>('dockwise.images.runAgain'),
        );
        assert.ok(again?.id);
        assert.equal(again.name, `${name}-2`);
        const second = await engine.getContainer(again.id).inspect();
        assert.deepEqual(second.HostConfig.RestartPolicy, info.HostConfig.RestartPolicy);
        assert.deepEqual(second.HostConfig.LogConfig, info.HostConfig.LogConfig);
    });

    test('--rm: the container is gone once it exits', async () => {
        const engine = docker!;
        const outcome = await vscode.commands.executeCommand<RunOutcome>('dockwise.images.run', {
            image: TEST_IMAGE,
            name: uniqueName('rm'),
            autoRemove: true,
            network: 'none',
            labels: SUITE_LABEL,
            cmd: ['sh', '-c', 'sleep 1'],
        });
        assert.ok(outcome?.id);
        assert.match(outcome.commandLine, /^docker run -d --rm /);
        await waitFor('the --rm container to be removed', async () =>
            (await containerState(engine, outcome.id)) === 'gone' ? true : undefined,
        );
    });

    test('refuses a plan the engine would refuse, saying why, and creates nothing', async () => {
        const engine = docker!;
        const name = uniqueName('bad');
        const before = (await engine.listContainers({ all: true })).length;
        const outcome = await vscode.commands.executeCommand<RunOutcome | undefined>('dockwise.images.run', {
            image: TEST_IMAGE,
            name,
            autoRemove: true,
            restart: 'always',
            labels: SUITE_LABEL,
        });
        assert.equal(outcome, undefined);
        assert.equal((await engine.listContainers({ all: true })).length, before);
    });
});
