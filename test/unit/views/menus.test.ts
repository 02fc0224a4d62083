// The menus in package.json must match the context values the view models produce (and nothing else).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { EngineEntry } from '../../../client/src/engine/discovery';
import { EngineError } from '../../../client/src/engine/types';
import { engineRow } from '../../../client/src/engines/engineModel';
import { composeItem, containerItem } from '../../../client/src/views/containerModel';
import { imageItem, imageRoots } from '../../../client/src/views/imageModel';
import { networkItem, networkRoots } from '../../../client/src/views/networkModel';
import { volumeItem, volumeRoots } from '../../../client/src/views/volumeModel';
import { NOW, container, image, network, volume } from './fixtures';

const root = path.resolve(__dirname, '..', '..', '..', '..');
interface MenuEntry {
    command: string;
    when?: string;
    group?: string;
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: {
        commands: { command: string; title: string }[];
        menus: Record<string, MenuEntry[]>;
        views: Record<string, { id: string; visibility?: string }[]>;
        viewsContainers: { activitybar: { id: string; icon: string }[] };
        viewsWelcome: { view: string; when: string; contents: string }[];
        configuration: { properties: Record<string, { scope?: string; default?: unknown }> }[];
    };
    capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
};
const { contributes } = manifest;

/** Evaluates the subset of `when` syntax the item menus use: `a == b`, `a =~ /re/`, `&&`. */
function evaluate(when: string, keys: Record<string, string>): boolean {
    return when.split('&&').every((raw) => {
        const clause = raw.trim();
        let m = /^(\w+) =~ \/(.*)\/([a-z]*)$/.exec(clause);
        if (m) {
            return new RegExp(m[2]!, m[3]).test(keys[m[1]!] ?? '');
        }
        m = /^(\w+) == (\S+)$/.exec(clause);
        if (m) {
            return keys[m[1]!] === m[2];
        }
        throw new Error(`unsupported when clause: ${clause}`);
    });
}

/** Commands the context menu offers for an item in a view. */
function menuFor(view: string, contextValue: string): Set<string> {
    const out = new Set<string>();
    for (const entry of contributes.menus['view/item/context'] ?? []) {
        if (entry.when && evaluate(entry.when, { view, viewItem: contextValue })) {
            out.add(entry.command.replace(/^dockwise\./, ''));
        }
    }
    return out;
}

function assertMenu(view: string, contextValue: string, has: string[], lacks: string[]): void {
    const menu = menuFor(view, contextValue);
    for (const c of has) {
        assert.ok(menu.has(c), `${contextValue} in ${view} should offer ${c}; offers ${[...menu].join(', ')}`);
    }
    for (const c of lacks) {
        assert.ok(!menu.has(c), `${contextValue} in ${view} should not offer ${c}`);
    }
}

