// "Dockwise: Build Image…": pick the Dockerfile, context, tag, target, build args and flags, then build
// through the engine with progress in a cancellable notification and the "Dockwise Build" output channel.
// A failed step becomes an error diagnostic on its instruction; the next successful build clears it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
    buildCommandLine,
    defaultTag,
    dockerfileFacts,
    failureMessage,
    untrustedBuildQuestion,
    validateTag,
    type BuildPlan,
} from '../build/buildPlan';
import type { BuildSupport, RememberedBuild } from '../build/buildSupport';
import type { BuildLine, BuildResult } from '../engine/types';
import { stripAnsi } from '../logs/ansi';
import { type ExplorerContext, client } from './context';

const DOCKERFILE_GLOB = '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,*.Containerfile}';

function isDockerfile(doc: vscode.TextDocument): boolean {
    return (
        doc.languageId === 'dockerfile' ||
        /(^|[./])(Dockerfile|Containerfile)([.].*)?$/i.test(path.basename(doc.fileName))
    );
}

/** The explorer/editor passes the file's Uri; the palette uses the active Dockerfile or asks. */
async function pickDockerfile(args: unknown[]): Promise<vscode.Uri | undefined> {
    const given = args.find((a): a is vscode.Uri => a instanceof vscode.Uri);
    if (given) {
        return given;
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active && active.uri.scheme === 'file' && isDockerfile(active)) {
        return active.uri;
    }
    const found = await vscode.workspace.findFiles(DOCKERFILE_GLOB, '**/node_modules/**', 200);
    if (found.length === 1) {
        return found[0];
    }
    if (found.length === 0) {
        void vscode.window.showInformationMessage('No Dockerfile or Containerfile in this workspace.');
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(
        found
            .sort((a, b) => a.fsPath.localeCompare(b.fsPath))
            .map((uri) => ({
                label: path.basename(uri.fsPath),
                description: vscode.workspace.asRelativePath(uri),
                uri,
            })),
        { title: 'Build Image: which Dockerfile?', matchOnDescription: true },
    );
    return picked?.uri;
}

/** Error-level lint findings are a reason to stop; the user may build anyway. */
async function lintAllowsBuild(uri: vscode.Uri): Promise<boolean> {
    const errors = vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === 'dockwise');
    if (errors.length === 0) {
        return true;
    }
    const first = errors[0] as vscode.Diagnostic;
    const answer = await vscode.window.showWarningMessage(
        `${path.basename(uri.fsPath)} has ${errors.length} lint error${errors.length === 1 ? '' : 's'}.`,
        { modal: true, detail: `Line ${first.range.start.line + 1}: ${first.message}` },
        'Build anyway',
    );
    return answer === 'Build anyway';
}

async function pickContext(dockerfile: vscode.Uri, remembered: RememberedBuild): Promise<string | undefined> {
    const own = path.dirname(dockerfile.fsPath);
    const root = vscode.workspace.getWorkspaceFolder(dockerfile)?.uri.fsPath;
    const candidates = [remembered.contextDir, own, root].filter((x): x is string => !!x);
    const items: (vscode.QuickPickItem & { dir?: string })[] = [...new Set(candidates)].map((dir) => ({
        label: vscode.workspace.asRelativePath(dir, true) || dir,
        description: [dir === own ? "the Dockerfile's folder" : '', dir === remembered.contextDir ? 'last used' : '']
            .filter(Boolean)
            .join(', '),
        dir,
    }));
    items.push({ label: '$(folder-opened) Choose a folder…' });
    const picked = await vscode.window.showQuickPick(items, { title: 'Build Image: build context' });
    if (!picked) {
        return undefined;
    }
    if (picked.dir) {
        return picked.dir;
    }
    const chosen = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        defaultUri: vscode.Uri.file(own),
        openLabel: 'Use as build context',
    });
    return chosen?.[0]?.fsPath;
}

