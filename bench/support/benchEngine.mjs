// What the engine sections share: the engine check, the image they run, the label on everything they create,
// the cleanup.
import { require } from './util.mjs';

export const BENCH_LABEL = 'dockwise.bench';
export const IMAGE = 'dockwise-test/busybox:latest';

/** Runs `fn` over `items`, `limit` at a time. */
export async function pool(items, limit, fn) {
    const out = [];
    let next = 0;
    await Promise.all(
        Array.from({ length: limit }, async () => {
            while (next < items.length) {
                const i = next++;
                out[i] = await fn(items[i], i);
            }
        }),
    );
    return out;
}

/** Removes every container carrying the bench label (and only those). */
export async function removeBenchContainers(docker) {
    const list = await docker.listContainers({ all: true, filters: { label: [`${BENCH_LABEL}=1`] } });
    await pool(list, 8, (info) =>
        docker
            .getContainer(info.Id)
            .remove({ force: true, v: true })
            .catch(() => undefined),
    );
    return list.length;
}

/**
 * The engine the section measures: a unix socket (the sections read it raw too) that answers and has IMAGE;
 * else `{ skipped }` saying why.
 */
export async function benchEngine(options) {
    const host = options.dockerHost ?? process.env.DOCKER_HOST;
    if (!host || !host.startsWith('unix://')) {
        return { skipped: `needs a unix-socket engine (DOCKER_HOST=${host ?? 'unset'})` };
    }
    const socketPath = host.slice('unix://'.length);
    const Docker = require('dockerode');
    const docker = new Docker({ socketPath });
    try {
        await docker.ping();
        await docker.getImage(IMAGE).inspect();
    } catch (e) {
        return { skipped: `engine or ${IMAGE} not reachable: ${e.message}` };
    }
    return { host, socketPath, docker };
}
