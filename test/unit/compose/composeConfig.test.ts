import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    lineOfPath,
    normalizeProjectName,
    parseEnvFile,
    projectNameFor,
    readComposeConfig,
} from '../../../client/src/compose/composeConfig';

const BASE = `name: Shop
services:
  web:
    image: nginx
  db:
    image: postgres
  migrate:
    image: tool
    profiles: [jobs]
  debug:
    image: busybox
    profiles: ["debug", "jobs"]
`;

describe('compose config: choices for the pickers', () => {
    it('lists services in file order with their profiles, and every profile once', () => {
        const c = readComposeConfig([{ file: '/w/compose.yaml', text: BASE }]);
        assert.deepEqual(
            c.services.map((s) => [s.name, s.profiles]),
            [
                ['web', []],
                ['db', []],
                ['migrate', ['jobs']],
                ['debug', ['debug', 'jobs']],
            ],
        );
        assert.deepEqual(c.profiles, ['debug', 'jobs']);
        assert.equal(c.name, 'Shop');
        assert.deepEqual(c.problems, []);
    });

    it('an override adds services and replaces a service’s profiles, keeping what it does not say', () => {
        const override = `services:\n  db:\n    profiles: [full]\n  cache:\n    image: redis\n  web:\n    ports: ["80:80"]\n`;
        const c = readComposeConfig([
            { file: '/w/compose.yaml', text: BASE },
            { file: '/w/compose.override.yaml', text: override },
        ]);
        const byName = new Map(c.services.map((s) => [s.name, s]));
        assert.deepEqual(byName.get('db')?.profiles, ['full']);
        assert.deepEqual(byName.get('web')?.profiles, []);
        assert.equal(byName.get('web')?.image, 'nginx');
        assert.ok(byName.has('cache'));
        assert.deepEqual(c.profiles, ['debug', 'full', 'jobs']);
    });

    it('a broken file yields what it can and says where it broke', () => {
        const c = readComposeConfig([
            { file: '/w/compose.yaml', text: 'services:\n  web:\n    image: x\n   bad: [\n' },
        ]);
        assert.ok(c.problems.length > 0);
        assert.equal(c.problems[0]!.file, '/w/compose.yaml');
        assert.ok(c.problems[0]!.line >= 2);
        const empty = readComposeConfig([{ file: '/w/c.yaml', text: '' }]);
        assert.deepEqual(empty.services, []);
    });

    it('anchors and aliases are followed (x-common: &common)', () => {
        const text = `x-common: &common\n  image: busybox\n  profiles: [tools]\nservices:\n  a:\n    <<: *common\n  b: *common\n`;
        const c = readComposeConfig([{ file: '/w/c.yaml', text }]);
        assert.deepEqual(
            c.services.map((s) => [s.name, s.profiles]),
            [
                ['a', ['tools']],
                ['b', ['tools']],
            ],
        );
    });

    it('the project name as Compose derives it', () => {
        assert.equal(projectNameFor({}, '/home/me/My Shop.v2'), 'myshopv2');
        assert.equal(projectNameFor({ name: 'Shop' }, '/w'), 'shop');
        assert.equal(projectNameFor({ name: 'shop' }, '/w', { COMPOSE_PROJECT_NAME: 'other' }), 'other');
        assert.equal(normalizeProjectName('_Web-App_1'), 'web-app_1');
    });

    it('.env lines: comments, quotes, export', () => {
        assert.deepEqual(parseEnvFile('# c\nA=1\nexport B="two words"\nC=x # note\n\nbad line\n'), {
            A: '1',
            B: 'two words',
            C: 'x',
        });
    });

    it('finds the line of a key path, or of its longest existing prefix', () => {
        assert.equal(lineOfPath(BASE, ['services', 'db']), 4);
        assert.equal(lineOfPath(BASE, ['services', 'migrate', 'profiles']), 8);
        assert.equal(lineOfPath(BASE, ['services', 'db', 'networks']), 4);
        assert.equal(lineOfPath(BASE, ['volumes']), undefined);
    });
});
