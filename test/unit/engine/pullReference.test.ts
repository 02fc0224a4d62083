import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pullError, pullParameters } from '../../../client/src/engine/pull';
import { toEngineError } from '../../../client/src/engine/errors';

describe('engine: pull and create helpers', () => {
    it('never pulls every tag: a reference without tag means :latest', () => {
        assert.deepEqual(pullParameters('busybox'), { fromImage: 'busybox', tag: 'latest' });
        assert.deepEqual(pullParameters('busybox:1.36'), { fromImage: 'busybox', tag: '1.36' });
        assert.deepEqual(pullParameters('reg.example:5000/team/app'), {
            fromImage: 'reg.example:5000/team/app',
            tag: 'latest',
        });
        assert.deepEqual(pullParameters('reg.example:5000/team/app:v2'), {
            fromImage: 'reg.example:5000/team/app',
            tag: 'v2',
        });
        assert.deepEqual(pullParameters('alpine@sha256:abc'), { fromImage: 'alpine@sha256:abc' });
    });

    it('maps pull failures to causes and fixes', () => {
        assert.equal(pullError('x', 'manifest for x:9 not found: manifest unknown').cause, 'notFound');
        assert.equal(pullError('x', 'pull access denied for x, repository does not exist').cause, 'notFound');
        assert.equal(pullError('x', 'unauthorized: authentication required').cause, 'permissionDenied');
        const net = pullError('x', 'Get "https://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused');
        assert.equal(net.cause, 'unknown');
        assert.match(net.fix ?? '', /network, proxy/);
    });

    it('a container name clash is a conflict, not "in use"', () => {
        const raw = Object.assign(new Error('x'), {
            statusCode: 409,
            json: {
                message:
                    'Conflict. The container name "/web" is already in use by container "abc". You have to remove (or rename) that container to be able to reuse that name.',
            },
        });
        assert.equal(toEngineError(raw).cause, 'conflict');
    });
});
