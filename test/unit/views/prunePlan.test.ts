// Dockwise: Prune…'s pure parts: what is listed (and what never is), the sizes, the confirmation's words, the
// summary of outcomes; and the name rules of Pull and Create Volume.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKeyValues, validateImageReference, validateVolumeName } from '../../../client/src/commands/dockerNames';
import {
    describePlan,
    kindDescription,
    planPrune,
    summarizeOutcomes,
    type PruneInputs,
} from '../../../client/src/commands/prunePlan';
import { container, image, network, volume } from './fixtures';

const hex = (c: string): string => c.repeat(64);
const mount = (name: string) => ({ type: 'volume', name, source: name, destination: '/d', rw: true }) as never;

function engine(): PruneInputs {
    return {
        containers: [
            container({
                id: hex('1'),
                name: 'web',
                state: 'running',
                imageId: `sha256:${hex('a')}`,
                mounts: [mount('db')],
            }),
            container({
                id: hex('2'),
                name: 'old',
                state: 'exited',
                sizeRw: 2_000_000,
                imageId: `sha256:${hex('b')}`,
                mounts: [mount('cache')],
                networks: ['backend'],
                labels: { team: 'x' },
            }),
            container({
                id: hex('3'),
                name: 'paused',
                state: 'paused',
                imageId: `sha256:${hex('c')}`,
                networks: ['front'],
            }),
            container({ id: hex('4'), name: 'never', state: 'created', imageId: `sha256:${hex('a')}` }),
        ],
        images: [
            image({ id: `sha256:${hex('a')}`, repoTags: ['nginx:1.27'] }),
            image({ id: `sha256:${hex('b')}`, repoTags: [], dangling: true, size: 5_000_000 }),
            image({ id: `sha256:${hex('c')}`, repoTags: [], dangling: true, size: 7_000_000 }),
            image({ id: `sha256:${hex('d')}`, repoTags: [], dangling: true, size: 1_000_000, labels: { team: 'x' } }),
        ],
        volumes: [
            volume({ name: 'db', size: 9_000_000 }),
            volume({ name: 'cache', size: 3_000_000 }),
            volume({ name: hex('e'), anonymous: true, size: 1_500 }),
            volume({ name: 'keep', size: 0, labels: { team: 'x' } }),
        ],
        networks: [
            network({ id: hex('n'), name: 'backend' }),
            network({ id: hex('f'), name: 'front' }),
            network({ id: hex('g'), name: 'spare', labels: { team: 'x' } }),
            network({ id: hex('h'), name: 'bridge', builtIn: true }),
            network({ id: hex('i'), name: 'host' }),
        ],
    };
}

