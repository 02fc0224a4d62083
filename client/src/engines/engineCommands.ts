// Engine commands: Use in this window, the quick pick, back to automatic, Make the default for the Docker CLI.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { loadEngine } from '../engineLoader';
import { errorText } from '../errorText';
import type { EngineCatalog, EngineEntry } from './engineCatalog';
import type { EngineChoice } from './engineChoice';
import { probeSummary } from './engineModel';
import type { EnginesView } from './enginesView';
import { PICK_COMMAND } from './engineStatusBar';

export interface EngineCommandDeps {
    readonly catalog: EngineCatalog;
    readonly choice: EngineChoice;
    readonly view: EnginesView;
    readonly env: Record<string, string | undefined>;
    readonly log: vscode.LogOutputChannel;
}

/** An Engines view item, or an id (tests, keybindings). */
async function entryOf(deps: EngineCommandDeps, arg: unknown): Promise<EngineEntry | undefined> {
    const id = typeof arg === 'string' ? arg : (arg as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? deps.catalog.find(id) : undefined;
}

async function use(deps: EngineCommandDeps, arg: unknown): Promise<void> {
    const entry = await entryOf(deps, arg);
    if (!entry) {
        return pick(deps);
    }
    deps.log.info(`This window now uses engine "${entry.name}" (${entry.connection.description})`);
    await deps.choice.choose({ id: entry.id, name: entry.name });
}

async function automatic(deps: EngineCommandDeps): Promise<void> {
    deps.log.info('This window is back to the automatic engine (setting, DOCKER_HOST, current context)');
    await deps.choice.choose(undefined);
}

type PickItem = vscode.QuickPickItem & { readonly entry?: EngineEntry };

/** The quick pick: rows appear at once, each row's state fills in as its probe answers. */
async function pick(deps: EngineCommandDeps): Promise<void> {
    const { engines } = await deps.catalog.list();
    const chosen = deps.choice.chosen?.id;
    const qp = vscode.window.createQuickPick<PickItem>();
    qp.title = 'Dockwise: engine for this window';
    qp.placeholder = 'Pick the engine this window’s views, commands, builds and logs use';
    const controller = new AbortController();
    const summaries = new Map<string, string>(engines.map((e) => [e.id, probeSummary(deps.view.lastProbe(e.id))]));
    const render = (): void => {
        const active = qp.activeItems[0]?.entry?.id;
        qp.items = [
            {
                label: `${chosen ? '' : '$(check) '}Automatic`,
                description: 'dockwise.docker.host, else DOCKER_HOST, else the Docker CLI’s current context',
            },
            { label: 'Engines', kind: vscode.QuickPickItemKind.Separator },
            ...engines.map((e) => ({
                label: `${e.id === chosen ? '$(check) ' : ''}${e.name}`,
                description: summaries.get(e.id),
                detail: `${e.connection.host}${e.cliCurrent ? ' · Docker CLI default' : ''}`,
                entry: e,
            })),
        ];
        const again = qp.items.find((i) => i.entry?.id === active);
        if (again) {
            qp.activeItems = [again];
        }
    };
    render();
    qp.busy = true;
    void Promise.all(
        engines.map(async (e) => {
            summaries.set(e.id, probeSummary(await deps.catalog.probe(e, controller.signal)));
            if (!controller.signal.aborted) {
                render();
            }
        }),
    ).then(() => (qp.busy = false));
    const picked = await new Promise<PickItem | undefined>((resolve) => {
        qp.onDidAccept(() => resolve(qp.selectedItems[0]));
        qp.onDidHide(() => resolve(undefined));
        qp.show();
    });
    controller.abort();
    qp.dispose();
    if (!picked) {
        return;
    }
    await (picked.entry ? use(deps, picked.entry.id) : automatic(deps));
}

async function makeCliDefault(deps: EngineCommandDeps, arg: unknown): Promise<void> {
    const entry = await entryOf(deps, arg);
    if (!entry || entry.origin !== 'context') {
        void vscode.window.showInformationMessage(
            'Only a Docker context can be the Docker CLI’s default. Pick one in the Engines view.',
        );
        return;
    }
    const engine = await loadEngine();
    const dir = engine.dockerConfigDir({ env: deps.env, homedir: os.homedir() });
    const action = 'Make Default';
    const answer = await vscode.window.showWarningMessage(
        `Make "${entry.name}" the Docker CLI’s default context?`,
        {
            modal: true,
            detail: `This sets currentContext in ${dir}/config.json, like \`docker context use ${entry.name}\`: every terminal and tool using the Docker CLI follows it. Other keys in the file are kept.`,
        },
        action,
    );
    if (answer !== action) {
        return;
    }
    try {
        engine.setCurrentContext(dir, entry.name);
        deps.log.info(`Docker CLI default context set to "${entry.name}" in ${dir}`);
        deps.view.refresh();
    } catch (e) {
        deps.log.error(`Make the default for the Docker CLI: ${errorText(e)}`);
        void vscode.window.showErrorMessage(`Could not make "${entry.name}" the Docker CLI’s default: ${errorText(e)}`);
    }
}

export function registerEngineCommands(deps: EngineCommandDeps): vscode.Disposable {
    const table: Record<string, (arg?: unknown) => Promise<void>> = {
        'dockwise.engines.use': (arg) => use(deps, arg),
        'dockwise.engines.useAutomatic': () => automatic(deps),
        [PICK_COMMAND]: () => pick(deps),
        'dockwise.engines.makeCliDefault': (arg) => makeCliDefault(deps, arg),
        'dockwise.engines.refresh': async () => deps.view.refresh(true),
    };
    return vscode.Disposable.from(
        ...Object.entries(table).map(([id, run]) =>
            vscode.commands.registerCommand(id, async (arg?: unknown) => {
                try {
                    await run(arg);
                } catch (e) {
                    deps.log.error(`${id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
                    void vscode.window.showErrorMessage(`Dockwise: ${errorText(e)}`);
                }
            }),
        ),
    );
}
