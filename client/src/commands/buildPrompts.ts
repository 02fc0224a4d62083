// Build Image's questions: which Dockerfile, context, tag, target stage, build args and flags (remembered
// per Dockerfile), or the same answers given as a command argument; and the lint check before a build.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultTag, dockerfileFacts, validateTag, type BuildPlan } from '../build/buildPlan';
import type { BuildSupport, RememberedBuild } from '../build/buildSupport';

const DOCKERFILE_GLOB = '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,*.Containerfile}';

function isDockerfile(doc: vscode.TextDocument): boolean {
    return (
        doc.languageId === 'dockerfile' ||
        /(^|[./])(Dockerfile|Containerfile)([.].*)?$/i.test(path.basename(doc.fileName))
    );
}

/** The explorer/editor passes the file's Uri; the palette uses the active Dockerfile or asks. */
export async function pickDockerfile(args: unknown[]): Promise<vscode.Uri | undefined> {
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
export async function lintAllowsBuild(uri: vscode.Uri): Promise<boolean> {
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
export async function askBuildPlan(
    support: BuildSupport,
    dockerfile: vscode.Uri,
    content: string,
): Promise<BuildPlan | undefined> {
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

export function givenArgs(args: unknown[]): BuildArgs | undefined {
    return args.find(
        (a): a is BuildArgs =>
            typeof a === 'object' &&
            a !== null &&
            !(a instanceof vscode.Uri) &&
            typeof (a as BuildArgs).tag === 'string',
    );
}

export function planFromArgs(dockerfile: vscode.Uri, given: BuildArgs): BuildPlan {
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
