// "Dockwise: Build Image…": pick the Dockerfile, context, tag, target, build args and flags (buildPrompts.ts),
// then build through the engine with progress in a cancellable notification and the "Dockwise Build" output
// channel. A failed step becomes an error diagnostic on its instruction; the next successful build clears it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildCommandLine, failureMessage, untrustedBuildQuestion, type BuildPlan } from '../build/buildPlan';
import type { BuildSupport } from '../build/buildSupport';
import type { BuildFailure, BuildLine, BuildResult, EngineClient } from '../engine/types';
import { stripAnsi } from '../logs/ansi';
import { askBuildPlan, givenArgs, lintAllowsBuild, pickDockerfile, planFromArgs } from './buildPrompts';
import { type ExplorerContext, client } from './context';

/** RUN output is the build container's own bytes: no control sequences reach the output channel. */
function lineText(line: BuildLine): string {
    const text = stripAnsi(line.text);
    return line.kind === 'error' ? `ERROR: ${text}` : text;
}

/** What the command resolves to: undefined when nothing was built (backed out, cancelled, refused). */
export type BuildOutcome = { ok: true; imageId?: string } | { ok: false; line?: number; message: string };

/** What one build needs: the answers, the Dockerfile, its display name and where its output goes. */
interface BuildJob {
    readonly plan: BuildPlan;
    readonly dockerfile: vscode.Uri;
    readonly name: string;
    readonly support: BuildSupport;
}

export async function buildImage(ctx: ExplorerContext, ...args: unknown[]): Promise<BuildOutcome | undefined> {
    const dockerfile = await pickDockerfile(args);
    const plan = dockerfile && (await planFor(ctx.build, dockerfile, args));
    if (!dockerfile || !plan) {
        return undefined;
    }
    const engine = await client(ctx);
    if (!(await trustAllowsBuild(plan, engine))) {
        return undefined;
    }
    const job: BuildJob = {
        plan,
        dockerfile,
        name: plan.tag ?? path.basename(dockerfile.fsPath),
        support: ctx.build,
    };
    const result = await runBuild(engine, job);
    if (!result) {
        return undefined;
    }
    return result.ok ? reportBuilt(ctx, job, result) : reportFailed(job, result);
}

/** The Dockerfile saved and lint-checked, then the plan from the arguments or asked for. */
async function planFor(support: BuildSupport, dockerfile: vscode.Uri, args: unknown[]): Promise<BuildPlan | undefined> {
    const given = givenArgs(args);
    // Build what is on disk: offer to save pending edits first.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === dockerfile.toString());
    if (open?.isDirty && !(await open.save())) {
        return undefined;
    }
    const content = open?.getText() ?? Buffer.from(await vscode.workspace.fs.readFile(dockerfile)).toString('utf8');
    if (!(await lintAllowsBuild(dockerfile))) {
        return undefined;
    }
    return given ? planFromArgs(dockerfile, given) : askBuildPlan(support, dockerfile, content);
}

/** Asked every time in an untrusted workspace, also when the answers came as arguments (a task can run this). */
async function trustAllowsBuild(plan: BuildPlan, engine: EngineClient): Promise<boolean> {
    if (vscode.workspace.isTrusted) {
        return true;
    }
    const q = untrustedBuildQuestion(plan, engine.connection.description);
    const answer = await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, q.confirm);
    return answer === q.confirm;
}

