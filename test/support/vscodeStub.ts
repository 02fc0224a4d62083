// A stand-in for the `vscode` module so vscode-importing client code (the explorer's connection and refresh
// models, the host setting) runs under plain Node. Anything not modelled here is a do-nothing proxy that can be
// read, called, constructed and extended, so modules load; what a test needs is real (EventEmitter, commands,
// configuration, workspace trust). Import it before any such code: importing it installs it.
import Module from 'node:module';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
    private listeners = new Set<Listener<T>>();
    readonly event = (listener: Listener<T>): { dispose(): void } => {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    };
    fire(value: T): void {
        for (const l of [...this.listeners]) {
            l(value);
        }
    }
    dispose(): void {
        this.listeners.clear();
    }
}

/** What tests read and steer. */
export interface VscodeStub {
    /** `setContext` calls, in order. */
    readonly contextKeys: { key: string; value: unknown; at: number }[];
    /** Settings by full key, per scope as `inspect()` reports them. */
    readonly settings: Map<string, { globalValue?: unknown; workspaceValue?: unknown }>;
    workspace: { isTrusted: boolean };
}

function inert(): unknown {
    const target = function () {
        return undefined;
    };
    return new Proxy(target, {
        get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : inert()),
        apply: () => inert(),
        construct: () => inert() as object,
    });
}

let installed: VscodeStub | undefined;

export function installVscodeStub(): VscodeStub {
    if (installed) {
        return installed;
    }
    const stub = { contextKeys: [], settings: new Map(), workspace: { isTrusted: true } } as VscodeStub;
    const configuration = (section: string) => ({
        get<T>(key: string, fallback?: T): T | undefined {
            const s = stub.settings.get(`${section}.${key}`);
            const value = stub.workspace.isTrusted ? (s?.workspaceValue ?? s?.globalValue) : s?.globalValue;
            return (value as T | undefined) ?? fallback;
        },
        inspect: (key: string) => stub.settings.get(`${section}.${key}`),
    });
    const real: Record<string, unknown> = {
        EventEmitter,
        commands: {
            executeCommand: async (command: string, key: string, value: unknown) => {
                if (command === 'setContext') {
                    stub.contextKeys.push({ key, value, at: Date.now() });
                }
                return undefined;
            },
            registerCommand: () => ({ dispose: () => undefined }),
        },
        workspace: new Proxy(
            { getConfiguration: configuration },
            {
                get: (t, p) =>
                    p === 'isTrusted' ? stub.workspace.isTrusted : p in t ? t[p as keyof typeof t] : inert(),
            },
        ),
    };
    const vscode = new Proxy(real, { get: (t, p) => (typeof p === 'string' && p in t ? t[p] : inert()) });
    const mod = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
    const load = mod._load.bind(Module);
    mod._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscode : load(request, ...rest));
    installed = stub;
    return stub;
}

// Importing this module installs the stand-in: TypeScript hoists imports, so a test that imports it first
// has it in place before any vscode-importing module loads.
installVscodeStub();
