// Network commands: inspect, remove (custom networks only), prune.
import * as vscode from 'vscode';
import { networkRoots, isBuiltInNetwork } from '../views/networkModel';
import type { NetworkNode } from '../views/nodes';
import { type ExplorerContext, bulk, client, confirm, listNames } from './context';
import { invokedNodes } from './targets';

const VIEW = 'dockwise.networks';
type Action = (ctx: ExplorerContext, ...args: unknown[]) => Promise<void>;

async function freshNetworks(ctx: ExplorerContext): Promise<NetworkNode[]> {
    const c = await client(ctx);
    ctx.connection.containers.invalidate();
    const [networks, containers] = await Promise.all([c.listNetworks(), ctx.connection.containers.get()]);
    return networkRoots(networks, containers);
}

async function networkTargets(
    ctx: ExplorerContext,
    args: readonly unknown[],
    verb: string,
    filter: (n: NetworkNode) => boolean = () => true,
): Promise<NetworkNode[] | undefined> {
    const all = await freshNetworks(ctx);
    const invoked = invokedNodes(args);
    if (invoked) {
        const out: NetworkNode[] = [];
        for (const n of invoked) {
            const key = typeof n === 'string' ? n : n.kind === 'network' ? n.info.id : undefined;
            if (key !== undefined) {
                const found = all.find((x) => x.info.id === key || x.info.name === key || x.info.id.startsWith(key));
                if (!found) {
                    throw new Error(`No such network: ${key}`);
                }
                out.push(found);
            }
        }
        return out.length > 0 ? out : undefined;
    }
    const candidates = all.filter(filter);
    if (candidates.length === 0) {
        void vscode.window.showInformationMessage(`No network to ${verb}.`);
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(
        candidates.map((n) => ({
            label: n.info.name,
            description: `${n.info.driver} · ${n.members.length} container(s)`,
            node: n,
        })),
        { placeHolder: `Network to ${verb}`, canPickMany: true },
    );
    return picked && picked.length > 0 ? picked.map((p) => p.node) : undefined;
}

export const inspect: Action = async (ctx, ...args) => {
    for (const n of (await networkTargets(ctx, args, 'inspect')) ?? []) {
        await ctx.inspect.open('network', n.info.id, n.info.name);
    }
};

export const remove: Action = async (ctx, ...args) => {
    const targets = await networkTargets(ctx, args, 'remove', (n) => !isBuiltInNetwork(n.info));
    if (!targets) {
        return;
    }
    const builtIn = targets.filter((n) => isBuiltInNetwork(n.info));
    if (builtIn.length > 0) {
        void vscode.window.showInformationMessage(
            `${listNames(builtIn.map((n) => n.info.name))}: built-in networks cannot be removed.`,
        );
    }
    const custom = targets.filter((n) => !isBuiltInNetwork(n.info));
    const attached = custom.filter((n) => n.members.length > 0);
    if (attached.length > 0) {
        const lines = attached.map(
            (n) => `${n.info.name}: ${listNames(n.members.map((c) => `${c.name} (${c.state})`))}`,
        );
        await vscode.window.showWarningMessage(
            attached.length === 1
                ? `Network ${attached[0]!.info.name} has containers attached.`
                : 'Some networks have containers attached.',
            { modal: true, detail: `${lines.join('\n')}\n\nRemove or disconnect those containers first.` },
        );
        return;
    }
    if (custom.length === 0) {
        return;
    }
    const names = custom.map((n) => n.info.name);
    const ok = await confirm(
        custom.length === 1 ? `Remove network ${names[0]}?` : `Remove ${custom.length} networks?`,
        `${custom.length > 1 ? `${listNames(names)}\n\n` : ''}This cannot be undone.`,
        'Remove',
    );
    if (!ok) {
        return;
    }
    const c = await client(ctx);
    await bulk(
        ctx,
        VIEW,
        'Removing networks',
        custom,
        (n) => n.info.name,
        (n, signal) => c.removeNetwork(n.info.id, { signal }),
    );
    ctx.refresh.nudge(['networks']);
};

export const prune: Action = async (ctx) => {
    const unused = (await freshNetworks(ctx)).filter((n) => !isBuiltInNetwork(n.info) && n.members.length === 0);
    if (unused.length === 0) {
        void vscode.window.showInformationMessage('No unused custom networks: nothing to prune.');
        return;
    }
    const ok = await confirm(
        `Remove ${unused.length} unused network(s)?`,
        `${listNames(
            unused.map((n) => n.info.name),
            15,
        )}\n\nNetworks no container uses; built-in ones are kept. This cannot be undone.`,
        'Prune',
    );
    if (!ok) {
        return;
    }
    // Removed one by one rather than with the engine's prune, which may also take networks that only stopped
    // containers are configured for: exactly what was listed goes.
    const c = await client(ctx);
    const { done } = await bulk(
        ctx,
        VIEW,
        'Pruning networks',
        unused,
        (n) => n.info.name,
        (n, signal) => c.removeNetwork(n.info.id, { signal }),
    );
    void vscode.window.showInformationMessage(`Removed ${done.length} network(s).`);
    ctx.refresh.nudge(['networks']);
};
