// A minimal stand-in for the `vscode` module, so the extension bundle and the explorer's views can run in plain
// Node. Real (working) parts: EventEmitter, Disposable, TreeItem and friends, workspace.getConfiguration (the
// defaults declared in package.json, plus overrides), window.createTreeView (a tree view whose visibility the
// bench sets). Everything else is a recursive no-op: any property is a callable, constructible stub whose calls
// return another stub; it is not a thenable, so awaiting it does not hang.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

export function noop(name = 'vscode') {
    const fn = function () {
        return noop(`${name}()`);
    };
    fn.__cache = Object.create(null);
    return new Proxy(fn, {
        get(target, prop) {
            if (prop === 'then' || typeof prop === 'symbol') {
                return undefined;
            }
            if (prop === 'prototype') {
                return target.prototype;
            }
            if (prop === 'toString' || prop === 'valueOf') {
                return () => name;
            }
            if (!(prop in target.__cache)) {
                target.__cache[prop] = noop(`${name}.${String(prop)}`);
            }
            return target.__cache[prop];
        },
        set(target, prop, value) {
            target.__cache[prop] = value;
            return true;
        },
        apply() {
            return noop(`${name}()`);
        },
        construct() {
            return noop(`new ${name}`);
        },
    });
}

class Disposable {
    constructor(fn) {
        this.fn = fn;
    }
    static from(...items) {
        return new Disposable(() => items.forEach((d) => d?.dispose?.()));
    }
    dispose() {
        this.fn?.();
        this.fn = undefined;
    }
}

class EventEmitter {
    constructor() {
        this.listeners = new Set();
        this.event = (listener, thisArg, disposables) => {
            const entry = thisArg ? listener.bind(thisArg) : listener;
            this.listeners.add(entry);
            const d = new Disposable(() => this.listeners.delete(entry));
            disposables?.push?.(d);
            return d;
        };
    }
    fire(value) {
        for (const l of [...this.listeners]) {
            l(value);
        }
    }
    dispose() {
        this.listeners.clear();
    }
}

class TreeItem {
    constructor(label, collapsibleState) {
        this.label = label;
        this.collapsibleState = collapsibleState;
    }
}
class ThemeIcon {
    constructor(id, color) {
        this.id = id;
        this.color = color;
    }
}
class ThemeColor {
    constructor(id) {
        this.id = id;
    }
}
class MarkdownString {
    constructor(value = '') {
        this.value = value;
    }
}

/** The `dockwise.*` defaults declared in package.json (contributes.configuration). */
function configurationDefaults(root) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const out = {};
    const categories = [].concat(pkg.contributes?.configuration ?? []);
    for (const c of categories) {
        for (const [key, spec] of Object.entries(c.properties ?? {})) {
            out[key] = spec.default;
        }
    }
    return out;
}

const NAMESPACES = [
    'languages',
    'env',
    'extensions',
    'tasks',
    'debug',
    'l10n',
    'authentication',
    'tests',
    'notebooks',
    'chat',
    'lm',
    'scm',
    'comments',
    'Uri',
    'Range',
    'Position',
    'Selection',
    'Location',
    'Diagnostic',
    'CodeAction',
    'CodeActionKind',
    'WorkspaceEdit',
    'TextEdit',
    'RelativePattern',
    'StatusBarAlignment',
    'ViewColumn',
    'ProgressLocation',
    'ConfigurationTarget',
    'DiagnosticSeverity',
    'TextEditorRevealType',
    'FileType',
    'CancellationTokenSource',
    'EndOfLine',
    'QuickPickItemKind',
    'LogLevel',
    'TerminalLocation',
    'ColorThemeKind',
    'UIKind',
    'ExtensionMode',
];

/** Builds the stub. `overrides`: setting values by full key (`dockwise.explorer.pollIntervalSeconds`). */
export function createVscodeStub({ root, overrides = {} } = {}) {
    const defaults = root ? configurationDefaults(root) : {};
    const value = (key) => (key in overrides ? overrides[key] : defaults[key]);
    const treeViews = new Map();
    const stub = {
        version: '1.100.0',
        Disposable,
        EventEmitter,
        TreeItem,
        ThemeIcon,
        ThemeColor,
        MarkdownString,
        TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
        OverviewRulerLane: { Left: 1, Center: 2, Right: 4, Full: 7 },
        workspace: {
            isTrusted: true,
            getConfiguration(section) {
                const full = (key) => (section ? `${section}.${key}` : key);
                return {
                    get: (key, fallback) => value(full(key)) ?? fallback,
                    has: (key) => value(full(key)) !== undefined,
                    inspect: (key) => ({
                        key: full(key),
                        defaultValue: defaults[full(key)],
                        globalValue: overrides[full(key)],
                    }),
                    update: async () => undefined,
                };
            },
            onDidChangeConfiguration: () => new Disposable(),
            onDidGrantWorkspaceTrust: () => new Disposable(),
        },
        window: {
            /** A tree view: `visible` is set by the bench with setVisible(), which fires the visibility event. */
            createTreeView(id, options) {
                const visibility = new EventEmitter();
                const view = {
                    id,
                    options,
                    visible: false,
                    message: undefined,
                    description: undefined,
                    onDidChangeVisibility: visibility.event,
                    setVisible(visible) {
                        if (view.visible !== visible) {
                            view.visible = visible;
                            visibility.fire({ visible });
                        }
                    },
                    reveal: async () => undefined,
                    dispose: () => treeViews.delete(id),
                };
                treeViews.set(id, view);
                return view;
            },
        },
        commands: {
            executeCommand: async () => undefined,
            registerCommand: () => new Disposable(),
        },
        /** For the bench: the tree views created so far, by id. */
        __treeViews: treeViews,
    };
    // Everything not defined above: recursive no-ops.
    const fallback = noop();
    const wrap = (obj, name) =>
        new Proxy(obj, {
            get(target, prop) {
                if (prop in target || typeof prop === 'symbol' || prop === 'then') {
                    return target[prop];
                }
                return fallback[`${name}.${String(prop)}`];
            },
        });
    // A bundle reads `vscode` through esbuild's __toESM, which copies the own properties: the namespaces and
    // enums activation touches must exist as properties (the proxy alone would give undefined).
    for (const name of NAMESPACES) {
        stub[name] ??= fallback[`vscode.${name}`];
    }
    stub.workspace = wrap(stub.workspace, 'workspace');
    stub.window = wrap(stub.window, 'window');
    stub.commands = wrap(stub.commands, 'commands');
    return wrap(stub, 'vscode');
}

/** Makes `require('vscode')` return `stub` in this process. */
export function installVscodeStub(stub) {
    const load = Module._load;
    Module._load = function (request, ...rest) {
        return request === 'vscode' ? stub : load.call(this, request, ...rest);
    };
}
