// What the engine sections share: the image they run, the label on everything they create, the cleanup.

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
