// Issue 5's "done when", end to end at the engine layer: an nginx-style static-site image built from a context
// with .dockerignore (BuildKit and classic), then run with a port, a named volume and a log driver; its pages
// are fetched over real HTTP from busybox httpd on the host network at 127.0.0.1 (the test engine has no
// bridge network, and no traffic goes anywhere else).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EngineClient } from '../../client/src/engine/types';
import { resolvePlan } from '../../client/src/run/runPlan';
import {
    assertEngineReachable,
    cleanup,
    client,
    docker,
    ENGINE_SKIP,
    LABELS,
    RUN_ID,
    TEST_IMAGE,
    waitFor,
} from './helpers';
import { freePort, get } from './http';

type SiteClient = EngineClient & {
    buildImage: NonNullable<EngineClient['buildImage']>;
    createContainer: NonNullable<EngineClient['createContainer']>;
};

const SITE: Record<string, string> = {
    Dockerfile: [
        `FROM ${TEST_IMAGE}`,
        'COPY html/ /www/',
        'VOLUME ["/www/uploads"]',
        'EXPOSE 8080',
        'CMD ["httpd", "-f", "-p", "8080", "-h", "/www"]',
        '',
    ].join('\n'),
    '.dockerignore': ['**/*.psd', 'html/drafts/', '.git', ''].join('\n'),
    'html/index.html': '<h1>home</h1>\n',
    'html/about/index.html': '<h1>about</h1>\n',
    'html/drafts/next.html': '<h1>not yet</h1>\n',
    'html/logo.psd': 'layered source, not for the web\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
};

describe('engine: a static site built with .dockerignore and served', { skip: ENGINE_SKIP }, () => {
    let c: SiteClient;
    let dir: string;
    const tags: string[] = [];
    const volumes: string[] = [];

    before(async () => {
        c = client() as SiteClient;
        await assertEngineReachable(c);
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-site-'));
        for (const [rel, content] of Object.entries(SITE)) {
            fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
            fs.writeFileSync(path.join(dir, rel), content);
        }
    });
    after(async () => {
        await cleanup();
        for (const tag of tags) {
            await docker()
                .getImage(tag)
                .remove({ force: true })
                .catch(() => undefined);
        }
        for (const v of volumes) {
            await c.removeVolume(v, { force: true }).catch(() => undefined);
        }
        c?.dispose();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const builder of ['buildkit', 'classic'] as const) {
        it(`builds (${builder}) without the ignored files, and serves the pages on 127.0.0.1`, async () => {
            const tag = `dockwise-test/site-${RUN_ID}-${builder}:latest`;
            tags.push(tag);
            let sent = { files: 0, bytes: 0 };
            const result = await c.buildImage(
                {
                    contextDir: dir,
                    dockerfile: path.join(dir, 'Dockerfile'),
                    tags: [tag],
                    labels: LABELS,
                    networkMode: 'none',
                    builder,
                },
                { onContext: (ctx) => (sent = ctx) },
            );
            assert.ok(result.ok, result.ok ? '' : result.failure.message);
            // Dockerfile, .dockerignore, index.html, about/index.html: the drafts, the .psd and .git stay home.
            assert.equal(sent.files, 4, 'files sent in the context');

            const volume = `dockwise-site-uploads-${RUN_ID}-${builder}`;
            volumes.push(volume);
            await c.createVolume({ name: volume, labels: LABELS });
            const port = await freePort();
            const plan = resolvePlan({
                image: tag,
                name: `dockwise-site-${RUN_ID}-${builder}`,
                labels: LABELS,
                network: 'host',
                mounts: [`${volume}:/www/uploads`],
                logDriver: 'local',
                // On the host network the port is the server's own: bind it to loopback only.
                cmd: ['httpd', '-f', '-p', `127.0.0.1:${port}`, '-h', '/www'],
            });
            assert.ok('spec' in plan, 'errors' in plan ? plan.errors.join('; ') : '');
            const { id } = await c.createContainer(plan.spec);
            await c.startContainer(id);
            const home = await waitFor('the site to answer', () =>
                get(`http://127.0.0.1:${port}/`).catch(() => undefined),
            );
            assert.deepEqual(home, { status: 200, body: '<h1>home</h1>\n' });
            assert.equal((await get(`http://127.0.0.1:${port}/about/`)).body, '<h1>about</h1>\n');
            assert.equal((await get(`http://127.0.0.1:${port}/drafts/next.html`)).status, 404, 'drafts ignored');
            assert.equal((await get(`http://127.0.0.1:${port}/logo.psd`)).status, 404, '*.psd ignored');

            const info = await docker().getContainer(id).inspect();
            assert.equal(info.HostConfig.LogConfig?.Type, 'local');
            assert.ok(
                info.Mounts.some((m) => m.Type === 'volume' && m.Name === volume && m.Destination === '/www/uploads'),
                'the named volume is mounted where the image declares its data',
            );
            await c.removeContainer(id, { force: true });
        });
    }
});
