import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BuildContextError, type BuildLine, type BuildRequest } from '../../client/src/engine/build/buildTypes';
import { isEngineError, type EngineClient } from '../../client/src/engine/types';
import {
    assertEngineReachable,
    cleanup,
    client,
    container,
    docker,
    ENGINE_SKIP,
    LABELS,
    RUN_ID,
    TEST_IMAGE,
    waitFor,
} from './helpers';

const MULTI_STAGE = [
    `FROM ${TEST_IMAGE} AS builder`,
    'WORKDIR /src',
    'COPY . /ctx/',
    'RUN echo "built by $BUILDER" > /src/out.txt',
    'ARG BUILDER=nobody',
    'RUN echo "built by $BUILDER" > /src/out.txt',
    '',
    'FROM scratch',
    'COPY --from=builder /bin/busybox /bin/busybox',
    'COPY --from=builder /src/out.txt /app/out.txt',
    '',
].join('\n');

/** Runs `cmd` in the image with a TTY (plain logs), waits for it and returns what it printed. */
async function output(image: string, cmd: string[]): Promise<string> {
    const c = await container(cmd, { image, tty: true });
    await c.wait();
    const logs = await c.logs({ stdout: true, stderr: true });
    return logs.toString('utf8').replace(/\r/g, '');
}

describe('engine: image builds', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    let tmp: string;
    const tags: string[] = [];
    let seq = 0;
    const suiteStart = Date.now();

    const context = (files: Record<string, string>): string => {
        const dir = path.join(tmp, `ctx-${++seq}`);
        for (const [rel, content] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
            fs.writeFileSync(path.join(dir, rel), content);
        }
        return dir;
    };
    const build = (dir: string, extra: Partial<BuildRequest> = {}, onLine?: (l: BuildLine) => void) => {
        const tag = `dockwise-test/build-${RUN_ID}-${seq}:latest`;
        tags.push(tag);
        const build = c.buildImage;
        assert.ok(build, 'the engine client builds images');
        // The test engine has no bridge network: RUN steps get none.
        return build.call(
            c,
            {
                contextDir: dir,
                dockerfile: path.join(dir, 'Dockerfile'),
                tags: [tag],
                labels: LABELS,
                networkMode: 'none',
                ...extra,
            },
            { onLine },
        );
    };

    before(async () => {
        c = client();
        await assertEngineReachable(c);
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-build-'));
    });
    after(async () => {
        await cleanup();
        for (const tag of tags) {
            await docker()
                .getImage(tag)
                .remove({ force: true })
                .catch(() => undefined);
        }
        // The classic builder keeps each step's image as cache; they inherit the test image's label but not
        // the run label. Remove the dangling ones created while this suite ran (children before parents).
        for (let pass = 0; pass < 5; pass++) {
            const leftovers = (
                await docker().listImages({ all: true, filters: { label: ['dockwise.test=1'], dangling: ['true'] } })
            ).filter((img) => img.Created * 1000 >= suiteStart - 1000);
            let removed = 0;
            for (const img of leftovers) {
                await docker()
                    .getImage(img.Id)
                    .remove()
                    .then(() => removed++)
                    .catch(() => undefined);
            }
            if (removed === 0) {
                break;
            }
        }
        fs.rmSync(tmp, { recursive: true, force: true });
        c?.dispose();
    });

    for (const builder of ['buildkit', 'classic'] as const) {
        it(`builds a multi-stage Dockerfile (${builder}), with build args, honouring .dockerignore`, async () => {
            const dir = context({
                Dockerfile: MULTI_STAGE,
                '.dockerignore': 'secret.txt\nlogs/\n',
                'app.txt': 'app',
                'secret.txt': 'do not send',
                'logs/a.log': 'x',
            });
            const lines: BuildLine[] = [];
            const result = await build(dir, { builder, buildArgs: { BUILDER: builder } }, (l) => lines.push(l));
            assert.ok(result.ok, result.ok ? '' : result.failure.message);
            assert.equal(result.builder, builder);
            assert.match(result.imageId ?? '', /^sha256:/);
            assert.ok(result.contextBytes > 0);
            assert.ok(lines.some((l) => l.kind === 'step' && /COPY --from=builder \/src\/out.txt/.test(l.text)));
            const tag = result.tags[0] as string;
            assert.equal(await output(tag, ['/bin/busybox', 'cat', '/app/out.txt']), `built by ${builder}\n`);
            // The runtime stage has busybox alone, no shell links: it really is the small stage.
            assert.equal((await output(tag, ['/bin/busybox', 'ls', '/bin'])).trim(), 'busybox');

            const target = await build(dir, { builder, target: 'builder' });
            assert.ok(target.ok);
            const listing = await output(target.tags[0] as string, ['ls', '-A', '/ctx']);
            // secret.txt and logs/ were excluded; the Dockerfile and .dockerignore always travel.
            assert.deepEqual(listing.split(/\s+/).filter(Boolean).sort(), ['.dockerignore', 'Dockerfile', 'app.txt']);
        });

        it(`puts a failing RUN on its Dockerfile line with its last output (${builder})`, async () => {
            const dir = context({
                Dockerfile: [
                    `FROM ${TEST_IMAGE}`,
                    '# prepare',
                    'RUN echo ok',
                    'RUN echo "compiling main.c" && \\',
                    '    echo "main.c:3: error" >&2 && \\',
                    '    exit 2',
                    'RUN echo never',
                    '',
                ].join('\n'),
            });
            const result = await build(dir, { builder, noCache: true });
            assert.equal(result.ok, false);
            assert.ok(!result.ok);
            assert.deepEqual([result.failure.instruction?.line, result.failure.instruction?.endLine], [3, 5]);
            assert.ok(result.failure.output.includes('compiling main.c'), result.failure.output.join('|'));
            assert.ok(result.failure.output.includes('main.c:3: error'), result.failure.output.join('|'));
            assert.match(result.failure.message, /2/);
        });

        it(`cancelling stops a long build quickly (${builder})`, async () => {
            const dir = context({ Dockerfile: `FROM ${TEST_IMAGE}\nRUN echo start-${seq} && sleep 60\n` });
            const controller = new AbortController();
            const started = Date.now();
            let sleeping = false;
            const pending = c.buildImage(
                {
                    contextDir: dir,
                    dockerfile: path.join(dir, 'Dockerfile'),
                    labels: LABELS,
                    networkMode: 'none',
                    builder,
                    noCache: true,
                },
                {
                    signal: controller.signal,
                    onLine: (l) => {
                        if (l.kind === 'output' && /start-/.test(l.text) && !sleeping) {
                            sleeping = true;
                            controller.abort();
                        }
                    },
                },
            );
            await assert.rejects(pending, (e: unknown) => {
                return isEngineError(e) && e.cause === 'cancelled';
            });
            assert.ok(sleeping, 'the RUN step had started');
            assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
            if (builder === 'classic') {
                // The engine kills and removes the step's container once the client is gone.
                await waitFor('the build container to go', async () => {
                    const running = await docker().listContainers({ all: true });
                    return running.some((x) => /sleep 60/.test(x.Command)) ? undefined : true;
                });
            }
        });
    }

    it('refuses a context with a symlink pointing out of it, before sending anything', async () => {
        const dir = context({ Dockerfile: `FROM ${TEST_IMAGE}\nCOPY . /ctx/\n` });
        fs.symlinkSync('/etc/hostname', path.join(dir, 'host'));
        await assert.rejects(build(dir), (e: unknown) => e instanceof BuildContextError && /outside/.test(e.message));
    });
});
