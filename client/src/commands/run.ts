// "Run…" (simple version): name, published ports and --rm, then create + start through the engine API.
// A later issue replaces it with the full guided Run.
import * as vscode from 'vscode';
import { shortId } from '../views/format';
import { type ExplorerContext, client, showError } from './context';
import { canCreate } from './engineExtras';
import { imageRef, imageTargets } from './images';
import { defaultPortText, parsePorts, suggestName, validateName } from './runSpec';

export async function run(ctx: ExplorerContext, ...args: unknown[]): Promise<void> {
    const node = (await imageTargets(ctx, args, { verb: 'run', many: false }))?.[0];
    if (!node) {
        return;
    }
    const c = await client(ctx);
    if (!canCreate(c)) {
        void vscode.window.showErrorMessage(
            'Running images needs a newer Dockwise engine layer (createContainer is missing).',
        );
        return;
    }
    const image = imageRef(node);
    const title = `Run ${node.tag ?? shortId(node.info.id)}`;
    const exposed = await c.inspectImage(node.info.id).then(
        (d) => d.exposedPorts,
        () => [] as string[],
    );
    const existing = new Set((await ctx.connection.containers.get()).flatMap((x) => x.names));

    const name = await vscode.window.showInputBox({
        title: `${title} (1/3)`,
        prompt: 'Container name (empty: the engine picks one)',
        value: uniqueName(suggestName(image), existing),
        validateInput: (v) =>
            validateName(v) ?? (existing.has(v.trim()) ? `A container named ${v.trim()} exists already.` : undefined),
    });
    if (name === undefined) {
        return;
    }
    const portsText = await vscode.window.showInputBox({
        title: `${title} (2/3)`,
        prompt: 'Published ports, HOST:CONTAINER separated by commas (e.g. 8080:80, 53:53/udp); empty for none',
        value: defaultPortText(exposed),
        validateInput: (v) => {
            const parsed = parsePorts(v);
            return 'error' in parsed ? parsed.error : undefined;
        },
    });
    if (portsText === undefined) {
        return;
    }
    const parsed = parsePorts(portsText);
    if ('error' in parsed) {
        return;
    }
    const lifetime = await vscode.window.showQuickPick(
        [
            { label: 'Keep the container when it stops', autoRemove: false },
            { label: 'Remove the container when it stops', description: '--rm', autoRemove: true },
        ],
        { title: `${title} (3/3)`, placeHolder: 'When the container stops…' },
    );
    if (!lifetime) {
        return;
    }
    let id: string | undefined;
    try {
        await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Starting ${name.trim() || image}…` },
            async () => {
                ({ id } = await c.createContainer({
                    image,
                    name: name.trim() || undefined,
                    ports: parsed.ports,
                    autoRemove: lifetime.autoRemove,
                }));
                await c.startContainer(id, { timeoutMs: 60_000 });
            },
        );
    } catch (e) {
        const created = id ? ` (container ${shortId(id)} was created but did not start)` : '';
        showError(ctx, `Could not run ${image}${created}`, e);
        ctx.refresh.nudge(['containers']);
        return;
    }
    ctx.refresh.nudge(['containers', 'images', 'volumes', 'networks']);
    const started = id!;
    const shown = name.trim() || shortId(started);
    ctx.connection.containers.invalidate();
    void ctx.views.containers.reveal(`container:${started}`).catch(() => undefined);
    const action = await vscode.window.showInformationMessage(`Started ${shown}.`, 'View Logs');
    if (action === 'View Logs') {
        await vscode.commands.executeCommand('dockwise.containers.viewLogs', started);
    }
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
    if (!base || !taken.has(base)) {
        return base;
    }
    for (let i = 2; ; i++) {
        if (!taken.has(`${base}-${i}`)) {
            return `${base}-${i}`;
        }
    }
}
