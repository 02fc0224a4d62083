// package.json against the code and the installed packages: the engine range, commands, settings
// and activation must agree with what the extension really does.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ClientCommands } from '../../server/src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
    main: string;
    engines: { vscode: string };
    activationEvents?: string[];
    contributes: {
        languages?: { id: string; filenames?: string[]; filenamePatterns?: string[]; extensions?: string[] }[];
        commands?: { command: string; title: string; category?: string }[];
        menus?: Record<string, { command?: string; alt?: string; submenu?: string; when?: string }[]>;
        configuration?: { title: string; properties: Record<string, unknown> }[];
        viewsWelcome?: { view: string; contents: string }[];
        walkthroughs?: { steps: { description: string; completionEvents?: string[] }[] }[];
    };
}

const json = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const manifest = json<Manifest>(path.join(ROOT, 'package.json'));
const declaredCommands = new Set((manifest.contributes.commands ?? []).map((c) => c.command));
const declaredSettings = new Set((manifest.contributes.configuration ?? []).flatMap((c) => Object.keys(c.properties)));

/** `^1.91.0` → [1, 91, 0]. */
function minimum(range: string): number[] {
    const m = /^\^?(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
    assert.ok(m, `unsupported version range ${range}`);
    return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function compare(a: number[], b: number[]): number {
    for (let i = 0; i < 3; i++) {
        if (a[i] !== b[i]) {
            return a[i]! - b[i]!;
        }
    }
    return 0;
}

function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
    });
}

const ARG = String.raw`('[^']*'|"[^"]*"|\x60[^\x60]*\x60|[A-Za-z_$][\w$]*)`;
const GENERIC = String.raw`(?:<(?:[^<>]|<[^<>]*>)*>)?`;

/**
 * Every `dockwise.*` setting the client reads, found in its sources: `getConfiguration(section)`
 * chained or through a variable into `.get/.inspect/.update/.has(key)`, and
 * `affectsConfiguration(key)`. Constant names are resolved to their string values.
 */
function settingsReadByClient(): { keys: Set<string>; watched: Set<string> } {
    const files = sources(path.join(ROOT, 'client', 'src')).map((f) => readFileSync(f, 'utf8'));
    const constants = new Map<string, string>();
    for (const text of files) {
        for (const m of text.matchAll(/\b(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::\s*\w+\s*)?=\s*'([^']*)'/g)) {
            constants.set(m[1]!, m[2]!);
        }
    }
    const value = (arg: string): string | undefined => {
        if (/^['"]/.test(arg)) {
            return arg.slice(1, -1);
        }
        if (arg.startsWith('`')) {
            return arg.slice(1, -1).replace(/\$\{\s*([\w$]+)\s*\}/g, (_, name: string) => constants.get(name) ?? '?');
        }
        return constants.get(arg);
    };
    const keys = new Set<string>();
    const watched = new Set<string>();
    const read = (section: string | undefined, key: string | undefined) => {
        if (section?.startsWith('dockwise') && key) {
            keys.add(`${section}.${key}`);
        }
    };
    for (const text of files) {
        const chained = new RegExp(
            String.raw`getConfiguration\(\s*${ARG}[^)]*\)\s*\.(?:get|inspect|update|has)\s*${GENERIC}\(\s*${ARG}`,
            'g',
        );
        for (const m of text.matchAll(chained)) {
            read(value(m[1]!), value(m[2]!));
        }
        const variables = new RegExp(
            String.raw`\b(?:const|let)\s+([\w$]+)\s*=\s*[\w.]*getConfiguration\(\s*${ARG}`,
            'g',
        );
        for (const v of text.matchAll(variables)) {
            const uses = new RegExp(String.raw`\b${v[1]!}\.(?:get|inspect|update|has)\s*${GENERIC}\(\s*${ARG}`, 'g');
            for (const m of text.matchAll(uses)) {
                read(value(v[2]!), value(m[1]!));
            }
        }
        for (const m of text.matchAll(new RegExp(String.raw`affectsConfiguration\(\s*${ARG}`, 'g'))) {
            const key = value(m[1]!);
            if (key?.startsWith('dockwise')) {
                watched.add(key);
            }
        }
    }
    return { keys, watched };
}

