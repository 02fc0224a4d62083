// What a command acts on. VS Code calls a tree command with (clicked node, selected nodes); the palette and
// keybindings call it with nothing (then: the view's selection, or a quick pick); code may pass ids.
import * as vscode from 'vscode';
import type { ContainerInfo } from '../engine/types';
import { containerStateIcon } from '../views/containerModel';
import type { ExplorerNode } from '../views/nodes';
import { type ExplorerContext, client } from './context';

function isNode(value: unknown): value is ExplorerNode {
    return typeof value === 'object' && value !== null && 'kind' in value;
}

/** The nodes a command was invoked on: the multi-selection if it includes the clicked node, else the node. */
export function invokedNodes(args: readonly unknown[]): ExplorerNode[] | string[] | undefined {
    const [node, nodes] = args;
    if (Array.isArray(nodes) && nodes.length > 0 && nodes.every(isNode)) {
        return nodes;
    }
    if (isNode(node)) {
        return [node];
    }
    if (typeof node === 'string' && node) {
        return [node];
    }
    if (Array.isArray(node) && node.length > 0 && node.every((n) => typeof n === 'string')) {
        return node as string[];
    }
    return undefined;
}

export interface ContainerTargetOptions {
    /** e.g. "stop": used in prompts and messages. */
    readonly verb: string;
    /** Which containers the action applies to. */
    readonly eligible: (c: ContainerInfo) => boolean;
    /** Whether the quick pick allows several. */
    readonly many: boolean;
}

/** Containers of the invoked nodes (compose groups expand to their containers), or picked by the user. */
export async function containerTargets(
    ctx: ExplorerContext,
    args: readonly unknown[],
    options: ContainerTargetOptions,
): Promise<ContainerInfo[] | undefined> {
    const invoked = invokedNodes(args);
    if (invoked) {
        const all = await resolveContainers(ctx, invoked);
        const eligible = all.filter(options.eligible);
        if (eligible.length === 0) {
            const states = all.map((c) => `${c.name} is ${c.state}`).join(', ') || 'nothing selected';
            void vscode.window.showInformationMessage(`Nothing to ${options.verb}: ${states}.`);
            return undefined;
        }
        return eligible;
    }
    return pickContainers(ctx, options);
}

async function resolveContainers(ctx: ExplorerContext, invoked: ExplorerNode[] | string[]): Promise<ContainerInfo[]> {
    const out = new Map<string, ContainerInfo>();
    const ids: string[] = [];
    for (const n of invoked) {
        if (typeof n === 'string') {
            ids.push(n);
        } else if (n.kind === 'container') {
            out.set(n.info.id, n.info);
        } else if (n.kind === 'compose') {
            for (const c of n.containers) {
                out.set(c.id, c);
            }
        }
    }
    if (ids.length > 0) {
        const list = await ctx.connection.containers.get();
        for (const id of ids) {
            const c = list.find((x) => x.id === id || x.id.startsWith(id) || x.names.includes(id.replace(/^\//, '')));
            if (!c) {
                throw new Error(`No such container: ${id}`);
            }
            out.set(c.id, c);
        }
    }
    return [...out.values()];
}

interface ContainerPick extends vscode.QuickPickItem {
    readonly container: ContainerInfo;
}

async function pickContainers(
    ctx: ExplorerContext,
    options: ContainerTargetOptions,
): Promise<ContainerInfo[] | undefined> {
    await client(ctx);
    const list = (await ctx.connection.containers.get()).filter(options.eligible);
    if (list.length === 0) {
        void vscode.window.showInformationMessage(`No container to ${options.verb}.`);
        return undefined;
    }
    const items: ContainerPick[] = list
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((c) => ({
            label: `$(${containerStateIcon(c).iconId}) ${c.name}`,
            description: c.image,
            detail: c.status,
            container: c,
        }));
    const placeHolder = `Container to ${options.verb}`;
    if (options.many) {
        const picked = await vscode.window.showQuickPick(items, {
            placeHolder,
            canPickMany: true,
            matchOnDescription: true,
        });
        return picked && picked.length > 0 ? picked.map((p) => p.container) : undefined;
    }
    const picked = await vscode.window.showQuickPick(items, {
        placeHolder,
        matchOnDescription: true,
        matchOnDetail: true,
    });
    return picked ? [picked.container] : undefined;
}
