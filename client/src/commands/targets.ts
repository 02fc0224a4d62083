// What a command acts on. VS Code calls a tree command with (clicked node, selected nodes); the palette and
// keybindings call it with nothing (then: a quick pick); code may pass ids or names. Every resource kind
// describes itself once as a ResourceShape, and resourceTargets resolves any invocation through it.
import * as vscode from 'vscode';
import type { ExplorerNode } from '../views/nodes';
import type { ExplorerContext } from './context';

function isNode(value: unknown): value is ExplorerNode {
    return typeof value === 'object' && value !== null && 'kind' in value;
}

/** The nodes a command was invoked on: the multi-selection if it includes the clicked node, else the node. */
export function invokedNodes(args: readonly unknown[]): ExplorerNode[] | string[] | undefined {
    const [node, nodes] = args;
    if (Array.isArray(nodes) && nodes.length > 0 && nodes.every(isNode)) {
        return nodes;
    }
    if (isNode(node)) {
        return [node];
    }
    if (typeof node === 'string' && node) {
        return [node];
    }
    if (Array.isArray(node) && node.length > 0 && node.every((n) => typeof n === 'string')) {
        return node as string[];
    }
    return undefined;
}

export interface ResourceShape<N> {
    /** "container", "image", "volume", "network": used in prompts and messages. */
    readonly noun: string;
    /** The view that shows progress of actions on several. */
    readonly view: string;
    /** A current list to look ids up in and to pick from. */
    fresh(ctx: ExplorerContext): Promise<N[]>;
    /** What an invoked tree node stands for ([] for nodes of other kinds; a compose group: its containers). */
    fromNode(node: ExplorerNode): readonly N[];
    /**
     * What becomes of an invoked node: used as drawn, replaced by its fresh version (usage must be current)
     * or else kept as drawn, or replaced by its fresh version and refused when it is gone.
     */
    readonly invoked: 'asDrawn' | 'freshOrDrawn' | 'fresh';
    /** Identity: the same item in two lists has the same id. */
    id(n: N): string;
    /** Whether an id or name given as an argument means this item. */
    matches(n: N, key: string): boolean;
    name(n: N): string;
    pickItem(n: N): { label: string; description?: string; detail?: string };
    readonly pickOrder?: (a: N, b: N) => number;
    readonly matchOnDescription?: boolean;
    readonly matchOnDetail?: boolean;
    /**
     * When set, invoked items are held to the command's `eligible` too (not only the quick pick's), and
     * this says why one is not, e.g. "web is exited".
     */
    readonly ineligible?: (n: N) => string;
}

export interface TargetOptions<N> {
    /** e.g. "stop": used in prompts and messages. */
    readonly verb: string;
    /** Whether the quick pick allows several (default true). */
    readonly many?: boolean;
    /** Which items the quick pick offers (and, for shapes with `ineligible`, which invoked ones count). */
    readonly eligible?: (n: N) => boolean;
}

/** The items of the invocation, or picked by the user; undefined when there is nothing to act on. */
export async function resourceTargets<N>(
    ctx: ExplorerContext,
    shape: ResourceShape<N>,
    args: readonly unknown[],
    options: TargetOptions<N>,
): Promise<N[] | undefined> {
    const eligible = options.eligible ?? (() => true);
    let list: Promise<N[]> | undefined;
    const fresh = (): Promise<N[]> => (list ??= shape.fresh(ctx));
    const invoked = invokedNodes(args);
    if (!invoked) {
        return pick(shape, await fresh(), options.verb, options.many ?? true, eligible);
    }
    const found = new Map<string, N>();
    for (const n of invoked) {
        for (const item of await resolveOne(shape, n, fresh)) {
            found.set(shape.id(item), item);
        }
    }
    const all = [...found.values()];
    if (!shape.ineligible) {
        return all.length > 0 ? all : undefined;
    }
    const ok = all.filter(eligible);
    if (ok.length === 0) {
        const states = all.map(shape.ineligible).join(', ') || 'nothing selected';
        void vscode.window.showInformationMessage(`Nothing to ${options.verb}: ${states}.`);
        return undefined;
    }
    return ok;
}

async function resolveOne<N>(
    shape: ResourceShape<N>,
    n: ExplorerNode | string,
    fresh: () => Promise<N[]>,
): Promise<readonly N[]> {
    if (typeof n === 'string') {
        const item = (await fresh()).find((x) => shape.matches(x, n));
        if (!item) {
            throw new Error(`No such ${shape.noun}: ${n}`);
        }
        return [item];
    }
    const drawn = shape.fromNode(n);
    if (shape.invoked === 'asDrawn' || drawn.length === 0) {
        return drawn;
    }
    const all = await fresh();
    return drawn.map((d) => {
        const current = all.find((x) => shape.id(x) === shape.id(d));
        if (current) {
            return current;
        }
        if (shape.invoked === 'fresh') {
            throw new Error(`No such ${shape.noun}: ${shape.id(d)}`);
        }
        return d;
    });
}

async function pick<N>(
    shape: ResourceShape<N>,
    list: readonly N[],
    verb: string,
    many: boolean,
    eligible: (n: N) => boolean,
): Promise<N[] | undefined> {
    const candidates = list.filter(eligible);
    if (candidates.length === 0) {
        void vscode.window.showInformationMessage(`No ${shape.noun} to ${verb}.`);
        return undefined;
    }
    if (shape.pickOrder) {
        candidates.sort(shape.pickOrder);
    }
    const items = candidates.map((n) => ({ ...shape.pickItem(n), item: n }));
    const placeHolder = `${shape.noun[0]!.toUpperCase()}${shape.noun.slice(1)} to ${verb}`;
    const matchOn = { matchOnDescription: shape.matchOnDescription, matchOnDetail: shape.matchOnDetail };
    if (many) {
        const picked = await vscode.window.showQuickPick(items, { placeHolder, canPickMany: true, ...matchOn });
        return picked && picked.length > 0 ? picked.map((p) => p.item) : undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder, ...matchOn });
    return picked ? [picked.item] : undefined;
}
