// Run Image… and Run Again: the guided input (run/runWizard.ts) or a given RunPlan, then create and start
// through the Engine API — in the background, or attached to a terminal (`-it`). The plan is remembered.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { ContainerRunSpec, EngineClient } from '../engine/types';
import { isEngineError } from '../engine/types';
import { explainRunFailure } from '../run/runErrors';
import { RunMemory } from '../run/runMemory';
import { isRunPlan, resolvePlan, runCommandLine, type RunPlan } from '../run/runPlan';
import { openRunTerminal } from '../run/runTerminal';
import { askRunPlan, freeName } from '../run/runWizard';
import { shortId } from '../views/format';
import { imageRoots } from '../views/imageModel';
import { type ExplorerContext, client, showError } from './context';
import { IMAGES, imageRef } from './images';
import { invokedNodes, resourceTargets } from './targets';

/** What a run gives back to a caller of the command (tests, Run Again). */
export interface RunOutcome {
    readonly id: string;
    readonly name?: string;
    readonly commandLine: string;
}

function memory(ctx: ExplorerContext): RunMemory {
    return new RunMemory(ctx.state);
}

/** `dockwise.images.run`: (RunPlan) runs it as given; (image node or reference) asks from the name on. */
export async function run(ctx: ExplorerContext, ...args: unknown[]): Promise<RunOutcome | undefined> {
    if (isRunPlan(args[0])) {
        return execute(ctx, args[0]);
    }
    const c = await client(ctx);
    let image: string | undefined;
    if (invokedNodes(args)) {
        const node = (await resourceTargets(ctx, IMAGES, args, { verb: 'run', many: false }))?.[0];
        if (!node) {
            return undefined;
        }
        image = imageRef(node);
    }
    const [images, containers, volumes, info] = await Promise.all([
        image ? Promise.resolve([]) : c.listImages(),
        ctx.connection.containers.get(),
        c.listVolumes().catch(() => []),
        c.info().catch(() => undefined),
    ]);
    const choices = imageRoots(images, containers, { showDangling: false }).map((n) => ({
        ref: imageRef(n),
        description: n.usedBy.length ? `used by ${n.usedBy.length}` : undefined,
    }));
    if (!image && choices.length === 0) {
        const pick = await vscode.window.showInformationMessage('No image to run yet.', 'Pull an Image…');
        if (pick) {
            await vscode.commands.executeCommand('dockwise.images.pull');
        }
        return undefined;
    }
    const mem = memory(ctx);
    const scheme = c.connection.scheme;
    const plan = await askRunPlan({
        image,
        images: choices,
        inspectImage: (ref) => c.inspectImage(ref),
        containerNames: new Set(containers.flatMap((x) => x.names)),
        volumes: volumes.map((v) => v.name).filter((n) => !/^[0-9a-f]{64}$/.test(n)),
        engineLogDriver: info?.loggingDriver || 'json-file',
        engineOsType: info?.osType ?? 'linux',
        engineIsLocal: scheme === 'unix' || scheme === 'npipe',
        baseDir: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
        home: os.homedir(),
        remembered: (ref) => mem.forImage(ref),
    });
    return plan ? execute(ctx, plan) : undefined;
}

/** `dockwise.images.runAgain`: the last plan, as it was. */
export async function runAgain(ctx: ExplorerContext): Promise<RunOutcome | undefined> {
    const last = memory(ctx).last();
    if (!last) {
        const pick = await vscode.window.showInformationMessage('Nothing was run yet in this workspace.', 'Run Image…');
        if (pick) {
            await vscode.commands.executeCommand('dockwise.images.run');
        }
        return undefined;
    }
    return execute(ctx, last);
}

/** A container already has the name: replace it, or take the next free name. */
async function settleName(ctx: ExplorerContext, c: EngineClient, plan: RunPlan): Promise<RunPlan | undefined> {
    const name = plan.name?.trim();
    const all = await c.listContainers({ all: true });
    const taken = all.find((x) => x.names.includes(name ?? ''));
    if (!name || !taken) {
        return plan;
    }
    const other = freeName(name, new Set(all.flatMap((x) => x.names)));
    const replace = 'Replace It';
    const rename = `Run as ${other}`;
    const choice = await vscode.window.showWarningMessage(
        `A container named ${name} exists (${taken.state}).`,
        {
            modal: true,
            detail: `Replace stops and removes ${name} (its anonymous volumes too; named volumes stay), then runs the new one.`,
        },
        replace,
        rename,
    );
    if (choice === rename) {
        return { ...plan, name: other };
    }
    if (choice !== replace) {
        return undefined;
    }
    await c.removeContainer(taken.id, { force: true, volumes: true, timeoutMs: 60_000 });
    ctx.refresh.nudge(['containers', 'volumes']);
    return plan;
}

