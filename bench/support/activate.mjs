// Times one cold activation of an extension bundle in plain Node (run in a fresh process per sample):
// `vscode` is the stub of vscodeStub.mjs, and child_process.fork/spawn throw, so the language client cannot
// start the server (activation is timed up to the point where the client would start it).
//   node activate.mjs <bundle.js> <extension root>   → JSON on stdout
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { createVscodeStub, installVscodeStub } from './vscodeStub.mjs';

const require = createRequire(import.meta.url);
// The CommonJS module object: the bundle requires the same one, so the patches below are what it calls.
const childProcess = require('node:child_process');

const [bundle, extRoot] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const blocked = [];
for (const name of ['fork', 'spawn', 'execFile', 'exec']) {
    childProcess[name] = (...args) => {
        blocked.push(`${name} ${String(args[0])}`);
        throw new Error(`bench: child_process.${name} is blocked during the activation benchmark`);
    };
}
// The client starts after activate() returns; its failure against the stub must not end the process.
const rejections = [];
process.on('unhandledRejection', (e) => rejections.push(e instanceof Error ? e.message : String(e)));
installVscodeStub(createVscodeStub({ root: extRoot }));
globalThis.__dockwiseBenchModules = new Set();
const context = {
    subscriptions: [],
    extensionPath: extRoot,
    extensionUri: { fsPath: extRoot, scheme: 'file', path: extRoot },
    asAbsolutePath: (p) => path.join(extRoot, p),
    storageUri: undefined,
    globalStorageUri: { fsPath: path.join(extRoot, '.bench-storage'), scheme: 'file' },
    logUri: { fsPath: path.join(extRoot, '.bench-log'), scheme: 'file' },
    extensionMode: 1,
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [], setKeysForSync() {} },
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined },
    environmentVariableCollection: { replace() {}, append() {}, prepend() {}, clear() {} },
};
const cacheBefore = new Set(Object.keys(require.cache));
const c0 = process.cpuUsage();
const t0 = now();
const ext = require(path.resolve(bundle));
const t1 = now();
let activateError;
try {
    ext.activate(context);
} catch (e) {
    activateError = e instanceof Error ? e.message : String(e);
}
const t2 = now();
const cpu = process.cpuUsage(c0);
const atActivation = [...globalThis.__dockwiseBenchModules];
// What else was loaded from disk by activation (externals, if any).
const required = Object.keys(require.cache).filter(
    (k) => !cacheBefore.has(k) && k !== path.resolve(bundle) && k.includes('node_modules'),
);
setTimeout(() => {
    process.stdout.write(
        JSON.stringify({
            loadMs: t1 - t0,
            activateMs: t2 - t1,
            totalMs: t2 - t0,
            cpuMs: (cpu.user + cpu.system) / 1000,
            activateError,
            subscriptions: context.subscriptions.length,
            bundledModulesAtActivation: atActivation,
            bundledModulesAfter50ms: [...globalThis.__dockwiseBenchModules],
            requiredFromNodeModules: required,
            blockedChildProcesses: blocked,
            unhandledRejections: rejections,
        }),
    );
    process.exit(0);
}, 50);
