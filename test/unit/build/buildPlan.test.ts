import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    buildCommandLine,
    defaultTag,
    dockerfileFacts,
    failureMessage,
    untrustedBuildQuestion,
    validateTag,
} from '../../../client/src/build/buildPlan';

describe('build: plan helpers (command-line preview, facts, tags)', () => {
    it('lists named stages and ARGs with defaults, continuations and duplicates handled', () => {
        const facts = dockerfileFacts(
            [
                'ARG GO_VERSION=1.22',
                'FROM golang:${GO_VERSION} AS build',
                'ARG TARGETOS TARGETARCH \\',
                '    VERSION="1.0 beta"',
                'RUN go build',
                'FROM scratch AS runtime',
                'ARG VERSION',
                'FROM runtime',
            ].join('\r\n'),
        );
        assert.deepEqual(facts.stages, ['build', 'runtime']);
        assert.deepEqual(facts.args, [
            { name: 'GO_VERSION', defaultValue: '1.22' },
            { name: 'TARGETOS' },
            { name: 'TARGETARCH' },
            { name: 'VERSION', defaultValue: '1.0 beta' },
        ]);
    });

    it('derives a valid default tag from the folder name', () => {
        assert.equal(defaultTag('My App'), 'my-app:latest');
        assert.equal(defaultTag('__'), 'image:latest');
        assert.equal(validateTag(defaultTag('Web_Site 2')), undefined);
    });

    it('validates image references', () => {
        assert.equal(validateTag('app:latest'), undefined);
        assert.equal(validateTag('localhost:5000/team/app:v1.2'), undefined);
        assert.equal(validateTag('registry.example.com/a/b'), undefined);
        assert.match(validateTag('App:latest') ?? '', /lower case/);
        assert.match(validateTag('app:-bad') ?? '', /not a valid tag/);
        assert.match(validateTag('  ') ?? '', /Enter a name/);
    });

    it('shows the equivalent docker build command line, quoted', () => {
        assert.equal(
            buildCommandLine(
                {
                    contextDir: '/ws/app',
                    dockerfile: '/ws/app/docker/prod.Dockerfile',
                    tag: 'app:latest',
                    target: 'runtime',
                    buildArgs: { VERSION: '1.0 beta', GO: '1.22' },
                    noCache: true,
                    pull: true,
                    platform: 'linux/amd64',
                },
                '/ws',
            ),
            "docker build -f app/docker/prod.Dockerfile -t app:latest --target runtime --build-arg 'VERSION=1.0 beta' " +
                '--build-arg GO=1.22 --no-cache --pull --platform linux/amd64 app',
        );
        assert.equal(
            buildCommandLine({ contextDir: '/ws', dockerfile: '/ws/Dockerfile', tag: 'x:1' }, '/ws'),
            'docker build -t x:1 .',
        );
    });

    it('puts the last output lines under the failure message', () => {
        assert.equal(
            failureMessage({ message: 'exit code: 2', output: ['a', '', 'b', 'c'] }, 2),
            'exit code: 2\n\nLast output:\nb\nc',
        );
        assert.equal(failureMessage({ message: 'm', output: [] }), 'm');
    });
});

describe('build: workspace trust', () => {
    it('an untrusted workspace is asked, naming what is sent where and what runs', () => {
        const q = untrustedBuildQuestion(
            { contextDir: '/repo/app', dockerfile: '/repo/app/Dockerfile' },
            'DOCKER_HOST = unix:///var/run/docker.sock',
        );
        assert.match(q.message, /untrusted/);
        assert.match(q.detail, /\/repo\/app .*\.dockerignore/);
        assert.match(q.detail, /unix:\/\/\/var\/run\/docker\.sock/);
        assert.match(q.detail, /RUN steps of \/repo\/app\/Dockerfile/);
        assert.equal(q.confirm, 'Build');
    });
});
