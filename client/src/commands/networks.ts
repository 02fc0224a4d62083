// Network commands: inspect, remove (custom networks only), prune (through Dockwise: Prune…'s steps).
import * as vscode from 'vscode';
import { isBuiltInNetwork, networkRoots } from '../views/networkModel';
import type { NetworkNode } from '../views/nodes';
import { type Action, client, listNames } from './context';
import { type HeldShape, removeHeld } from './removal';
import { systemPrune } from './systemPrune';
import { resourceTargets } from './targets';

const NETWORKS: HeldShape<NetworkNode> = {
    noun: 'network',
    view: 'dockwise.networks',
    refreshKind: 'networks',
    invoked: 'fresh',
    async fresh(ctx) {
        const c = await client(ctx);
        ctx.connection.containers.invalidate();
        const [networks, containers] = await Promise.all([c.listNetworks(), ctx.connection.containers.get()]);
        return networkRoots(networks, containers);
    },
    fromNode: (n) => (n.kind === 'network' ? [n] : []),
    id: (n) => n.info.id,
    matches: (x, key) => x.info.id === key || x.info.name === key || x.info.id.startsWith(key),
    name: (n) => n.info.name,
    pickItem: (n) => ({ label: n.info.name, description: `${n.info.driver} · ${n.members.length} container(s)` }),
    users: (n) => n.members,
    remove: (c, n, signal) => c.removeNetwork(n.info.id, { signal }),
};

export const inspect: Action = async (ctx, ...args) => {
    for (const n of (await resourceTargets(ctx, NETWORKS, args, { verb: 'inspect' })) ?? []) {
        await ctx.inspect.open('network', n.info.id, n.info.name);
    }
};

export const remove: Action = async (ctx, ...args) => {
    const targets = await resourceTargets(ctx, NETWORKS, args, {
        verb: 'remove',
        eligible: (n) => !isBuiltInNetwork(n.info),
    });
    if (!targets) {
        return;
    }
    const builtIn = targets.filter((n) => isBuiltInNetwork(n.info));
    if (builtIn.length > 0) {
        void vscode.window.showInformationMessage(
            `${listNames(builtIn.map((n) => n.info.name))}: built-in networks cannot be removed.`,
        );
    }
    await removeHeld(
        ctx,
        NETWORKS,
        targets.filter((n) => !isBuiltInNetwork(n.info)),
        {
            inUse: (n) => `Network ${n.info.name} has containers attached.`,
            inUseFix: 'Remove or disconnect those containers first.',
        },
    );
};

/** Exactly the listed networks go, by id: the engine's prune may also take what stopped containers need. */
export const prune: Action = (ctx) => systemPrune(ctx, { only: ['networks'] });
