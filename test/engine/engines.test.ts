// Engines discovered from a real Docker CLI config folder, probed against the real engine and a dead socket.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { discoverEngines, nodeDiscoveryInputs } from '../../client/src/engine/discovery';
import { probeConnection } from '../../client/src/engine/probe';
import { cleanup, container, createContext, ENGINE_SKIP } from './helpers';

describe('engine: discovery and probing', { skip: ENGINE_SKIP }, () => {
    let tmp: string;
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-engines-'));
    });
    after(async () => {
        fs.rmSync(tmp, { recursive: true, force: true });
        await cleanup();
    });

    it('probes each context: kind, version and running count, or why it does not answer', async () => {
        const host = process.env.DOCKER_HOST!;
        createContext(tmp, 'here', host);
        createContext(tmp, 'gone', `unix://${path.join(tmp, 'nobody.sock')}`);
        await container(['sleep', '30']);
        const { engines, problems } = discoverEngines(nodeDiscoveryInputs([], { DOCKER_CONFIG: tmp }));
        assert.deepEqual(problems, []);
        const here = engines.find((e) => e.id === 'context:here')!;
        const gone = engines.find((e) => e.id === 'context:gone')!;
        const started = Date.now();
        const [up, down] = await Promise.all([
            probeConnection(here.connection, { env: {} }),
            probeConnection(gone.connection, { env: {} }),
        ]);
        assert.equal(up.state, 'reachable', up.state === 'unreachable' ? up.error.message : '');
        assert.ok(up.state === 'reachable');
        assert.equal(up.kind, 'docker');
        assert.match(up.version, /^\d+\.\d+/);
        assert.ok(up.running >= 1, `running: ${up.running}`);
        assert.ok(down.state === 'unreachable');
        assert.equal(down.error.cause, 'notRunning');
        assert.ok(Date.now() - started < 6000, 'bounded by the probe timeout');
    });
});
