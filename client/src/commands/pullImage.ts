// Dockwise: Pull Image…: the overall percent and current activity in a cancellable notification, one line
// per layer in the "Dockwise Pull" output (redrawn in place, like `docker pull` in a terminal).
import * as vscode from 'vscode';
import { isEngineError } from '../engine/types';
import { type ExplorerContext, client, showError } from './context';
import { validateImageReference } from './dockerNames';
import { PullTracker } from './pullProgress';
import { invokedNodes } from './targets';

/** Redraws of the layer lines at most this often: the engine sends a message per 512 kB. */
const REDRAW_MS = 250;
/** Earlier pulls kept above the current one in the output. */
const KEEP_CHARS = 20_000;

/** The "Dockwise Pull" output (created on the first pull) and the earlier pulls it still shows. */
export class PullOutput implements vscode.Disposable {
    private output: vscode.OutputChannel | undefined;
    /** Finished pulls, kept above the current one. */
    history = '';

    channel(): vscode.OutputChannel {
        this.output ??= vscode.window.createOutputChannel('Dockwise Pull');
        return this.output;
    }

    dispose(): void {
        this.output?.dispose();
        this.output = undefined;
    }
}

/** The reference from the invocation (a tag string or an image node), else asked for. */
async function referenceFrom(args: readonly unknown[]): Promise<string | undefined> {
    const first = invokedNodes(args)?.[0];
    if (typeof first === 'string') {
        return first;
    }
    if (first?.kind === 'image' && first.tag) {
        return first.tag;
    }
    return vscode.window.showInputBox({
        title: 'Pull Image',
        prompt: 'Image reference, e.g. nginx:1.27, ghcr.io/owner/app:latest or alpine@sha256:…',
        validateInput: validateImageReference,
    });
}

export async function pull(ctx: ExplorerContext, ...args: unknown[]): Promise<void> {
    const reference = (await referenceFrom(args))?.trim();
    if (!reference) {
        return;
    }
    const problem = validateImageReference(reference);
    if (problem) {
        void vscode.window.showErrorMessage(`Cannot pull "${reference}": ${problem}`);
        return;
    }
    const ref = /:[^/]*$|@/.test(reference) ? reference : `${reference}:latest`;
    const c = await client(ctx);
    const pulls = ctx.pulls;
    const out = pulls.channel();
    const tracker = new PullTracker();
    const title = `Pulling ${ref}`;
    let timer: NodeJS.Timeout | undefined;
    const draw = (footer = ''): void => {
        timer = undefined;
        out.replace(`${pulls.history}${tracker.render(title)}${footer}`);
    };
    const finish = (footer: string): void => {
        clearTimeout(timer);
        draw(`${footer}\n\n`);
        pulls.history = `${pulls.history}${tracker.render(title)}${footer}\n\n`.slice(-KEEP_CHARS);
    };
    draw();
    out.show(true);
    try {
        await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title, cancellable: true },
            async (progress, token) => {
                const controller = new AbortController();
                const sub = token.onCancellationRequested(() => controller.abort());
                let reported = 0;
                try {
                    await c.pullImage(ref, {
                        signal: controller.signal,
                        timeoutMs: 5 * 60_000,
                        onProgress: (p) => {
                            const s = tracker.update(p);
                            // Progress only grows: a layer announced late must not move the bar back.
                            const increment = Math.max(0, s.fraction * 100 - reported);
                            reported += increment;
                            progress.report({ message: s.message, increment });
                            timer ??= setTimeout(draw, REDRAW_MS);
                        },
                    });
                } finally {
                    sub.dispose();
                }
            },
        );
        finish(`Pulled ${ref}.`);
        void vscode.window.showInformationMessage(`Pulled ${ref}.`);
    } catch (e) {
        finish(
            isEngineError(e) && e.cause === 'cancelled'
                ? 'Cancelled.'
                : `Failed: ${e instanceof Error ? e.message : String(e)}`,
        );
        showError(ctx, `Could not pull ${ref}`, e);
    }
    ctx.refresh.nudge(['images']);
}
