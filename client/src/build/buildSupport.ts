// What the Build Image command keeps between runs: the "Dockwise Build" output channel, the
// 'dockwise-build' diagnostics (a failed step on its instruction) and per-Dockerfile answers.
import * as vscode from 'vscode';
import type { BuildPlan } from './buildPlan';

/** Answers remembered per Dockerfile (workspace state): a plan without its Dockerfile. */
export type RememberedBuild = Partial<Omit<BuildPlan, 'dockerfile' | 'labels'>>;

const STATE_KEY = 'dockwise.build.remembered';

export class BuildSupport implements vscode.Disposable {
    readonly output = vscode.window.createOutputChannel('Dockwise Build');
    readonly diagnostics = vscode.languages.createDiagnosticCollection('dockwise-build');
    /** One build per Dockerfile at a time. */
    readonly running = new Map<string, AbortController>();

    constructor(private readonly state: vscode.Memento) {}

    remembered(dockerfile: vscode.Uri): RememberedBuild {
        return this.state.get<Record<string, RememberedBuild>>(STATE_KEY, {})[dockerfile.toString()] ?? {};
    }

    async remember(dockerfile: vscode.Uri, answers: RememberedBuild): Promise<void> {
        const all = { ...this.state.get<Record<string, RememberedBuild>>(STATE_KEY, {}) };
        all[dockerfile.toString()] = answers;
        await this.state.update(STATE_KEY, all);
    }

    /** A failed step as an error on its instruction; `range` undefined puts it on the first line. */
    showFailure(dockerfile: vscode.Uri, message: string, range?: vscode.Range): void {
        const d = new vscode.Diagnostic(
            range ?? new vscode.Range(0, 0, 0, 0),
            message,
            vscode.DiagnosticSeverity.Error,
        );
        d.source = 'dockwise build';
        this.diagnostics.set(dockerfile, [d]);
    }

    clearFailure(dockerfile: vscode.Uri): void {
        this.diagnostics.delete(dockerfile);
    }

    dispose(): void {
        for (const c of this.running.values()) {
            c.abort();
        }
        this.output.dispose();
        this.diagnostics.dispose();
    }
}