async function pickBuildArgs(
    facts: ReturnType<typeof dockerfileFacts>,
    remembered: RememberedBuild,
): Promise<Record<string, string> | undefined> {
    if (facts.args.length === 0) {
        return {};
    }
    const before = remembered.buildArgs ?? {};
    const picked = await vscode.window.showQuickPick(
        facts.args.map((a) => ({
            label: a.name,
            description:
                before[a.name] !== undefined
                    ? `= ${before[a.name]}`
                    : a.defaultValue !== undefined
                      ? `default ${a.defaultValue}`
                      : 'no default',
            picked: before[a.name] !== undefined,
        })),
        { title: 'Build Image: build args to set (none: the defaults)', canPickMany: true },
    );
    if (!picked) {
        return undefined;
    }
    const out: Record<string, string> = {};
    for (const item of picked) {
        const arg = facts.args.find((a) => a.name === item.label);
        const value = await vscode.window.showInputBox({
            title: `Build arg ${item.label}`,
            value: before[item.label] ?? arg?.defaultValue ?? '',
        });
        if (value === undefined) {
            return undefined;
        }
        out[item.label] = value;
    }
    return out;
}

async function pickFlags(
    remembered: RememberedBuild,
): Promise<Pick<BuildPlan, 'noCache' | 'pull' | 'platform'> | undefined> {
    const items = [
        { label: '--no-cache', description: 'rebuild every step', picked: !!remembered.noCache },
        { label: '--pull', description: 'look for newer base images', picked: !!remembered.pull },
        { label: '--platform', description: remembered.platform ?? 'e.g. linux/amd64', picked: !!remembered.platform },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Build Image: options', canPickMany: true });
    if (!picked) {
        return undefined;
    }
    const has = (l: string): boolean => picked.some((p) => p.label === l);
    let platform: string | undefined;
    if (has('--platform')) {
        platform = await vscode.window.showInputBox({
            title: 'Platform',
            value: remembered.platform ?? 'linux/amd64',
            validateInput: (v) =>
                /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(v.trim()) ? undefined : 'os/arch, e.g. linux/arm64',
        });
        if (platform === undefined) {
            return undefined;
        }
    }
    return { noCache: has('--no-cache'), pull: has('--pull'), platform: platform?.trim() || undefined };
}

/** Asks everything; undefined when the user backed out. */
async function plan(support: BuildSupport, dockerfile: vscode.Uri, content: string): Promise<BuildPlan | undefined> {
    const remembered = support.remembered(dockerfile);
    const contextDir = await pickContext(dockerfile, remembered);
    if (!contextDir) {
        return undefined;
    }
    const tag = await vscode.window.showInputBox({
        title: 'Build Image: tag',
        value: remembered.tag ?? defaultTag(path.basename(contextDir)),
        validateInput: validateTag,
    });
    if (tag === undefined) {
        return undefined;
    }
    const facts = dockerfileFacts(content);
    let target: string | undefined;
    if (facts.stages.length > 0) {
        const last = '$(debug-step-over) All stages (the last one is the image)';
        const picked = await vscode.window.showQuickPick(
            [last, ...facts.stages].map((label) => ({
                label,
                description: label === remembered.target ? 'last used' : undefined,
            })),
            { title: 'Build Image: target stage' },
        );
        if (!picked) {
            return undefined;
        }
        target = picked.label === last ? undefined : picked.label;
    }
    const buildArgs = await pickBuildArgs(facts, remembered);
    if (!buildArgs) {
        return undefined;
    }
    const flags = await pickFlags(remembered);
    if (!flags) {
        return undefined;
    }
    const result: BuildPlan = {
        contextDir,
        dockerfile: dockerfile.fsPath,
        tag: tag.trim(),
        target,
        buildArgs,
        ...flags,
    };
    const { dockerfile: _path, ...answers } = result;
    await support.remember(dockerfile, answers);
    return result;
}

/**
 * Answers given as a command argument (a keybinding's or task's `args`, or a test): when it holds a tag,
 * the prompts are skipped and the rest falls back to the remembered answers and defaults.
 */
export type BuildArgs = Omit<BuildPlan, 'dockerfile' | 'contextDir' | 'tag'> & { tag: string; contextDir?: string };

function givenArgs(args: unknown[]): BuildArgs | undefined {
    return args.find(
        (a): a is BuildArgs =>
            typeof a === 'object' &&
            a !== null &&
            !(a instanceof vscode.Uri) &&
            typeof (a as BuildArgs).tag === 'string',
    );
}

function planFromArgs(dockerfile: vscode.Uri, given: BuildArgs): BuildPlan {
    const tagProblem = validateTag(given.tag);
    if (tagProblem) {
        throw new Error(`Build Image: ${tagProblem}`);
    }
    return {
        contextDir: given.contextDir ?? path.dirname(dockerfile.fsPath),
        dockerfile: dockerfile.fsPath,
        tag: given.tag.trim(),
        target: given.target,
        buildArgs: given.buildArgs ?? {},
        noCache: given.noCache,
        pull: given.pull,
        platform: given.platform,
        labels: given.labels,
    };
}

/** RUN output is the build container's own bytes: no control sequences reach the output channel. */
function lineText(line: BuildLine): string {
    const text = stripAnsi(line.text);
    return line.kind === 'error' ? `ERROR: ${text}` : text;
}

/** What the command resolves to: undefined when nothing was built (backed out, cancelled, refused). */
export type BuildOutcome = { ok: true; imageId?: string } | { ok: false; line?: number; message: string };

export async function buildImage(ctx: ExplorerContext, ...args: unknown[]): Promise<BuildOutcome | undefined> {
    const support = ctx.build;
    const given = givenArgs(args);
    const dockerfile = await pickDockerfile(args);
    if (!dockerfile) {
        return;
    }
    // Build what is on disk: offer to save pending edits first.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === dockerfile.toString());
    if (open?.isDirty && !(await open.save())) {
        return;
    }
    const content = open?.getText() ?? Buffer.from(await vscode.workspace.fs.readFile(dockerfile)).toString('utf8');
    if (!(await lintAllowsBuild(dockerfile))) {
        return;
    }
    const p: BuildPlan | undefined = given ? planFromArgs(dockerfile, given) : await plan(support, dockerfile, content);
    if (!p) {
        return;
    }
    const engine = await client(ctx);
    // Asked every time, also when the answers came as arguments (a task's `${command:…}` can run this).
    if (!vscode.workspace.isTrusted) {
        const q = untrustedBuildQuestion(p, engine.connection.description);
        if (
            (await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, q.confirm)) !==
            q.confirm
        ) {
            return;
        }
    }
    const key = dockerfile.toString();
    support.running.get(key)?.abort();
    const controller = new AbortController();
    support.running.set(key, controller);
    const out = support.output;
    const cwd = vscode.workspace.getWorkspaceFolder(dockerfile)?.uri.fsPath;
    out.appendLine('');
    out.appendLine(`$ ${buildCommandLine(p, cwd)}`);
    out.show(true);
    const name = p.tag ?? path.basename(dockerfile.fsPath);
    const settings = vscode.workspace.getConfiguration('dockwise.build', dockerfile);
    let result: BuildResult;
    try {
        result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Building ${name}`, cancellable: true },
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
            return;
        }
        if (e instanceof Error && e.name === 'BuildContextError') {
            out.appendLine(`ERROR: ${e.message}`);
            void vscode.window.showErrorMessage(e.message);
            return;
        }
        throw e;
    } finally {
        if (support.running.get(key) === controller) {
            support.running.delete(key);
        }
    }
    const secs = (result.durationMs / 1000).toFixed(1);
    if (result.ok) {
        support.clearFailure(dockerfile);
        out.appendLine(`Built ${name} in ${secs} s (${result.imageId ?? 'no id'}).`);
        // The notification outlives the command: whoever awaits the build should not wait for a click.
        void vscode.window
            .showInformationMessage(`Built ${name} in ${secs} s.`, 'Run…', 'Show Output')
            .then(async (choice) => {
                if (choice === 'Run…') {
                    await ctx.refresh.refreshNow('images');
                    // Straight to the run questions for the image just built.
                    await vscode.commands.executeCommand('dockwise.images.run', p.tag ?? result.imageId);
                } else if (choice === 'Show Output') {
                    out.show();
                }
            });
        return { ok: true, imageId: result.imageId };
    }
    // The engine's words and the step's output come from the build container: shown without control bytes.
    const failure = {
        ...result.failure,
        message: stripAnsi(result.failure.message),
        output: result.failure.output.map(stripAnsi),
    };
    const ins = failure.instruction;
    const range = ins ? new vscode.Range(ins.line, 0, ins.endLine, Number.MAX_SAFE_INTEGER) : undefined;
    support.showFailure(dockerfile, failureMessage(failure), range);
    out.appendLine(`Build failed after ${secs} s${ins ? ` at line ${ins.line + 1}` : ''}: ${failure.message}`);
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