async function execute(ctx: ExplorerContext, given: RunPlan): Promise<RunOutcome | undefined> {
    const first = resolvePlan(given);
    if ('errors' in first) {
        throw new Error(first.errors.join(' '));
    }
    const c = await client(ctx);
    const plan = await settleName(ctx, c, given);
    if (!plan) {
        return undefined;
    }
    await memory(ctx).remember(plan);
    const resolved = resolvePlan(plan);
    if ('errors' in resolved) {
        throw new Error(resolved.errors.join(' '));
    }
    const spec = resolved.spec;
    const commandLine = runCommandLine(plan);
    ctx.log.info(`Run: ${commandLine}`);
    let created: { id: string; warnings?: string[] };
    try {
        created = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Creating ${plan.name || plan.image}…` },
            () => c.createContainer(spec, { timeoutMs: 60_000 }),
        );
    } catch (e) {
        return createFailed(ctx, plan, spec, e);
    }
    const { id } = created;
    for (const w of created.warnings ?? []) {
        void vscode.window.showWarningMessage(`${plan.name || plan.image}: ${w}`);
    }
    ctx.refresh.nudge(['containers', 'volumes']);
    const title = plan.name || shortId(id);
    if (plan.interactive) {
        openRunTerminal({
            client: c,
            id,
            title: `Run: ${title}`,
            spec,
            log: ctx.log,
            onStarted: (e) =>
                e ? showError(ctx, `Could not run ${plan.image}`, e) : ctx.refresh.nudge(['containers']),
        });
        return { id, name: plan.name, commandLine };
    }
    try {
        await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Starting ${title}…` },
            () => c.startContainer(id, { timeoutMs: 60_000 }),
        );
    } catch (e) {
        // A container that never ran is not worth keeping: the same plan can be run again once fixed.
        await c.removeContainer(id, { force: true }).catch(() => undefined);
        ctx.refresh.nudge(['containers', 'volumes']);
        showError(ctx, `Could not start ${title} (the container was removed)`, explainRunFailure(spec, e));
        return undefined;
    }
    ctx.refresh.nudge(['containers', 'images', 'volumes', 'networks']);
    ctx.connection.containers.invalidate();
    void ctx.views.containers.reveal(`container:${id}`).catch(() => undefined);
    void reportStarted(c, id, title, spec, commandLine);
    return { id, name: plan.name, commandLine };
}

async function createFailed(
    ctx: ExplorerContext,
    plan: RunPlan,
    spec: ContainerRunSpec,
    e: unknown,
): Promise<RunOutcome | undefined> {
    const missing = isEngineError(e) && e.cause === 'notFound' && /no such image/i.test(e.details.engineMessage ?? '');
    if (!missing) {
        showError(ctx, `Could not create a container from ${plan.image}`, explainRunFailure(spec, e));
        return undefined;
    }
    const pull = `Pull ${plan.image} and Run`;
    const choice = await vscode.window.showErrorMessage(`${plan.image} is not on the engine.`, pull);
    if (choice !== pull) {
        return undefined;
    }
    await vscode.commands.executeCommand('dockwise.images.pull', plan.image);
    const images = await (await client(ctx)).listImages().catch(() => []);
    const want = plan.image.includes(':') || plan.image.includes('@') ? plan.image : `${plan.image}:latest`;
    return images.some((i) => i.repoTags.includes(want)) ? execute(ctx, plan) : undefined;
}

/** Says it started, and what did not work out as asked (ports the engine did not publish, an early exit). */
async function reportStarted(
    c: EngineClient,
    id: string,
    title: string,
    spec: ContainerRunSpec,
    commandLine: string,
): Promise<void> {
    const details = await c.inspectContainer(id).catch(() => undefined);
    const actions = ['View Logs', 'Copy Command Line'];
    let message = `Started ${title}.`;
    if (details && details.state !== 'running' && details.state !== 'restarting') {
        message = `${title} started and exited at once${details.exitCode !== undefined ? ` (code ${details.exitCode})` : ''}.`;
    }
    const wanted = (spec.ports ?? []).filter(() => !['host', 'none'].includes(spec.networkMode ?? ''));
    const published = new Set(
        (details?.ports ?? []).filter((p) => p.publicPort).map((p) => `${p.privatePort}/${p.type}`),
    );
    const missing = wanted.filter((p) => !published.has(`${p.containerPort}/${p.protocol}`));
    if (details?.state === 'running' && missing.length > 0) {
        const list = missing.map((p) => `${p.containerPort}/${p.protocol}`).join(', ');
        void vscode.window.showWarningMessage(`${title} runs, but the engine did not publish ${list}.`, {
            detail: 'Engines started without their bridge network (dockerd --bridge=none) publish no ports. Use the host network (--network host) or an engine with a bridge.',
        });
    } else if (details?.state === 'running' && published.size > 0) {
        actions.unshift('Open in Browser');
    }
    const choice =
        details && message.includes('exited')
            ? await vscode.window.showWarningMessage(message, ...actions)
            : await vscode.window.showInformationMessage(message, ...actions);
    if (choice === 'View Logs') {
        await vscode.commands.executeCommand('dockwise.containers.viewLogs', id);
    } else if (choice === 'Open in Browser') {
        await vscode.commands.executeCommand('dockwise.containers.openInBrowser', id);
    } else if (choice === 'Copy Command Line') {
        await vscode.env.clipboard.writeText(commandLine);
        vscode.window.setStatusBarMessage('Copied the docker run command line', 3000);
    }
}