/** The server's settings: the leaves of DEFAULT_SETTINGS (a record-valued setting such as `rules` is one leaf). */
function settingsReadByServer(): string[] {
    const leaves = (value: unknown, prefix: string): string[] =>
        typeof value === 'object' && value !== null && Object.keys(value).length > 0
            ? Object.entries(value).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`))
            : [prefix];
    return leaves(DEFAULT_SETTINGS, 'dockwise');
}

describe('package.json', () => {
    it('targets the VS Code API the code is compiled against, and what vscode-languageclient needs', () => {
        const types = json<{ version: string }>(path.join(ROOT, 'node_modules', '@types', 'vscode', 'package.json'));
        assert.equal(manifest.engines.vscode, `^${types.version}`);
        const client = json<{ engines: { vscode: string } }>(
            path.join(ROOT, 'node_modules', 'vscode-languageclient', 'package.json'),
        );
        assert.ok(
            compare(minimum(manifest.engines.vscode), minimum(client.engines.vscode)) >= 0,
            `engines.vscode ${manifest.engines.vscode} is older than vscode-languageclient's ${client.engines.vscode}`,
        );
    });

    it('declares every command its menus, welcome views and walkthroughs use', () => {
        const used = new Set<string>();
        for (const entries of Object.values(manifest.contributes.menus ?? {})) {
            for (const e of entries) {
                for (const id of [e.command, e.alt]) {
                    if (id) {
                        used.add(id);
                    }
                }
            }
        }
        const links = [
            ...(manifest.contributes.viewsWelcome ?? []).map((w) => w.contents),
            ...(manifest.contributes.walkthroughs ?? []).flatMap((w) =>
                w.steps.flatMap((s) => [s.description, ...(s.completionEvents ?? [])]),
            ),
        ].join('\n');
        for (const m of links.matchAll(/(?:command:|onCommand:)(dockwise\.[\w.]+)/g)) {
            used.add(m[1]!);
        }
        assert.ok(used.size > 0);
        assert.deepEqual(
            [...used].filter((id) => !declaredCommands.has(id)),
            [],
        );
    });

    it('declares the commands the language server puts in code actions, with a category, hiding node-only ones', () => {
        for (const id of Object.values(ClientCommands)) {
            assert.ok(declaredCommands.has(id), `${id} is not declared`);
        }
        for (const c of manifest.contributes.commands ?? []) {
            assert.equal(c.category, 'Dockwise', `${c.command} has no "Dockwise" category`);
        }
        const palette = manifest.contributes.menus?.commandPalette ?? [];
        assert.ok(
            palette.some((e) => e.command === ClientCommands.turnOffRule && e.when === 'false'),
            'dockwise.turnOffRule needs a rule id: it must be hidden from the Command Palette',
        );
    });

    it('declares every dockwise.* setting the client and the server read', () => {
        const { keys, watched } = settingsReadByClient();
        // The extraction itself must work, or the checks below would pass vacuously.
        assert.ok(keys.has('dockwise.trace.server') && keys.has('dockwise.rules'), JSON.stringify([...keys]));
        const read = [...keys, ...settingsReadByServer()];
        assert.deepEqual(
            read.filter((k) => !declaredSettings.has(k)),
            [],
        );
        const known = (k: string) =>
            declaredSettings.has(k) || [...declaredSettings].some((d) => d.startsWith(`${k}.`));
        assert.deepEqual(
            [...watched].filter((k) => !known(k)),
            [],
        );
    });

    it('activates for the Dockerfile language, and the language covers Dockerfile and Containerfile names', () => {
        assert.ok(manifest.activationEvents?.includes('onLanguage:dockerfile'));
        const language = manifest.contributes.languages?.find((l) => l.id === 'dockerfile');
        assert.ok(language);
        const glob = (pattern: string) =>
            new RegExp(
                `^${pattern
                    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                    .replace(/\*/g, '.*')
                    .replace(/\?/g, '.')}$`,
                'i',
            );
        const associated = (name: string) =>
            (language.filenames ?? []).includes(name) ||
            (language.extensions ?? []).some((e) => name.toLowerCase().endsWith(e.toLowerCase())) ||
            (language.filenamePatterns ?? []).some((p) => glob(p).test(name));
        for (const name of [
            'Dockerfile',
            'Containerfile',
            'Dockerfile.dev',
            'Containerfile.prod',
            'api.dockerfile',
            'api.containerfile',
            'api.Dockerfile',
        ]) {
            assert.ok(associated(name), `${name} is not associated with the dockerfile language`);
        }
        assert.ok(!associated('notes.txt'));
    });
});
