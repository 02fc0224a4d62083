import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeArgv, displayCommand } from '../../../client/src/compose/composeArgs';

const V2 = { program: 'docker', prefix: ['compose'], flavor: 'v2' as const };
const V1 = { program: 'docker-compose', prefix: [], flavor: 'v1' as const };

describe('composeArgv', () => {
    it('v2: docker compose -f … -p … --profile … up -d --build svc', () => {
        const argv = composeArgv(V2, {
            action: 'up',
            files: ['/w/compose.yaml', '/w/compose.override.yaml'],
            projectName: 'shop',
            profiles: ['jobs'],
            services: ['web', 'db'],
            build: true,
        });
        assert.deepEqual(argv, [
            'compose',
            '-f',
            '/w/compose.yaml',
            '-f',
            '/w/compose.override.yaml',
            '-p',
            'shop',
            '--profile',
            'jobs',
            '--ansi',
            'never',
            'up',
            '-d',
            '--build',
            '--',
            'web',
            'db',
        ]);
    });

    it('v1: the same words without the plugin prefix; one --env-file only', () => {
        const argv = composeArgv(V1, {
            action: 'up',
            files: ['/w/docker-compose.yml'],
            projectName: 'shop',
            envFiles: ['/w/a.env', '/w/b.env'],
            forceRecreate: true,
        });
        assert.deepEqual(argv, [
            '-f',
            '/w/docker-compose.yml',
            '-p',
            'shop',
            '--env-file',
            '/w/b.env',
            '--ansi',
            'never',
            'up',
            '-d',
            '--force-recreate',
        ]);
        const v2 = composeArgv(V2, { action: 'up', files: ['/w/c.yaml'], envFiles: ['/w/a.env', '/w/b.env'] });
        assert.deepEqual(
            v2.filter((w) => w.endsWith('.env')),
            ['/w/a.env', '/w/b.env'],
            'v2 takes several',
        );
    });

    it('down removes orphans, and volumes only when asked; it takes no services', () => {
        const base = { files: ['/w/compose.yaml'], projectName: 'p', services: ['web'] };
        assert.deepEqual(composeArgv(V2, { ...base, action: 'down' }).slice(-2), ['down', '--remove-orphans']);
        assert.deepEqual(composeArgv(V1, { ...base, action: 'down', removeVolumes: true }).slice(-3), [
            'down',
            '--remove-orphans',
            '--volumes',
        ]);
    });

    it('pull is quiet in v1 (no progress bars in the output channel)', () => {
        assert.deepEqual(composeArgv(V1, { action: 'pull', files: ['/c.yml'] }).slice(-2), ['pull', '--quiet']);
        assert.deepEqual(composeArgv(V2, { action: 'pull', files: ['/c.yml'] }).slice(-1), ['pull']);
    });

    it('a hostile service or file name stays one argument', () => {
        const argv = composeArgv(V2, { action: 'stop', files: ['/w/my file;rm -rf ~.yaml'], services: ['--help'] });
        assert.ok(argv.includes('/w/my file;rm -rf ~.yaml'));
        assert.deepEqual(argv.slice(-2), ['--', '--help'], 'after --, not an option');
        assert.match(displayCommand(V2, argv), /"\/w\/my file;rm -rf ~\.yaml"/);
    });
});
