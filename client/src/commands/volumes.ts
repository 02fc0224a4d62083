// Volume commands: create (name, driver, options, labels), inspect, remove (refused while in use, naming the
// users), prune (through Dockwise: Prune…'s steps).
import * as vscode from 'vscode';
import { isEngineError } from '../engine/types';
import type { VolumeNode } from '../views/nodes';
import { volumeRoots } from '../views/volumeModel';
import { type Action, type ExplorerContext, client, listNames, showError } from './context';
import { parseKeyValues, validateVolumeName } from './dockerNames';
import { type HeldShape, removeHeld } from './removal';
import { systemPrune } from './systemPrune';
import { resourceTargets } from './targets';

const VOLUMES: HeldShape<VolumeNode> = {
    noun: 'volume',
    view: 'dockwise.volumes',
    refreshKind: 'volumes',
    invoked: 'fresh',
    async fresh(ctx) {
        const c = await client(ctx);
        ctx.connection.containers.invalidate();
        const [volumes, containers] = await Promise.all([c.listVolumes(), ctx.connection.containers.get()]);
        return volumeRoots(volumes, containers);
    },
    fromNode: (n) => (n.kind === 'volume' ? [n] : []),
    id: (v) => v.info.name,
    matches: (v, key) => v.info.name === key,
    name: (v) => v.info.name,
    pickItem: (v) => ({
        label: v.info.name,
        description:
            v.usedBy.length > 0
                ? `used by ${listNames(
                      v.usedBy.map((c) => c.name),
                      3,
                  )}`
                : 'unused',
    }),
    users: (v) => v.usedBy,
    async remove(c, v, signal) {
        try {
            await c.removeVolume(v.info.name, { signal });
        } catch (e) {
            if (isEngineError(e) && e.cause === 'inUse') {
                throw new Error(`in use by ${listNames(e.details.usedBy ?? ['a container'])}`);
            }
            throw e;
        }
    },
};

/** One optional KEY=VALUE step of Create Volume; undefined when the user backed out. */
async function askKeyValues(step: string, prompt: string, placeHolder: string, what: string) {
    const text = await vscode.window.showInputBox({
        title: `Create Volume (${step})`,
        prompt,
        placeHolder,
        validateInput: (v) => {
            const parsed = parseKeyValues(v, what);
            return 'error' in parsed ? parsed.error : undefined;
        },
    });
    if (text === undefined) {
        return undefined;
    }
    const parsed = parseKeyValues(text, what);
    return 'values' in parsed ? parsed.values : undefined;
}

/** The driver: local unless the engine has volume plugins (an unknown driver makes the engine search for minutes). */
async function askDriver(ctx: ExplorerContext): Promise<string | undefined> {
    const c = await client(ctx);
    const drivers = await c.info().then(
        (i) => i.volumeDrivers ?? [],
        () => [],
    );
    const others = drivers.filter((d) => d !== 'local');
    if (others.length === 0) {
        return 'local';
    }
    const picked = await vscode.window.showQuickPick(
        [
            { label: 'local', description: 'default: the data stays on the engine host' },
            ...others.map((d) => ({ label: d, description: 'volume plugin' })),
        ],
        { title: 'Create Volume: driver', placeHolder: 'Volume driver' },
    );
    return picked?.label;
}

export const create: Action = async (ctx) => {
    const name = await vscode.window.showInputBox({
        title: 'Create Volume (1/3)',
        prompt: 'Volume name (empty: the engine generates an anonymous name)',
        validateInput: validateVolumeName,
    });
    if (name === undefined) {
        return;
    }
    const driver = await askDriver(ctx);
    if (driver === undefined) {
        return;
    }
    const driverOpts = await askKeyValues(
        '2/3',
        `Options for the ${driver} driver, optional (docker volume create --opt), separated by spaces`,
        driver === 'local' ? 'e.g. type=tmpfs device=tmpfs o=size=100m,uid=1000' : 'KEY=VALUE KEY=VALUE',
        'option',
    );
    if (driverOpts === undefined) {
        return;
    }
    const labels = await askKeyValues(
        '3/3',
        'Labels, optional, separated by spaces',
        'e.g. project=shop tier=db',
        'label',
    );
    if (labels === undefined) {
        return;
    }
    const label = name.trim() || 'anonymous volume';
    try {
        const c = await client(ctx);
        const volume = await c.createVolume({
            name: name.trim() || undefined,
            driver,
            driverOpts: Object.keys(driverOpts).length > 0 ? driverOpts : undefined,
            labels: Object.keys(labels).length > 0 ? labels : undefined,
        });
        ctx.refresh.nudge(['volumes']);
        await ctx.views.volumes.reveal(`volume:${volume.name}`).catch(() => false);
    } catch (e) {
        showError(ctx, `Could not create volume ${label}`, e);
    }
};

export const inspect: Action = async (ctx, ...args) => {
    for (const v of (await resourceTargets(ctx, VOLUMES, args, { verb: 'inspect' })) ?? []) {
        await ctx.inspect.open('volume', v.info.name, v.info.name);
    }
};

export const remove: Action = async (ctx, ...args) => {
    const targets = await resourceTargets(ctx, VOLUMES, args, { verb: 'remove' });
    if (targets) {
        await removeHeld(ctx, VOLUMES, targets, {
            inUse: (v) => `Volume ${v.info.name} is in use.`,
            inUseFix:
                'Remove those containers first (stopping is not enough: a stopped container still holds its volumes); then remove the volume.',
            consequence: (n) => `All data in ${n === 1 ? 'it' : 'them'} is deleted.`,
        });
    }
};

/** Anonymous unused volumes preselected, named ones offered; exactly the listed volumes go. */
export const prune: Action = (ctx) => systemPrune(ctx, { only: ['anonymousVolumes', 'namedVolumes'] });