describe('package.json menus match the view models', () => {
    const running = containerItem({
        kind: 'container',
        info: container({ ports: [{ privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' }] }),
    }).contextValue;
    const runningNoPorts = containerItem({ kind: 'container', info: container() }).contextValue;
    const exited = containerItem({
        kind: 'container',
        info: container({ state: 'exited', status: 'Exited (0) now' }),
    }).contextValue;
    const paused = containerItem({ kind: 'container', info: container({ state: 'paused' }) }).contextValue;
    const created = containerItem({
        kind: 'container',
        info: container({ state: 'created', status: 'Created' }),
    }).contextValue;
    const unhealthy = containerItem({ kind: 'container', info: container({ health: 'unhealthy' }) }).contextValue;

    it('running containers: stop, pause, restart, shell, logs, browser (with ports), remove; no start', () => {
        assertMenu(
            'dockwise.containers',
            running,
            [
                'containers.stop',
                'containers.pause',
                'containers.restart',
                'containers.openShell',
                'containers.viewLogs',
                'containers.openInBrowser',
                'containers.remove',
                'containers.inspect',
                'containers.copyId',
            ],
            ['containers.start', 'containers.unpause'],
        );
        assertMenu('dockwise.containers', runningNoPorts, ['containers.stop'], ['containers.openInBrowser']);
        assertMenu(
            'dockwise.containers',
            unhealthy,
            ['containers.stop', 'containers.openShell', 'containers.restart'],
            ['containers.start'],
        );
    });

    it('engines: Use in This Window unless in use; Make the CLI default only for a context that is not already', () => {
        const entry = (origin: EngineEntry['origin'], cliCurrent = false): EngineEntry => ({
            id: `${origin}:x`,
            name: 'x',
            origin,
            cliCurrent,
            connection: { source: 'context', host: 'unix:///x.sock', scheme: 'unix', description: 'x' },
        });
        const down = { state: 'unreachable' as const, error: new EngineError('notRunning', 'no') };
        const view = 'dockwise.engines';
        const cases: [string, string[], string[]][] = [
            [engineRow(entry('context'), undefined, false).contextValue, ['engines.use', 'engines.makeCliDefault'], []],
            [
                engineRow(entry('context', true), undefined, false).contextValue,
                ['engines.use'],
                ['engines.makeCliDefault'],
            ],
            [engineRow(entry('context'), down, true).contextValue, ['engines.makeCliDefault'], ['engines.use']],
            [engineRow(entry('podman'), undefined, false).contextValue, ['engines.use'], ['engines.makeCliDefault']],
            [engineRow(entry('user'), undefined, true).contextValue, [], ['engines.use', 'engines.makeCliDefault']],
        ];
        for (const [contextValue, has, lacks] of cases) {
            assertMenu(view, contextValue, has, lacks);
        }
    });

    it('exited and created containers: start, no stop/pause/shell', () => {
        for (const cv of [exited, created]) {
            assertMenu(
                'dockwise.containers',
                cv,
                ['containers.start', 'containers.remove', 'containers.viewLogs', 'containers.inspect'],
                [
                    'containers.stop',
                    'containers.pause',
                    'containers.openShell',
                    'containers.openInBrowser',
                    'containers.unpause',
                ],
            );
        }
    });

    it('paused containers: unpause and stop, no pause/start', () => {
        assertMenu(
            'dockwise.containers',
            paused,
            ['containers.unpause', 'containers.stop'],
            ['containers.pause', 'containers.start'],
        );
    });

    it('container actions also apply to containers shown under volumes and networks, not images', () => {
        assertMenu('dockwise.volumes', running, ['containers.stop', 'containers.viewLogs'], ['volumes.remove']);
        assertMenu('dockwise.networks', exited, ['containers.start'], ['networks.remove']);
        assertMenu('dockwise.images', running, [], ['containers.stop']);
    });

    it('compose groups: start/stop by aggregate state, restart and remove always', () => {
        const group = (states: ('running' | 'exited')[]) =>
            composeItem({
                kind: 'compose',
                project: 'p',
                containers: states.map((state, i) => container({ id: `${i}`, state })),
            }).contextValue;
        assertMenu(
            'dockwise.containers',
            group(['running', 'running']),
            ['containers.stop', 'containers.restart', 'containers.remove'],
            ['containers.start', 'containers.viewLogs'],
        );
        assertMenu('dockwise.containers', group(['running', 'exited']), ['containers.start', 'containers.stop'], []);
        assertMenu('dockwise.containers', group(['exited']), ['containers.start'], ['containers.stop']);
    });

    it('images: tag actions only for tagged images', () => {
        const roots = imageRoots(
            [image(), image({ id: 'sha256:' + '2'.repeat(64), repoTags: [], dangling: true })],
            [],
            { showDangling: true },
        );
        const [tagged, dangling] = roots.map((r) => imageItem(r, NOW).contextValue);
        assertMenu(
            'dockwise.images',
            tagged!,
            ['images.run', 'images.inspect', 'images.copyTag', 'images.pull', 'images.remove'],
            [],
        );
        assertMenu(
            'dockwise.images',
            dangling!,
            ['images.run', 'images.inspect', 'images.remove'],
            ['images.copyTag', 'images.pull'],
        );
        assertMenu('dockwise.containers', tagged!, [], ['images.remove']);
    });

    it('volumes: inspect and remove (refused with reasons when in use)', () => {
        const used = container({
            mounts: [{ type: 'volume', name: 'data', source: 'x', destination: '/d', rw: true }],
        });
        for (const node of volumeRoots([volume(), volume({ name: 'free' })], [used])) {
            assertMenu('dockwise.volumes', volumeItem(node).contextValue, ['volumes.inspect', 'volumes.remove'], []);
        }
    });

    it('networks: built-in ones cannot be removed (action hidden), custom ones can', () => {
        const [custom, builtIn] = networkRoots([network(), network({ id: 'b', name: 'bridge' })], []).map(
            (n) => networkItem(n).contextValue,
        );
        assertMenu('dockwise.networks', custom!, ['networks.inspect', 'networks.remove'], []);
        assertMenu('dockwise.networks', builtIn!, ['networks.inspect'], ['networks.remove']);
    });
});

describe('package.json explorer contributions', () => {
    const declared = new Set(contributes.commands.map((c) => c.command));
    const table = readFileSync(path.join(root, 'client', 'src', 'commands', 'index.ts'), 'utf8');
    const registered = new Set([...table.matchAll(/'(dockwise\.[\w.]+)':/g)].map((m) => m[1]!));

    it('every menu entry names a declared command', () => {
        for (const [menu, entries] of Object.entries(contributes.menus)) {
            for (const e of entries) {
                assert.ok(declared.has(e.command), `${menu}: ${e.command} is not declared`);
            }
        }
    });

    it('every registered explorer command is declared, and every declared one registered', () => {
        assert.ok(registered.size >= 30);
        for (const id of registered) {
            assert.ok(declared.has(id), `${id} registered but not declared`);
        }
        for (const id of declared) {
            if (/^dockwise\.(explorer|containers|images|volumes|networks|logs|inspect)\./.test(id)) {
                assert.ok(registered.has(id), `${id} declared but not registered`);
            }
        }
    });

    it('one activity-bar container with the four views and Engines, volumes, networks and engines collapsed', () => {
        assert.deepEqual(
            contributes.viewsContainers.activitybar.find((c) => c.id === 'dockwise'),
            { id: 'dockwise', title: 'Dockwise', icon: 'media/dockwise.svg' },
        );
        const views = contributes.views.dockwise ?? [];
        assert.deepEqual(
            views.map((v) => v.id),
            ['dockwise.containers', 'dockwise.images', 'dockwise.volumes', 'dockwise.networks', 'dockwise.engines'],
        );
        assert.deepEqual(
            views.map((v) => v.visibility),
            [undefined, undefined, 'collapsed', 'collapsed', 'collapsed'],
        );
    });

    it('every view has a welcome message for each cause of an unreachable engine', () => {
        const causes = ['notRunning', 'permissionDenied', 'tlsFailure', 'apiTooOld', 'timeout', 'invalidHost', 'other'];
        for (const view of ['containers', 'images', 'volumes', 'networks']) {
            for (const cause of causes) {
                const entry = contributes.viewsWelcome.find(
                    (w) => w.view === `dockwise.${view}` && w.when.includes(`dockwise.engine.cause == ${cause}`),
                );
                assert.ok(entry, `${view}/${cause}`);
                assert.match(entry.when, /dockwise\.engine\.state == unreachable/);
                assert.match(entry.contents, /command:dockwise\.explorer\.retry/);
                assert.match(entry.contents, /command:dockwise\.explorer\.openSettings/);
                assert.match(entry.contents, /\(https:\/\//, 'a docs link');
            }
        }
    });

    it('the Docker host setting cannot come from an untrusted workspace', () => {
        const host = contributes.configuration.map((c) => c.properties['dockwise.docker.host']).find(Boolean);
        assert.ok(host);
        assert.ok(host.scope === 'machine' || host.scope === 'application', `scope ${host.scope}`);
        assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('dockwise.docker.host'));
    });

    it('log settings have sensible defaults', () => {
        const props = Object.assign({}, ...contributes.configuration.map((c) => c.properties)) as Record<
            string,
            { default?: unknown }
        >;
        assert.equal(props['dockwise.logs.maxLines']?.default, 10000);
        assert.equal(props['dockwise.logs.timestamps']?.default, false);
    });
});
