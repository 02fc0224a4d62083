// Container commands. Each is an engine API call (nothing goes through a shell); destructive ones ask first.
import * as vscode from 'vscode';
import type { ContainerInfo } from '../engine/types';
import { containerStateIcon } from '../views/containerModel';
import { publishedPorts } from '../views/containerTooltip';
import { type Action, type ExplorerContext, bulk, client, confirm, listNames, showError } from './context';
import { removeEach } from './removal';
import { openShellTerminal } from './shell';
import { type ResourceShape, type TargetOptions, resourceTargets } from './targets';

const RUNNING_LIKE = new Set(['running', 'paused', 'restarting']);

/** Containers as the view drew them (a compose group stands for its containers); ids from the shared list. */
export const CONTAINERS: ResourceShape<ContainerInfo> = {
    noun: 'container',
    view: 'dockwise.containers',
    async fresh(ctx) {
        await client(ctx);
        return ctx.connection.containers.get();
    },
    fromNode: (n) => (n.kind === 'container' ? [n.info] : n.kind === 'compose' ? n.containers : []),
    invoked: 'asDrawn',
    id: (c) => c.id,
    matches: (c, key) => c.id === key || c.id.startsWith(key) || c.names.includes(key.replace(/^\//, '')),
    name: (c) => c.name,
    pickItem: (c) => ({
        label: `$(${containerStateIcon(c).iconId}) ${c.name}`,
        description: c.image,
        detail: c.status,
    }),
    pickOrder: (a, b) => a.name.localeCompare(b.name),
    matchOnDescription: true,
    matchOnDetail: true,
    ineligible: (c) => `${c.name} is ${c.state}`,
};

/** A lifecycle action over one or several containers. */
function lifecycle(
    options: TargetOptions<ContainerInfo> & { title: string },
    call: (ctx: ExplorerContext, c: ContainerInfo, signal: AbortSignal) => Promise<void>,
): Action {
    return async (ctx, ...args) => {
        const targets = await resourceTargets(ctx, CONTAINERS, args, options);
        if (!targets) {
            return;
        }
        await bulk(
            ctx,
            CONTAINERS.view,
            options.title,
            targets,
            (c) => c.name,
            (c, signal) => call(ctx, c, signal),
        );
        ctx.refresh.nudge(['containers', 'images', 'volumes', 'networks']);
    };
}

export const start = lifecycle(
    { verb: 'start', title: 'Starting', many: true, eligible: (c) => ['created', 'exited', 'dead'].includes(c.state) },
    async (ctx, c, signal) => (await client(ctx)).startContainer(c.id, { signal }),
);

export const stop = lifecycle(
    { verb: 'stop', title: 'Stopping', many: true, eligible: (c) => RUNNING_LIKE.has(c.state) },
    // The engine waits up to the container's stop timeout (10 s by default) before SIGKILL.
    async (ctx, c, signal) => (await client(ctx)).stopContainer(c.id, { signal, timeoutMs: 120_000 }),
);

export const restart = lifecycle(
    {
        verb: 'restart',
        title: 'Restarting',
        many: true,
        eligible: (c) => ['running', 'paused', 'restarting', 'exited', 'created'].includes(c.state),
    },
    async (ctx, c, signal) => (await client(ctx)).restartContainer(c.id, { signal, timeoutMs: 120_000 }),
);

export const pause = lifecycle(
    { verb: 'pause', title: 'Pausing', many: true, eligible: (c) => c.state === 'running' },
    async (ctx, c, signal) => (await client(ctx)).pauseContainer(c.id, { signal }),
);

export const unpause = lifecycle(
    { verb: 'unpause', title: 'Resuming', many: true, eligible: (c) => c.state === 'paused' },
    async (ctx, c, signal) => (await client(ctx)).unpauseContainer(c.id, { signal }),
);

/** Remove: a modal confirmation; running containers are force-removed only after a second, explicit one. */
export const remove: Action = async (ctx, ...args) => {
    const targets = await resourceTargets(ctx, CONTAINERS, args, {
        verb: 'remove',
        many: true,
        eligible: (c) => c.state !== 'removing',
    });
    if (!targets) {
        return;
    }
    const names = targets.map((c) => c.name);
    const running = targets.filter((c) => RUNNING_LIKE.has(c.state));
    const stopped = targets.filter((c) => !RUNNING_LIKE.has(c.state));
    const message = targets.length === 1 ? `Remove container ${names[0]}?` : `Remove ${targets.length} containers?`;
    const detail =
        (targets.length > 1 ? `${listNames(names)}\n\n` : '') +
        'The container and its writable layer are deleted; named volumes are kept. This cannot be undone.';
    if (!(await confirm(message, detail, 'Remove'))) {
        return;
    }
    let toRemove = stopped;
    if (running.length > 0) {
        const force = await confirm(
            running.length === 1
                ? `${running[0]!.name} is ${running[0]!.state}. Force-remove it?`
                : `${running.length} of these containers are running. Force-remove them?`,
            `${listNames(running.map((c) => c.name))}\n\nForce removal kills the process (SIGKILL) without a graceful stop.`,
            'Force Remove',
        );
        if (force) {
            toRemove = [...stopped, ...running];
        } else if (stopped.length === 0) {
            return;
        }
    }
    const forced = new Set(running.map((c) => c.id));
    await removeEach(
        ctx,
        CONTAINERS,
        toRemove,
        async (c, signal) =>
            (await client(ctx)).removeContainer(c.id, { signal, force: forced.has(c.id), timeoutMs: 60_000 }),
        'Removing',
    );
    ctx.refresh.nudge(['containers', 'images', 'volumes', 'networks']);
};

export const viewLogs: Action = async (ctx, ...args) => {
    const targets = await resourceTargets(ctx, CONTAINERS, args, {
        verb: 'show logs of',
        many: true,
        eligible: () => true,
    });
    for (const c of targets ?? []) {
        await ctx.logs.open(c);
    }
};

export const openShell: Action = async (ctx, ...args) => {
    const targets = await resourceTargets(ctx, CONTAINERS, args, {
        verb: 'open a shell in',
        many: false,
        eligible: (c) => c.state === 'running',
    });
    for (const c of targets ?? []) {
        openShellTerminal(ctx, c);
    }
};

export const inspect: Action = async (ctx, ...args) => {
    const targets = await resourceTargets(ctx, CONTAINERS, args, { verb: 'inspect', many: true, eligible: () => true });
    for (const c of targets ?? []) {
        await ctx.inspect.open('container', c.id, c.name);
    }
};

export const copyId: Action = async (ctx, ...args) => {
    const targets = await resourceTargets(ctx, CONTAINERS, args, {
        verb: 'copy the id of',
        many: true,
        eligible: () => true,
    });
    if (!targets) {
        return;
    }
    await vscode.env.clipboard.writeText(targets.map((c) => c.id).join('\n'));
    vscode.window.setStatusBarMessage(
        targets.length === 1 ? `Copied the id of ${targets[0]!.name}` : `Copied ${targets.length} container ids`,
        3000,
    );
};

export const openInBrowser: Action = async (ctx, ...args) => {
    const withHttp = (c: ContainerInfo): boolean =>
        c.state === 'running' && publishedPorts(c, ctx.connection.browserHost()).some((p) => p.url);
    const targets = await resourceTargets(ctx, CONTAINERS, args, {
        verb: 'open in a browser',
        many: false,
        eligible: withHttp,
    });
    const c = targets?.[0];
    if (!c) {
        return;
    }
    const ports = publishedPorts(c, ctx.connection.browserHost()).filter((p) => p.url);
    let url = ports[0]?.url;
    if (ports.length > 1) {
        const picked = await vscode.window.showQuickPick(
            ports.map((p) => ({ label: p.url!, description: `→ container port ${p.containerPort}/${p.protocol}` })),
            { placeHolder: `Which port of ${c.name}?` },
        );
        url = picked?.label;
    }
    if (url) {
        const opened = await vscode.env.openExternal(vscode.Uri.parse(url));
        if (!opened) {
            showError(ctx, `Could not open ${url}`, new Error('the browser did not open'));
        }
    }
};
