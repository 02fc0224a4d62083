// Volume commands: create, inspect, remove (refused while in use, naming the users), prune.
import * as vscode from 'vscode';
import { type VolumeInfo, isEngineError } from '../engine/types';
import { formatBytes } from '../views/format';
import type { VolumeNode } from '../views/nodes';
import { volumeRoots } from '../views/volumeModel';
import { type ExplorerContext, bulk, client, confirm, listNames, showError } from './context';
import { validateName } from './runSpec';
import { invokedNodes } from './targets';

const VIEW = 'dockwise.volumes';
type Action = (ctx: ExplorerContext, ...args: unknown[]) => Promise<void>;

async function freshVolumes(ctx: ExplorerContext): Promise<VolumeNode[]> {
    const c = await client(ctx);
    ctx.connection.containers.invalidate();
    const [volumes, containers] = await Promise.all([c.listVolumes(), ctx.connection.containers.get()]);
    return volumeRoots(volumes, containers);
}

async function volumeTargets(
    ctx: ExplorerContext,
    args: readonly unknown[],
    verb: string,
): Promise<VolumeNode[] | undefined> {
    const all = await freshVolumes(ctx);
    const invoked = invokedNodes(args);
    if (invoked) {
        const out: VolumeNode[] = [];
        for (const n of invoked) {
            const name = typeof n === 'string' ? n : n.kind === 'volume' ? n.info.name : undefined;
            if (name !== undefined) {
                const found = all.find((v) => v.info.name === name);
                if (!found) {
                    throw new Error(`No such volume: ${name}`);
                }
                out.push(found);
            }
        }
        return out.length > 0 ? out : undefined;
    }
    if (all.length === 0) {
        void vscode.window.showInformationMessage(`No volume to ${verb}.`);
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(
        all.map((v) => ({
            label: v.info.name,
            description:
                v.usedBy.length > 0
                    ? `used by ${listNames(
                          v.usedBy.map((c) => c.name),
                          3,
                      )}`
                    : 'unused',
            node: v,
        })),
        { placeHolder: `Volume to ${verb}`, canPickMany: true },
    );
    return picked && picked.length > 0 ? picked.map((p) => p.node) : undefined;
}

export const create: Action = async (ctx) => {
    const name = await vscode.window.showInputBox({
        title: 'Create Volume',
        prompt: 'Volume name (empty: an anonymous name is generated)',
        validateInput: (v) => validateName(v),
    });
    if (name === undefined) {
        return;
    }
    try {
        const c = await client(ctx);
        const volume = await c.createVolume({ name: name.trim() || undefined });
        ctx.refresh.nudge(['volumes']);
        await ctx.views.volumes.reveal(`volume:${volume.name}`).catch(() => false);
    } catch (e) {
        showError(ctx, `Could not create volume ${name}`, e);
    }
};

export const inspect: Action = async (ctx, ...args) => {
    for (const v of (await volumeTargets(ctx, args, 'inspect')) ?? []) {
        await ctx.inspect.open('volume', v.info.name, v.info.name);
    }
};

export const remove: Action = async (ctx, ...args) => {
    const targets = await volumeTargets(ctx, args, 'remove');
    if (!targets) {
        return;
    }
    const inUse = targets.filter((v) => v.usedBy.length > 0);
    if (inUse.length > 0) {
        // Refused, not offered: a volume holds data, and its containers may need it back when they restart.
        const lines = inUse.map((v) => `${v.info.name}: ${listNames(v.usedBy.map((c) => `${c.name} (${c.state})`))}`);
        await vscode.window.showWarningMessage(
            inUse.length === 1 ? `Volume ${inUse[0]!.info.name} is in use.` : `${inUse.length} volumes are in use.`,
            { modal: true, detail: `${lines.join('\n')}\n\nRemove those containers first; then remove the volume.` },
        );
        return;
    }
    const names = targets.map((v) => v.info.name);
    const ok = await confirm(
        targets.length === 1 ? `Remove volume ${names[0]}?` : `Remove ${targets.length} volumes?`,
        `${targets.length > 1 ? `${listNames(names)}\n\n` : ''}All data in ${targets.length === 1 ? 'it' : 'them'} is deleted. This cannot be undone.`,
        'Remove',
    );
    if (!ok) {
        return;
    }
    const c = await client(ctx);
    await bulk(
        ctx,
        VIEW,
        'Removing volumes',
        targets,
        (v) => v.info.name,
        async (v, signal) => {
            try {
                await c.removeVolume(v.info.name, { signal });
            } catch (e) {
                if (isEngineError(e) && e.cause === 'inUse') {
                    throw new Error(`in use by ${listNames(e.details.usedBy ?? ['a container'])}`);
                }
                throw e;
            }
        },
    );
    ctx.refresh.nudge(['volumes']);
};

/** Prune: the exact unused volumes are listed and confirmed, then removed one by one (never more than shown). */
export const prune: Action = async (ctx) => {
    const unused = (await freshVolumes(ctx)).filter((v) => v.usedBy.length === 0).map((v) => v.info);
    if (unused.length === 0) {
        void vscode.window.showInformationMessage('No unused volumes: nothing to prune.');
        return;
    }
    const anonymous = unused.filter((v) => v.anonymous);
    const size = (list: VolumeInfo[]): string => {
        const known = list.filter((v) => v.size !== undefined);
        return known.length > 0 ? `, ${formatBytes(known.reduce((s, v) => s + (v.size ?? 0), 0))}` : '';
    };
    const picked = await vscode.window.showQuickPick(
        [
            {
                label: 'Anonymous unused volumes',
                description: `${anonymous.length}${size(anonymous)}`,
                list: anonymous,
            },
            {
                label: 'All unused volumes, named ones too',
                description: `${unused.length}${size(unused)}`,
                list: unused,
            },
        ],
        { placeHolder: 'Which volumes should go? (their data is deleted)' },
    );
    if (!picked) {
        return;
    }
    if (picked.list.length === 0) {
        void vscode.window.showInformationMessage('No anonymous unused volumes: nothing to prune.');
        return;
    }
    const ok = await confirm(
        `Delete ${picked.list.length} volume(s)${size(picked.list)}?`,
        `${listNames(
            picked.list.map((v) => (v.anonymous ? `${v.name.slice(0, 12)}…` : v.name)),
            15,
        )}\n\nAll their data is deleted. This cannot be undone.`,
        'Prune',
    );
    if (!ok) {
        return;
    }
    const c = await client(ctx);
    const { done } = await bulk(
        ctx,
        VIEW,
        'Pruning volumes',
        picked.list,
        (v) => v.name,
        (v, signal) => c.removeVolume(v.name, { signal }),
    );
    void vscode.window.showInformationMessage(`Removed ${done.length} volume(s)${size(done)}.`);
    ctx.refresh.nudge(['volumes']);
};