/** Runs the build (one per Dockerfile: a new one cancels the old); undefined when cancelled or refused. */
async function runBuild(engine: EngineClient, job: BuildJob): Promise<BuildResult | undefined> {
    const { plan: p, dockerfile, support } = job;
    const key = dockerfile.toString();
    support.running.get(key)?.abort();
    const controller = new AbortController();
    support.running.set(key, controller);
    const out = support.output;
    const cwd = vscode.workspace.getWorkspaceFolder(dockerfile)?.uri.fsPath;
    out.appendLine('');
    out.appendLine(`$ ${buildCommandLine(p, cwd)}`);
    out.show(true);
    const settings = vscode.workspace.getConfiguration('dockwise.build', dockerfile);
    try {
        return await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Building ${job.name}`, cancellable: true },
            async (progress, token) => {
                token.onCancellationRequested(() => controller.abort());
                return engine.buildImage(
                    {
                        contextDir: p.contextDir,
                        dockerfile: p.dockerfile,
                        tags: p.tag ? [p.tag] : undefined,
                        target: p.target,
                        buildArgs: p.buildArgs,
                        noCache: p.noCache,
                        pull: p.pull,
                        platform: p.platform,
                        labels: p.labels,
                        networkMode: settings.get<string>('networkMode') || undefined,
                        builder: settings.get<'auto' | 'buildkit' | 'classic'>('builder', 'auto'),
                    },
                    {
                        signal: controller.signal,
                        onContext: ({ files, bytes }) => {
                            const size =
                                bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
                            out.appendLine(`Sending build context: ${files} files, ${size}`);
                            progress.report({ message: `sending context (${size})` });
                        },
                        onLine: (line) => {
                            out.appendLine(lineText(line));
                            if (line.kind === 'step') {
                                progress.report({ message: line.text });
                            }
                        },
                    },
                );
            },
        );
    } catch (e) {
        if (controller.signal.aborted) {
            out.appendLine('Build cancelled.');
            return undefined;
        }
        if (e instanceof Error && e.name === 'BuildContextError') {
            out.appendLine(`ERROR: ${e.message}`);
            void vscode.window.showErrorMessage(e.message);
            return undefined;
        }
        throw e;
    } finally {
        if (support.running.get(key) === controller) {
            support.running.delete(key);
        }
    }
}

function seconds(result: BuildResult): string {
    return (result.durationMs / 1000).toFixed(1);
}

function reportBuilt(ctx: ExplorerContext, job: BuildJob, result: BuildResult & { ok: true }): BuildOutcome {
    const { name, support } = job;
    const secs = seconds(result);
    support.clearFailure(job.dockerfile);
    support.output.appendLine(`Built ${name} in ${secs} s (${result.imageId ?? 'no id'}).`);
    // The notification outlives the command: whoever awaits the build should not wait for a click.
    void vscode.window
        .showInformationMessage(`Built ${name} in ${secs} s.`, 'Run…', 'Show Output')
        .then(async (choice) => {
            if (choice === 'Run…') {
                await ctx.refresh.refreshNow('images');
                // Straight to the run questions for the image just built.
                await vscode.commands.executeCommand('dockwise.images.run', job.plan.tag ?? result.imageId);
            } else if (choice === 'Show Output') {
                support.output.show();
            }
        });
    return { ok: true, imageId: result.imageId };
}

function reportFailed(job: BuildJob, result: BuildResult & { ok: false }): BuildOutcome {
    const { name, support, dockerfile } = job;
    const out = support.output;
    // The engine's words and the step's output come from the build container: shown without control bytes.
    const failure: BuildFailure = {
        ...result.failure,
        message: stripAnsi(result.failure.message),
        output: result.failure.output.map(stripAnsi),
    };
    const ins = failure.instruction;
    const range = ins ? new vscode.Range(ins.line, 0, ins.endLine, Number.MAX_SAFE_INTEGER) : undefined;
    support.showFailure(dockerfile, failureMessage(failure), range);
    out.appendLine(
        `Build failed after ${seconds(result)} s${ins ? ` at line ${ins.line + 1}` : ''}: ${failure.message}`,
    );
    void vscode.window
        .showErrorMessage(
            `Build of ${name} failed${ins ? ` at line ${ins.line + 1}` : ''}: ${failure.message}`,
            'Go to Line',
            'Show Output',
        )
        .then(async (choice) => {
            if (choice === 'Go to Line' && range) {
                await vscode.window.showTextDocument(dockerfile, {
                    selection: new vscode.Range(range.start, range.start),
                });
            } else if (choice === 'Show Output') {
                out.show();
            }
        });
    return { ok: false, line: ins ? ins.line + 1 : undefined, message: failure.message };
}
