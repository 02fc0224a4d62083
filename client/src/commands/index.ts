// The explorer's command table (rust-analyzer style): one entry per command id, each a small function of
// the explicit ExplorerContext. Registration wraps every handler with the same error reporting.
import * as vscode from 'vscode';
import type { ViewKind } from '../views/refreshPolicy';
import { buildImage } from './buildImage';
import * as containers from './containers';
import { type ExplorerContext, showError } from './context';
import * as images from './images';
import * as networks from './networks';
import { pull } from './pullImage';
import { run, runAgain } from './run';
import { systemPrune } from './systemPrune';
import * as volumes from './volumes';

type Handler = (ctx: ExplorerContext, ...args: unknown[]) => unknown;

interface CommandEntry {
    /** Used in the error message when the handler fails ("Could not <what>"). */
    readonly what: string;
    readonly run: Handler;
}

const refreshView =
    (kind: ViewKind): Handler =>
    (ctx) =>
        ctx.refresh.refreshNow(kind);

async function showConnectionError(ctx: ExplorerContext): Promise<void> {
    const state = ctx.connection.state;
    if (state.state !== 'unreachable') {
        void vscode.window.showInformationMessage(
            state.state === 'connected' ? `Connected to ${state.connection.description}.` : 'Not connected yet.',
        );
        return;
    }
    const lines = [state.error.message];
    if (state.error.fix) {
        lines.push('', state.error.fix);
    }
    if (state.connection) {
        lines.push('', `Engine: ${state.connection.description}`);
    }
    if (state.error.details.engineMessage) {
        lines.push('', `Engine said: ${state.error.details.engineMessage}`);
    }
    const choice = await vscode.window.showErrorMessage(
        'Dockwise cannot use the Docker engine',
        { modal: true, detail: lines.join('\n') },
        'Retry',
        'Open Settings',
    );
    if (choice === 'Retry') {
        await ctx.refresh.refreshNow();
    } else if (choice === 'Open Settings') {
        await openSettings();
    }
}

async function openSettings(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'dockwise.docker.host');
}

export const EXPLORER_COMMANDS: Readonly<Record<string, CommandEntry>> = {
    'dockwise.explorer.refresh': { what: 'refresh the Docker explorer', run: (ctx) => ctx.refresh.refreshNow() },
    'dockwise.explorer.retry': { what: 'reach the Docker engine', run: (ctx) => ctx.refresh.refreshNow() },
    'dockwise.explorer.openSettings': { what: 'open the settings', run: () => openSettings() },
    'dockwise.explorer.showConnectionError': { what: 'show the connection error', run: showConnectionError },

    'dockwise.containers.refresh': { what: 'refresh containers', run: refreshView('containers') },
    'dockwise.containers.start': { what: 'start the container', run: containers.start },
    'dockwise.containers.stop': { what: 'stop the container', run: containers.stop },
    'dockwise.containers.restart': { what: 'restart the container', run: containers.restart },
    'dockwise.containers.pause': { what: 'pause the container', run: containers.pause },
    'dockwise.containers.unpause': { what: 'unpause the container', run: containers.unpause },
    'dockwise.containers.remove': { what: 'remove the container', run: containers.remove },
    'dockwise.containers.viewLogs': { what: 'show the logs', run: containers.viewLogs },
    'dockwise.containers.openShell': { what: 'open a shell', run: containers.openShell },
    'dockwise.containers.inspect': { what: 'inspect the container', run: containers.inspect },
    'dockwise.containers.copyId': { what: 'copy the container id', run: containers.copyId },
    'dockwise.containers.openInBrowser': { what: 'open the browser', run: containers.openInBrowser },

    'dockwise.images.refresh': { what: 'refresh images', run: refreshView('images') },
    'dockwise.image.build': { what: 'build the image', run: buildImage },
    'dockwise.images.run': { what: 'run the image', run },
    'dockwise.images.runAgain': { what: 'run the image again', run: runAgain },
    'dockwise.images.inspect': { what: 'inspect the image', run: images.inspect },
    'dockwise.images.remove': { what: 'remove the image', run: images.remove },
    'dockwise.images.copyTag': { what: 'copy the tag', run: images.copyTag },
    'dockwise.images.pull': { what: 'pull the image', run: pull },
    'dockwise.images.prune': { what: 'prune images', run: images.prune },
    'dockwise.images.showDangling': { what: 'show dangling images', run: images.showDangling },
    'dockwise.images.hideDangling': { what: 'hide dangling images', run: images.hideDangling },

    'dockwise.volumes.refresh': { what: 'refresh volumes', run: refreshView('volumes') },
    'dockwise.volumes.create': { what: 'create the volume', run: volumes.create },
    'dockwise.volumes.inspect': { what: 'inspect the volume', run: volumes.inspect },
    'dockwise.volumes.remove': { what: 'remove the volume', run: volumes.remove },
    'dockwise.volumes.prune': { what: 'prune volumes', run: volumes.prune },

    'dockwise.networks.refresh': { what: 'refresh networks', run: refreshView('networks') },
    'dockwise.networks.inspect': { what: 'inspect the network', run: networks.inspect },
    'dockwise.networks.remove': { what: 'remove the network', run: networks.remove },
    'dockwise.networks.prune': { what: 'prune networks', run: networks.prune },
    'dockwise.system.prune': { what: 'prune', run: (ctx) => systemPrune(ctx) },

    'dockwise.logs.toggleTimestamps': { what: 'toggle timestamps', run: (ctx) => ctx.logs.toggleTimestamps() },
    'dockwise.logs.clear': { what: 'clear the log view', run: (ctx) => ctx.logs.clear() },
    'dockwise.inspect.refresh': { what: 'refresh the document', run: (ctx) => ctx.inspect.refresh() },
};

export function registerExplorerCommands(ctx: ExplorerContext): vscode.Disposable {
    const registrations = Object.entries(EXPLORER_COMMANDS).map(([id, entry]) =>
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
            try {
                return await entry.run(ctx, ...args);
            } catch (e) {
                showError(ctx, `Could not ${entry.what}`, e);
                return undefined;
            }
        }),
    );
    return vscode.Disposable.from(...registrations);
}