describe('prune plan', () => {
    it('lists stopped containers, then what only they held, and never running, paused, tagged or built-in', () => {
        const plan = planPrune(engine());
        assert.deepEqual(
            plan.map((i) => `${i.kind}:${i.name}`),
            [
                'containers:old (exited)',
                'containers:never (created)',
                `images:<none> ${'b'.repeat(12)}`,
                `images:<none> ${'d'.repeat(12)}`,
                'namedVolumes:cache',
                `anonymousVolumes:${'e'.repeat(12)}`,
                'namedVolumes:keep',
                'networks:backend',
                'networks:spare',
            ],
        );
        assert.equal(plan.find((i) => i.name === 'old (exited)')?.id, hex('2'), 'removed by id');
    });

    it('a stopped container that stays keeps its image, volumes and networks', () => {
        const plan = planPrune(engine(), { kinds: ['images', 'namedVolumes', 'anonymousVolumes', 'networks'] });
        assert.deepEqual(
            plan.map((i) => i.name),
            [`<none> ${'d'.repeat(12)}`, 'e'.repeat(12), 'keep', 'spare'],
        );
    });

    it('a label filter restricts every kind (key=value or key alone)', () => {
        assert.deepEqual(
            planPrune(engine(), { label: 'team=x' }).map((i) => i.name),
            ['old (exited)', `<none> ${'d'.repeat(12)}`, 'keep', 'spare'],
        );
        assert.equal(planPrune(engine(), { label: 'team' }).length, 4);
        assert.equal(planPrune(engine(), { label: 'team=y' }).length, 0);
    });

    it('says what goes, with sizes, and what it cannot promise', () => {
        const plan = planPrune(engine());
        assert.equal(kindDescription(plan, 'containers'), '2 · 2 MB');
        assert.equal(kindDescription(plan, 'networks'), '2');
        const { message, detail } = describePlan(plan, 1);
        assert.equal(message, 'Remove 9 items and free up to 11 MB?');
        assert.equal(
            detail,
            [
                'Stopped containers (2, 2 MB):\n  old (exited) · 2 MB\n  … and 1 more',
                `Dangling images (2, 6 MB):\n  <none> ${'b'.repeat(12)} · 5 MB\n  … and 1 more`,
                `Unused anonymous volumes (1, 1.5 kB):\n  ${'e'.repeat(12)} · 1.5 kB`,
                'Unused named volumes (2, 3 MB):\n  cache · 3 MB\n  … and 1 more',
                'Unused networks (2):\n  backend\n  … and 1 more',
                'Layers shared with other images stay, so less space may be freed. The data in these volumes is deleted. Only what is listed is removed. This cannot be undone.',
            ].join('\n\n'),
        );
        assert.equal(describePlan(plan.filter((i) => i.kind === 'networks')).message, 'Remove 2 items?');
    });

    it('sums up outcomes: gone counts as done, changed and failed ones are named', () => {
        const [a, b, c, d] = planPrune(engine());
        const s = summarizeOutcomes([
            { item: a!, status: 'removed' },
            { item: b!, status: 'skipped', reason: 'running since the listing' },
            { item: c!, status: 'gone' },
            { item: d!, status: 'failed', reason: 'in use by web' },
        ]);
        assert.equal(
            s.message,
            `Removed 2 of 4 items, freed up to 2 MB, 1 left alone (changed since the listing), 1 failed: image <none> ${'d'.repeat(12)}: in use by web.`,
        );
        assert.deepEqual(s.problems, [
            `image <none> ${'d'.repeat(12)}: in use by web`,
            'container never (created): running since the listing',
        ]);
    });
});

describe('names of Pull and Create Volume', () => {
    it('image references as the engine parses them', () => {
        for (const ok of [
            'nginx',
            'nginx:1.27',
            'library/nginx:1.27-alpine',
            'ghcr.io/owner/app:latest',
            'localhost:5000/team/app',
            '127.0.0.1:5000/a/b:v2',
            `alpine@sha256:${'a'.repeat(64)}`,
            `reg.example/x:1@sha256:${'b'.repeat(64)}`,
        ]) {
            assert.equal(validateImageReference(ok), undefined, ok);
        }
        assert.match(validateImageReference('Nginx')!, /lowercase/);
        assert.match(validateImageReference('nginx latest')!, /no spaces/);
        assert.match(validateImageReference('alpine@sha256:xyz')!, /digest/);
        assert.match(validateImageReference('a//b')!, /registry/);
        assert.ok(validateImageReference(''));
        assert.equal(validateImageReference('My.Registry:5000/app'), undefined, 'a registry host may have capitals');
    });

    it('volume names: two characters at least, the engine alphabet', () => {
        assert.equal(validateVolumeName(''), undefined);
        assert.equal(validateVolumeName('db-data_1.0'), undefined);
        assert.match(validateVolumeName('x')!, /two characters/);
        assert.ok(validateVolumeName('-x'));
        assert.ok(validateVolumeName('a/b'));
    });

    it('KEY=VALUE lists: values may hold "=" and ",", quotes keep spaces', () => {
        assert.deepEqual(parseKeyValues('type=nfs o=addr=192.0.2.1,rw device=:/export'), {
            values: { type: 'nfs', o: 'addr=192.0.2.1,rw', device: ':/export' },
        });
        assert.deepEqual(parseKeyValues('"note=two words" empty='), { values: { note: 'two words', empty: '' } });
        assert.deepEqual(parseKeyValues('  '), { values: {} });
        assert.match((parseKeyValues('novalue') as { error: string }).error, /not KEY=VALUE/);
        assert.match((parseKeyValues('a=1 a=2', 'label') as { error: string }).error, /label "a" is given twice/);
        assert.match((parseKeyValues('a="1') as { error: string }).error, /quote/);
    });
});
