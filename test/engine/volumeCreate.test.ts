// Create Volume against the real engine: what the prompts accept (name, driver options, labels) is what the
// engine accepts, and the volume it creates carries them; removal leaves nothing behind.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseKeyValues, validateVolumeName } from '../../client/src/commands/dockerNames';
import { EngineError, type EngineClient } from '../../client/src/engine/types';
import { assertEngineReachable, cleanup, client, ENGINE_SKIP, LABELS, RUN_FILTER, RUN_ID } from './helpers';

describe('engine: create volume', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    before(async () => {
        c = client();
        await assertEngineReachable(c);
    });
    after(async () => {
        await cleanup();
        c?.dispose();
    });

    it('creates a tmpfs-backed local volume with options and labels, then removes it', async () => {
        const name = `dockwise-test-created-${RUN_ID}`;
        assert.equal(validateVolumeName(name), undefined);
        const opts = parseKeyValues('type=tmpfs device=tmpfs o=size=1m,uid=1000');
        const labels = parseKeyValues('project=shop "note=made by a test"', 'label');
        assert.ok('values' in opts && 'values' in labels);
        const volume = await c.createVolume({
            name,
            driver: 'local',
            driverOpts: opts.values,
            labels: { ...labels.values, ...LABELS },
        });
        assert.deepEqual([volume.name, volume.driver], [name, 'local']);
        const inspected = await c.inspectVolume(name);
        assert.deepEqual(inspected.options, { type: 'tmpfs', device: 'tmpfs', o: 'size=1m,uid=1000' });
        assert.deepEqual([inspected.labels.project, inspected.labels.note], ['shop', 'made by a test']);
        await c.removeVolume(name);
        await assert.rejects(c.inspectVolume(name), (e: unknown) => e instanceof EngineError && e.cause === 'notFound');
    });

    it('the name rule matches the engine: what the prompt refuses, the engine refuses', async () => {
        const names = [`ok-${RUN_ID}`, `Ok.2_${RUN_ID}`, 'x', `-dash-${RUN_ID}`, `sp ace${RUN_ID}`, `sl/ash${RUN_ID}`];
        for (const name of names) {
            const accepted = await c.createVolume({ name, labels: LABELS }).then(
                () => true,
                () => false,
            );
            assert.equal(accepted, validateVolumeName(name) === undefined, name);
        }
        assert.equal((await c.listVolumes({ filters: RUN_FILTER })).length, 2);
    });

    it('offers the drivers the engine has', async () => {
        assert.ok((await c.info()).volumeDrivers?.includes('local'));
    });
});
