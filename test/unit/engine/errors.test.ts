import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toEngineError, usersFromMessage } from '../../../client/src/engine/errors';
import type { ResolvedConnection } from '../../../client/src/engine/types';
import { fixture } from './fixtures';

interface Recorded {
    statusCode: number;
    json: unknown;
    message: string;
}
const recorded = fixture<Record<string, Recorded>>('errors.json');
/** docker-modem's error object for a recorded engine refusal. */
const modemError = (r: Recorded): Error =>
    Object.assign(new Error(r.message), { statusCode: r.statusCode, json: r.json });
const sock: ResolvedConnection = {
    source: 'default',
    host: 'unix:///var/run/docker.sock',
    scheme: 'unix',
    description: '',
};
const tcp: ResolvedConnection = {
    source: 'env',
    host: 'tcp://192.0.2.1:2376',
    scheme: 'tcp',
    hostname: '192.0.2.1',
    description: '',
};
const sysError = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('engine errors: recorded engine refusals', () => {
    it('404 → notFound with the engine message', () => {
        const e = toEngineError(modemError(recorded.containerNotFound!), { operation: 'inspect container nope' });
        assert.equal(e.cause, 'notFound');
        assert.equal(e.message, 'Could not inspect container nope: No such container: nope-does-not-exist');
        assert.equal(e.details.statusCode, 404);
    });

    it('409 volume in use → inUse naming the container ids', () => {
        const e = toEngineError(modemError(recorded.volumeInUse!));
        assert.equal(e.cause, 'inUse');
        assert.equal(e.details.usedBy?.length, 1);
        assert.match(e.details.usedBy?.[0] ?? '', /^[0-9a-f]{64}$/);
    });

    it('409 image in use → inUse naming the container', () => {
        const e = toEngineError(modemError(recorded.imageInUse!));
        assert.equal(e.cause, 'inUse');
        assert.match(e.details.usedBy?.[0] ?? '', /^[0-9a-f]{12}$/);
    });

    it('409 running container → conflict; 403 pre-defined network → conflict', () => {
        assert.equal(toEngineError(modemError(recorded.containerRunningRemove!)).cause, 'conflict');
        const net = toEngineError(modemError(recorded.builtinNetworkRemove!));
        assert.equal(net.cause, 'conflict');
        assert.match(net.fix ?? '', /Built-in networks/);
    });

    it('501 on a log driver → logsUnavailable', () => {
        assert.equal(toEngineError(modemError(recorded.logsDriverNone!)).cause, 'logsUnavailable');
    });

    it('400 "client version … is too old" (plain-text body) → apiTooOld', () => {
        const e = toEngineError(modemError(recorded.tooOldApi!));
        assert.equal(e.cause, 'apiTooOld');
        assert.match(e.message, /too old/);
        // The same body as a Buffer, as docker-modem hands it over.
        const raw = Object.assign(new Error('x'), {
            statusCode: 400,
            json: Buffer.from(String(recorded.tooOldApi!.json)),
        });
        assert.equal(toEngineError(raw).cause, 'apiTooOld');
        const min = Object.assign(new Error('x'), {
            statusCode: 400,
            json: { message: 'minimum supported API version is 1.24' },
        });
        assert.equal(toEngineError(min).cause, 'apiTooOld');
    });

    it('400 "Client sent an HTTP request to an HTTPS server" → tlsFailure', () => {
        const raw = Object.assign(new Error('x'), {
            statusCode: 400,
            json: Buffer.from('Client sent an HTTP request to an HTTPS server.\n'),
        });
        const e = toEngineError(raw, { connection: tcp });
        assert.equal(e.cause, 'tlsFailure');
        assert.match(e.fix ?? '', /DOCKER_TLS_VERIFY/);
    });
});

describe('engine errors: transport failures', () => {
    it('ENOENT / ECONNREFUSED on the socket → notRunning with "Is Docker running?"', () => {
        for (const code of ['ENOENT', 'ECONNREFUSED']) {
            const e = toEngineError(sysError(code), { operation: 'list containers', connection: sock });
            assert.equal(e.cause, 'notRunning');
            assert.match(e.message, /^Could not list containers: cannot reach unix:\/\/\/var\/run\/docker\.sock/);
            assert.match(e.fix ?? '', /Is Docker running\?.*systemctl start docker/);
        }
        assert.match(toEngineError(sysError('ECONNREFUSED'), { connection: tcp }).fix ?? '', /that host/);
    });

    it('EACCES → permissionDenied (docker group, rootless)', () => {
        const e = toEngineError(sysError('EACCES'), { connection: sock });
        assert.equal(e.cause, 'permissionDenied');
        assert.match(e.fix ?? '', /docker group.*rootless/s);
    });

    it('TLS failures → tlsFailure', () => {
        for (const code of [
            'DEPTH_ZERO_SELF_SIGNED_CERT',
            'ERR_SSL_WRONG_VERSION_NUMBER',
            'ERR_TLS_CERT_ALTNAME_INVALID',
            'EPROTO',
        ]) {
            assert.equal(toEngineError(sysError(code), { connection: tcp }).cause, 'tlsFailure', code);
        }
        assert.equal(toEngineError(new Error('ssl3_get_record:wrong version number')).cause, 'tlsFailure');
    });

    it('abort → cancelled; our deadline → timeout (whatever the raw error)', () => {
        const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
        assert.equal(toEngineError(abort).cause, 'cancelled');
        const t = toEngineError(abort, { operation: 'list images' }, { reason: 'timeout', timeoutMs: 15000 });
        assert.equal(t.cause, 'timeout');
        assert.match(t.message, /within 15 s/);
        assert.equal(toEngineError(sysError('ECONNRESET'), {}, { reason: 'cancelled' }).cause, 'cancelled');
    });

    it('ssh failures are told apart', () => {
        assert.equal(toEngineError(new Error('Host denied (verification failed)')).cause, 'permissionDenied');
        const auth = Object.assign(new Error('All configured authentication methods failed'), {
            level: 'client-authentication',
        });
        assert.match(toEngineError(auth).fix ?? '', /ssh-add/);
    });

    it('anything else → unknown, keeping the message', () => {
        const e = toEngineError('weird');
        assert.deepEqual([e.cause, e.message], ['unknown', 'weird']);
    });

    it('extracts users from engine messages', () => {
        assert.deepEqual(usersFromMessage('remove v: volume is in use - [abc, def]'), ['abc', 'def']);
        assert.deepEqual(usersFromMessage('conflict: … - container 0123456789ab is using its referenced image'), [
            '0123456789ab',
        ]);
        assert.deepEqual(usersFromMessage('nothing'), []);
    });
});
