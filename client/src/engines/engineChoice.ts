// Which engine this window uses: the one picked with "Use in this window" (workspace state: this window only,
// never the Docker CLI's config), else the usual resolution. And the user's own `dockwise.engines` list.
import * as vscode from 'vscode';
import type { UserEngineSetting } from '../engine/discovery';

const KEY = 'dockwise.engines.chosen';

export interface ChosenEngine {
    readonly id: string;
    /** For the status bar before the engine layer is loaded. */
    readonly name: string;
}

/**
 * `dockwise.engines` from user settings only — whatever the trust: an engine list (hosts, certificate folders,
 * ssh keys) from a cloned repository must never point Dockwise at an engine.
 */
export function userEnginesSetting(): UserEngineSetting[] {
    const value = vscode.workspace.getConfiguration('dockwise').inspect<unknown>('engines')?.globalValue;
    return Array.isArray(value) ? (value as UserEngineSetting[]) : [];
}

export class EngineChoice implements vscode.Disposable {
    private readonly emitter = new vscode.EventEmitter<ChosenEngine | undefined>();
    readonly onDidChange = this.emitter.event;

    constructor(private readonly state: vscode.Memento) {}

    get chosen(): ChosenEngine | undefined {
        const v = this.state.get<ChosenEngine>(KEY);
        return v && typeof v.id === 'string' && typeof v.name === 'string' ? v : undefined;
    }

    /** undefined: back to automatic (setting, DOCKER_HOST, current context). */
    async choose(engine: ChosenEngine | undefined): Promise<void> {
        const before = this.chosen;
        if (before?.id === engine?.id) {
            return;
        }
        await this.state.update(KEY, engine ? { id: engine.id, name: engine.name } : undefined);
        this.emitter.fire(engine);
    }

    dispose(): void {
        this.emitter.dispose();
    }
}
