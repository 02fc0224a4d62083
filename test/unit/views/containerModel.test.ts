import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    composeChildren,
    composeItem,
    containerContextValue,
    containerItem,
    containerRoots,
    containerStateIcon,
    exitCodeOf,
} from '../../../client/src/views/containerModel';
import { type ComposeNode, nodeId } from '../../../client/src/views/nodes';
import { container } from './fixtures';

describe('container state icons', () => {
    const cases: [string, Parameters<typeof containerStateIcon>[0], string, string | undefined][] = [
        ['running', { state: 'running', status: 'Up 3 minutes' }, 'vm-running', 'charts.green'],
        [
            'healthy',
            { state: 'running', health: 'healthy', status: 'Up 3 minutes (healthy)' },
            'vm-running',
            'charts.green',
        ],
        [
            'unhealthy',
            { state: 'running', health: 'unhealthy', status: 'Up (unhealthy)' },
            'warning',
            'problemsWarningIcon.foreground',
        ],
        [
            'health starting',
            { state: 'running', health: 'starting', status: 'Up 2 seconds (health: starting)' },
            'pulse',
            'charts.yellow',
        ],
        ['paused', { state: 'paused', status: 'Up 1 hour (Paused)' }, 'debug-pause', 'charts.yellow'],
        [
            'restarting',
            { state: 'restarting', status: 'Restarting (1) 2 seconds ago' },
            'debug-restart',
            'charts.orange',
        ],
        ['exited 0', { state: 'exited', status: 'Exited (0) 5 minutes ago' }, 'debug-stop', undefined],
        ['exited 137', { state: 'exited', status: 'Exited (137) 5 minutes ago' }, 'debug-stop', 'charts.red'],
        ['created', { state: 'created', status: 'Created' }, 'vm-outline', undefined],
        ['dead', { state: 'dead', status: 'Dead' }, 'error', 'charts.red'],
        ['removing', { state: 'removing', status: 'Removal In Progress' }, 'trash', 'disabledForeground'],
    ];
    for (const [title, info, iconId, colorId] of cases) {
        it(title, () => {
            const icon = containerStateIcon(info);
            assert.equal(icon.iconId, iconId);
            assert.equal(icon.colorId, colorId);
            assert.ok(icon.words.length > 0);
        });
    }
    it('reads the exit code from the status text', () => {
        assert.equal(exitCodeOf({ status: 'Exited (137) 2 minutes ago' }), 137);
        assert.equal(exitCodeOf({ status: 'Up 2 minutes' }), undefined);
        assert.equal(containerStateIcon({ state: 'exited', status: 'Exited (1) now' }).words, 'exited with code 1');
    });
});

describe('container context values', () => {
    it('encode kind, state and flags', () => {
        assert.equal(containerContextValue(container({ state: 'exited' })), 'container.exited');
        assert.equal(containerContextValue(container({ state: 'running' })), 'container.running');
        assert.equal(
            containerContextValue(
                container({ ports: [{ privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' }] }),
            ),
            'container.running.ports',
        );
        assert.equal(containerContextValue(container({ health: 'unhealthy' })), 'container.running.unhealthy');
        // Published ports matter only while running (Open in Browser).
        assert.equal(
            containerContextValue(
                container({ state: 'exited', ports: [{ privatePort: 80, publicPort: 8080, type: 'tcp' }] }),
            ),
            'container.exited',
        );
        assert.equal(
            containerContextValue(container({ ports: [{ privatePort: 80, type: 'tcp' }] })),
            'container.running',
        );
    });
});

describe('container items', () => {
    it('show name, image and status with a stable id', () => {
        const item = containerItem({
            kind: 'container',
            info: container({ id: 'abc123', name: 'api', image: 'node:20', status: 'Up 2 hours' }),
        });
        assert.equal(item.id, 'container:abc123');
        assert.equal(item.label, 'api');
        assert.equal(item.description, 'node:20 · Up 2 hours');
        assert.equal(item.iconId, 'vm-running');
        assert.equal(item.colorId, 'charts.green');
        assert.equal(item.contextValue, 'container.running');
        assert.equal(item.collapsible, 'none');
        assert.match(item.ariaLabel ?? '', /api.*running.*node:20/);
        assert.equal(item.tooltip, undefined, 'resolved lazily from inspect');
    });
    it('falls back to the state when the status text is empty', () => {
        const item = containerItem({ kind: 'container', info: container({ state: 'created', status: '' }) });
        assert.equal(item.description, 'nginx:1.27 · created');
    });
});

describe('compose grouping', () => {
    const project = (p: string) => ({ 'com.docker.compose.project': p });
    const list = [
        container({ id: '1', name: 'shop-web-1', labels: project('shop'), composeProject: 'shop' }),
        container({
            id: '2',
            name: 'shop-db-1',
            labels: project('shop'),
            composeProject: 'shop',
            state: 'exited',
            status: 'Exited (0) 1 minute ago',
        }),
        container({ id: '3', name: 'zeta' }),
        container({ id: '4', name: 'alpha' }),
        // Only the label (older engine layer or hand-made label): still grouped.
        container({ id: '5', name: 'blog-app-1', labels: project('blog') }),
    ];

    it('puts compose projects first, by name, then loose containers by name', () => {
        const roots = containerRoots(list, { groupByCompose: true });
        assert.deepEqual(roots.map(nodeId), ['compose:blog', 'compose:shop', 'container:4', 'container:3']);
    });

    it('gives groups an aggregate state, description and context value', () => {
        const shop = containerRoots(list, { groupByCompose: true })[1] as ComposeNode;
        const item = composeItem(shop);
        assert.equal(item.id, 'compose:shop');
        assert.equal(item.label, 'shop');
        assert.equal(item.description, '1/2 running');
        assert.equal(item.contextValue, 'compose.partial');
        assert.equal(item.colorId, 'charts.yellow');
        assert.equal(item.collapsible, 'expanded');
        const blog = containerRoots(list, { groupByCompose: true })[0] as ComposeNode;
        assert.equal(composeItem(blog).contextValue, 'compose.running');
        const stopped: ComposeNode = { kind: 'compose', project: 'x', containers: [list[1]!] };
        assert.equal(composeItem(stopped).contextValue, 'compose.stopped');
    });

    it('children point at their group and keep their plain container id', () => {
        const shop = containerRoots(list, { groupByCompose: true })[1] as ComposeNode;
        const children = composeChildren(shop);
        assert.deepEqual(
            children.map((c) => c.info.name),
            ['shop-db-1', 'shop-web-1'],
        );
        assert.equal(children[0]!.parent, shop);
        assert.equal(nodeId(children[0]!), 'container:2', 'grouping does not change the id');
    });

    it('lists everything flat when grouping is off', () => {
        const roots = containerRoots(list, { groupByCompose: false });
        assert.ok(roots.every((r) => r.kind === 'container'));
        assert.deepEqual(
            roots.map((r) => (r.kind === 'container' ? r.info.name : '')),
            ['alpha', 'blog-app-1', 'shop-db-1', 'shop-web-1', 'zeta'],
        );
    });

    it('ids are stable across refreshes (new objects, same ids)', () => {
        const a = containerRoots(list, { groupByCompose: true }).map(nodeId);
        const b = containerRoots(list.map((c) => ({ ...c })).reverse(), { groupByCompose: true }).map(nodeId);
        assert.deepEqual(a, b);
    });
});
