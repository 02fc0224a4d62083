// Shared helpers of the extension-host suite: the extension and its test API, state-based waits (events or
// polling with a deadline, never fixed sleeps), and the Docker engine the explorer tests drive.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Docker from 'dockerode';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'dockwise.dockwise';
/** The repository (the suite runs from out/test/vscode/suite). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The workspace the runner opened: a throw-away copy of test/vscode/workspace. */
export function workspaceRoot(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner opens a copy of test/vscode/workspace');
    return folder.uri;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/** A TreeDataProvider as the tests use it: the public vscode interface, elements opaque. */
export type TreeData = vscode.TreeDataProvider<unknown> & {
    getChildren(element?: unknown): vscode.ProviderResult<unknown[]>;
};

/** What `activate` returns (client/src/extension.ts `DockwiseApi`), as far as the suite relies on it. */
export interface DockwiseTestApi {
    readonly languageClientReady: Promise<void>;
    readonly explorer?: {
        readonly views: {
            readonly containers: TreeData;
            readonly images: TreeData;
            readonly volumes: TreeData;
            readonly networks: TreeData;
            readonly engines?: TreeData;
        };
    };
}

export function extension(): vscode.Extension<DockwiseTestApi> {
    const ext = vscode.extensions.getExtension<DockwiseTestApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded as the extension under development`);
    return ext;
}

/** Activates the extension (idempotent) and waits for its language server. */
export async function activate(): Promise<DockwiseTestApi> {
    const api = await extension().activate();
    await api.languageClientReady;
    return api;
}

export interface WaitOptions {
    timeoutMs?: number;
    intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value other than undefined (or stops throwing), then returns it. On the
 * deadline it fails with `what` and the last observation, so a failure says what the state was.
 */
export async function waitFor<T>(
    what: string,
    probe: () => T | undefined | Promise<T | undefined>,
    { timeoutMs = 20_000, intervalMs = 50 }: WaitOptions = {},
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined) {
                return value;
            }
            last = undefined;
        } catch (e) {
            last = e;
        }
        if (Date.now() > deadline) {
            const detail = last instanceof Error ? `: ${last.message}` : '';
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
        }
        await new Promise((r) => setTimeout(r, intervalMs));
    }
}

/**
 * Resolves with `check()` once it is defined, re-checking whenever `event` fires (and once at the start):
 * event-driven, with a deadline.
 */
export function waitForEvent<E, T>(
    what: string,
    event: vscode.Event<E>,
    check: () => T | undefined,
    timeoutMs = 20_000,
): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const finish = (fn: () => void): void => {
            clearTimeout(timer);
            sub.dispose();
            fn();
        };
        const test = (): boolean => {
            let value: T | undefined;
            try {
                value = check();
            } catch (e) {
                finish(() => reject(e instanceof Error ? e : new Error(String(e))));
                return true;
            }
            if (value !== undefined) {
                finish(() => resolve(value));
                return true;
            }
            return false;
        };
        const timer = setTimeout(
            () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))),
            timeoutMs,
        );
        const sub = event(() => void test());
        test();
    });
}

/** Dockwise's diagnostics of a document, in document order. */
export function dockwiseDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === 'dockwise')
        .sort((a, b) => a.range.start.compareTo(b.range.start) || a.range.end.compareTo(b.range.end));
}

export function codeOf(d: vscode.Diagnostic): string {
    return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Waits until the document's Dockwise diagnostics satisfy `accept` (event-driven). */
export function waitForDiagnostics(
    uri: vscode.Uri,
    what: string,
    accept: (ds: vscode.Diagnostic[]) => boolean,
    timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
    return waitForEvent(
        `${what} on ${path.basename(path.dirname(uri.fsPath))}/${path.basename(uri.fsPath)}`,
        vscode.languages.onDidChangeDiagnostics,
        () => {
            const ds = dockwiseDiagnostics(uri);
            return accept(ds) ? ds : undefined;
        },
        timeoutMs,
    );
}

export async function openDockerfile(uri: vscode.Uri): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'dockerfile', `${uri.fsPath} opens as a Dockerfile`);
    await vscode.window.showTextDocument(doc);
    return doc;
}

// --- The Docker engine -----------------------------------------------------------------------------------

/** engine.mjs builds this offline image (FROM scratch + static busybox) on the test engine. */
export const TEST_IMAGE = 'dockwise-test/busybox:latest';
/** Everything the suite creates carries this label, and only what carries it is removed. */
export const SUITE_LABEL = { 'dockwise.test': 'vscode-suite' };

/**
 * The engine named by DOCKER_HOST (the runner passes it into VS Code's environment), or a skip: outside CI a
 * missing engine skips the engine tests; under CI=true it fails them.
 */
export async function engineOrSkip(ctx: Mocha.Context): Promise<Docker> {
    const host = process.env.DOCKER_HOST;
    const docker = host ? dockerFor(host) : undefined;
    let why = host ? '' : 'DOCKER_HOST is not set';
    if (docker) {
        try {
            await docker.ping();
            return docker;
        } catch (e) {
            why = `${host} does not answer: ${e instanceof Error ? e.message : String(e)}`;
        }
    }
    if (process.env.CI === 'true') {
        throw new Error(`no Docker engine (required under CI): ${why}`);
    }
    ctx.skip();
}

function dockerFor(host: string): Docker {
    if (host.startsWith('unix://')) {
        return new Docker({ socketPath: host.slice('unix://'.length) });
    }
    const url = new URL(host);
    const tls = process.env.DOCKER_TLS_VERIFY === '1';
    return new Docker({ host: url.hostname, port: Number(url.port) || (tls ? 2376 : 2375) });
}

let serial = 0;
/** A unique, recognisable name for something the suite creates. */
export function uniqueName(what: string): string {
    serial += 1;
    return `dockwise-vscode-${what}-${process.pid}-${Date.now().toString(36)}-${serial}`;
}

/**
 * A labelled busybox container without a network. The default command prints a greeting on stdout and one
 * line on stderr, then a numbered tick every second; it ends at once on SIGTERM (docker stop).
 */
export async function createContainer(
    docker: Docker,
    name: string,
    { start = true, cmd }: { start?: boolean; cmd?: string } = {},
): Promise<Docker.Container> {
    const script =
        cmd ??
        `trap 'exit 0' TERM; echo "hello from ${name}"; echo "a line on stderr" >&2; ` +
            'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1 & wait $!; done';
    const container = await docker.createContainer({
        name,
        Image: TEST_IMAGE,
        Cmd: ['sh', '-c', script],
        Labels: SUITE_LABEL,
        HostConfig: { NetworkMode: 'none' },
    });
    if (start) {
        await container.start();
    }
    return container;
}

/** The container's state, or 'gone' when the engine no longer knows it. */
export async function containerState(docker: Docker, id: string): Promise<string> {
    try {
        return (await docker.getContainer(id).inspect()).State.Status;
    } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 404) {
            return 'gone';
        }
        throw e;
    }
}

/** Removes every container and volume carrying the suite's label (and nothing else). */
export async function removeSuiteResources(docker: Docker): Promise<void> {
    const label = Object.entries(SUITE_LABEL).map(([k, v]) => `${k}=${v}`);
    const containers = await docker.listContainers({ all: true, filters: { label } });
    await Promise.all(
        containers.map((c) =>
            docker
                .getContainer(c.Id)
                .remove({ force: true, v: true })
                .catch(() => undefined),
        ),
    );
    const { Volumes } = await docker.listVolumes({ filters: { label } });
    await Promise.all(
        (Volumes ?? []).map((v) =>
            docker
                .getVolume(v.Name)
                .remove()
                .catch(() => undefined),
        ),
    );
}

// --- The explorer's trees ---------------------------------------------------------------------------------

export interface Row {
    readonly element: unknown;
    readonly item: vscode.TreeItem;
    readonly label: string;
}

function labelText(item: vscode.TreeItem): string {
    const l = item.label;
    return typeof l === 'string' ? l : (l?.label ?? '');
}

/** Every row of a tree (roots and their descendants), as VS Code would fetch them. */
export async function treeRows(tree: TreeData): Promise<Row[]> {
    const rows: Row[] = [];
    const walk = async (parent: unknown, depth: number): Promise<void> => {
        const children = (await tree.getChildren(parent)) ?? [];
        for (const element of children) {
            const item = await tree.getTreeItem(element);
            rows.push({ element, item, label: labelText(item) });
            if (depth < 3 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
                await walk(element, depth + 1);
            }
        }
    };
    await walk(undefined, 0);
    return rows;
}

/** The explorer's tree data providers, from the extension's test API. */
export function explorerViews(api: DockwiseTestApi): NonNullable<DockwiseTestApi['explorer']>['views'] {
    assert.ok(
        api.explorer?.views,
        'the extension test API must expose explorer.views { containers, images, volumes, networks } ' +
            '(the TreeDataProviders of the Dockwise views)',
    );
    return api.explorer.views;
}

export function iconId(item: vscode.TreeItem): string | undefined {
    return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

/**
 * Replaces `vscode.window.showWarningMessage` while `fn` runs, answering modal confirmations with `answer`.
 * The extension and this suite share one `vscode` API object (same extension folder), and VS Code refuses to
 * show modal dialogs during extension tests, so this is how a test presses "Remove".
 */
export async function answeringConfirmations<T>(
    answer: (message: string, items: string[]) => string | undefined,
    fn: (asked: string[]) => Promise<T>,
): Promise<T> {
    const original = vscode.window.showWarningMessage;
    const asked: string[] = [];
    const stub = (message: string, ...rest: unknown[]): Thenable<unknown> => {
        const items = rest.filter((r): r is string => typeof r === 'string');
        const options = rest[0];
        if (typeof options === 'object' && options !== null && (options as vscode.MessageOptions).modal) {
            asked.push(message);
            return Promise.resolve(answer(message, items));
        }
        return (original as (...a: unknown[]) => Thenable<unknown>)(message, ...rest);
    };
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = stub;
    try {
        return await fn(asked);
    } finally {
        (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
    }
}
