// The engine tests' side of test/support/registry.mjs (a real docker-registry on loopback): typed access, and
// labelled images built from the busybox test image with fresh random layers, pushed there and removed locally.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { docker, LABELS, ROOT, TEST_IMAGE } from './helpers';

export interface RealRegistry {
    /** "127.0.0.1:PORT": the prefix of references pushed here. */
    readonly host: string;
    readonly url: string;
    readonly dir: string;
    /** Blob storage: `sha256/<2 hex>/<hex>/data` per blob. */
    readonly blobs: string;
    readonly pid: number;
    /** SIGKILL: the registry goes away mid-request. */
    kill(): Promise<void>;
    stop(): Promise<void>;
    /** A relay to the same registry answering at most `bytesPerSecond` (slow pulls for progress and cancel). */
    throttled(bytesPerSecond: number): Promise<{ host: string; close(): void }>;
}

interface RegistrySupport {
    registrySkip(): string | false;
    startRegistry(opts?: { auth?: { user: string; password: string }; deleteEnabled?: boolean }): Promise<RealRegistry>;
}

async function support(): Promise<RegistrySupport> {
    return (await import(`file://${path.join(ROOT, 'test', 'support', 'registry.mjs')}`)) as RegistrySupport;
}

/** Outside CI, why the registry tests are skipped (docker-registry cannot be installed); under CI it throws. */
export async function registrySkip(): Promise<string | false> {
    return (await support()).registrySkip();
}

export async function startRegistry(opts?: {
    auth?: { user: string; password: string };
    deleteEnabled?: boolean;
}): Promise<RealRegistry> {
    return (await support()).startRegistry(opts);
}

/** A file of fresh random bytes, so no earlier pull or push has its layer. */
export function randomFile(bytes: number): Buffer {
    return randomBytes(bytes);
}

/**
 * Builds `ref` FROM the busybox test image with one COPY layer per file (classic builder, labelled), so the image
 * has layers the registry and the engine have never seen.
 */
export async function buildImage(ref: string, files: Record<string, Buffer>): Promise<void> {
    const { tarOf } = (await import(`file://${path.join(ROOT, 'test', 'support', 'engine.mjs')}`)) as {
        tarOf(files: { name: string; data: Buffer }[]): Buffer;
    };
    const dockerfile = [`FROM ${TEST_IMAGE}`, ...Object.keys(files).map((f) => `COPY ${f} /${f}`), ''].join('\n');
    const tar = tarOf([
        { name: 'Dockerfile', data: Buffer.from(dockerfile) },
        ...Object.entries(files).map(([name, data]) => ({ name, data })),
    ]);
    const d = docker();
    const stream = await d.buildImage(Readable.from([tar]), { t: ref, labels: LABELS, version: '1', rm: true });
    await follow(stream, `build ${ref}`);
}

/** Pushes with the engine directly (test setup, not the code under test) and fails on an in-stream error. */
export async function pushRaw(ref: string): Promise<void> {
    // The engine refuses a push without X-Registry-Auth, even an empty one.
    const stream = await docker().getImage(ref).push({ authconfig: {} });
    await follow(stream, `push ${ref}`);
}

/** Removes local images by reference, ignoring ones already gone. */
export async function removeLocal(...refs: string[]): Promise<void> {
    for (const ref of refs) {
        await docker()
            .getImage(ref)
            .remove({ force: true })
            .catch(() => undefined);
    }
}

function follow(stream: NodeJS.ReadableStream, what: string): Promise<void> {
    return new Promise<void>((resolve, reject) =>
        docker().modem.followProgress(stream, (err: unknown, out: { error?: string }[]) => {
            const failed = err ?? out.find((o) => o.error)?.error;
            if (failed) {
                reject(new Error(`${what} failed: ${String(failed)}`));
            } else {
                resolve();
            }
        }),
    );
}

/** Deletes a blob's data from the registry's storage: the registry then answers "blob unknown" for it. */
export function damageBlob(registry: RealRegistry, digest: string): void {
    const hex = digest.replace(/^sha256:/, '');
    fs.rmSync(path.join(registry.blobs, 'sha256', hex.slice(0, 2), hex, 'data'));
}
