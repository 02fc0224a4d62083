import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { baseFilesIn, fileSetFor, isComposeFile } from '../../../client/src/compose/composeFiles';

const d = path.join(path.sep, 'w');
const at = (...names: string[]): string[] => names.map((n) => path.join(d, n));

describe('compose file discovery', () => {
    it('recognises the default names, overrides and variants, and listed files', () => {
        for (const n of [
            'compose.yaml',
            'compose.yml',
            'docker-compose.yaml',
            'docker-compose.yml',
            'compose.override.yaml',
            'docker-compose.prod.yml',
        ]) {
            assert.ok(isComposeFile(path.join(d, n)), n);
        }
        for (const n of ['compose.json', 'my-compose.yaml', 'values.yaml', 'Dockerfile']) {
            assert.ok(!isComposeFile(path.join(d, n)), n);
        }
        assert.ok(isComposeFile(path.join(d, 'stack.yaml'), ['stack.yaml']));
    });

    it('orders base files as Compose prefers them', () => {
        assert.deepEqual(baseFilesIn(['docker-compose.yml', 'compose.override.yaml', 'compose.yaml', 'x.yaml']), [
            'compose.yaml',
            'docker-compose.yml',
        ]);
    });

    it('a base file brings its override along; a variant goes on top of base and override', () => {
        const siblings = ['compose.yaml', 'compose.override.yaml', 'compose.prod.yaml', 'README.md'];
        assert.deepEqual(fileSetFor(path.join(d, 'compose.yaml'), siblings), {
            files: at('compose.yaml', 'compose.override.yaml'),
            workingDir: d,
        });
        assert.deepEqual(
            fileSetFor(path.join(d, 'compose.prod.yaml'), siblings).files,
            at('compose.yaml', 'compose.override.yaml', 'compose.prod.yaml'),
        );
        assert.deepEqual(
            fileSetFor(path.join(d, 'compose.override.yaml'), siblings).files,
            at('compose.yaml', 'compose.override.yaml'),
        );
    });

    it('pairs docker-compose.* with docker-compose.yml, and honours the chosen base', () => {
        const siblings = ['compose.yaml', 'docker-compose.yml', 'docker-compose.override.yml', 'docker-compose.ci.yml'];
        assert.deepEqual(
            fileSetFor(path.join(d, 'docker-compose.ci.yml'), siblings).files,
            at('docker-compose.yml', 'docker-compose.override.yml', 'docker-compose.ci.yml'),
        );
        assert.deepEqual(fileSetFor(path.join(d, 'compose.yaml'), siblings).files, at('compose.yaml'));
        assert.deepEqual(
            fileSetFor(path.join(d, 'docker-compose.ci.yml'), siblings, 'compose.yaml').files,
            at('compose.yaml', 'docker-compose.ci.yml'),
        );
    });

    it('a listed file of another name is used alone', () => {
        assert.deepEqual(
            fileSetFor(path.join(d, 'stack.yaml'), ['stack.yaml', 'compose.yaml']).files,
            at('stack.yaml'),
        );
    });
});
