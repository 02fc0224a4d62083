// A registry double on 127.0.0.1 for pull tests (no registry image or network here): just enough of the
// Distribution API v2 over plain HTTP (the engine treats 127.0.0.0/8 as an insecure registry and falls
// back to HTTP) to serve one labelled image per repository: a schema-2 manifest, its config and gzip layers.
// Layer blobs can be slowed or stalled, so a test sees real download progress and can cancel mid-layer.
import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LABELS, ROOT } from './helpers';

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };

export interface StubRepository {
    /** Uncompressed layer contents: file name → bytes (one tar per entry). */
    readonly layers: Record<string, Buffer>[];
    /** Bytes per 50 ms for layer blobs (default: all at once). */
    readonly bytesPerTick?: number;
    /** Stop sending layer blobs after this many bytes, keeping the connection open (for cancellation). */
    readonly stallAfter?: number;
    /** Answer 404 for the layer blobs (the manifest is served): the engine fails mid-pull. */
    readonly missingLayers?: boolean;
}

export interface RegistryStub {
    /** "127.0.0.1:PORT": prefix of the references to pull. */
    readonly host: string;
    /** Request lines seen ("GET /v2/…"), to prove the engine came here. */
    readonly requests: string[];
    close(): Promise<void>;
}

interface Blob {
    readonly data: Buffer;
    readonly layer: boolean;
    readonly repo: StubRepository;
}

/** A fresh random file in a layer makes its digest unique, so no earlier pull has it cached. */
export function randomLayer(bytes: number): Record<string, Buffer> {
    return { [`data-${randomBytes(4).toString('hex')}.bin`]: randomBytes(bytes) };
}

export async function startRegistryStub(repos: Record<string, StubRepository>): Promise<RegistryStub> {
    const { tarOf } = (await import(`file://${path.join(ROOT, 'test', 'support', 'engine.mjs')}`)) as {
        tarOf(files: { name: string; data: Buffer }[]): Buffer;
    };
    const manifests = new Map<string, Buffer>();
    const blobs = new Map<string, Blob>();
    for (const [name, repo] of Object.entries(repos)) {
        const tars = repo.layers.map((files) =>
            tarOf(Object.entries(files).map(([file, data]) => ({ name: file, data }))),
        );
        const gz = tars.map((t) => gzipSync(t));
        const config = Buffer.from(
            JSON.stringify({
                architecture: ARCH[process.arch] ?? process.arch,
                os: 'linux',
                created: new Date().toISOString(),
                config: { Labels: LABELS, Cmd: ['/bin/sh'] },
                rootfs: { type: 'layers', diff_ids: tars.map(sha) },
                history: tars.map(() => ({ created_by: 'dockwise registry stub' })),
            }),
        );
        blobs.set(sha(config), { data: config, layer: false, repo });
        gz.forEach((g) => blobs.set(sha(g), { data: g, layer: true, repo }));
        const manifest = {
            schemaVersion: 2,
            mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
            config: {
                mediaType: 'application/vnd.docker.container.image.v1+json',
                size: config.length,
                digest: sha(config),
            },
            layers: gz.map((g) => ({
                mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
                size: g.length,
                digest: sha(g),
            })),
        };
        manifests.set(name, Buffer.from(JSON.stringify(manifest)));
    }
    const requests: string[] = [];
    const sockets = new Set<Socket>();
    const timers = new Set<NodeJS.Timeout>();
    const server = http.createServer((req, res) => {
        requests.push(`${req.method} ${req.url}`);
        res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
        const url = req.url ?? '';
        if (url === '/v2/' || url === '/v2') {
            res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
            return;
        }
        const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/?]+)$/.exec(url);
        const manifest = m?.[2] === 'manifests' ? manifests.get(m[1]!) : undefined;
        if (manifest) {
            res.writeHead(200, {
                'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json',
                'Content-Length': manifest.length,
                'Docker-Content-Digest': sha(manifest),
            });
            res.end(req.method === 'HEAD' ? undefined : manifest);
            return;
        }
        const found = m?.[2] === 'blobs' ? blobs.get(m[3]!) : undefined;
        const blob = found?.layer && found.repo.missingLayers ? undefined : found;
        if (!blob) {
            const code = m?.[2] === 'blobs' ? 'BLOB_UNKNOWN' : 'MANIFEST_UNKNOWN';
            res.writeHead(404, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify({ errors: [{ code, message: `${code.toLowerCase()}`, detail: {} }] }));
            return;
        }
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': blob.data.length });
        const tick = blob.layer ? blob.repo.bytesPerTick : undefined;
        if (req.method === 'HEAD' || !tick) {
            res.end(req.method === 'HEAD' ? undefined : blob.data);
            return;
        }
        let sent = 0;
        const send = (): void => {
            const limit = blob.repo.stallAfter ?? Infinity;
            if (sent >= limit) {
                return; // stalled: the connection stays open until the engine gives up or we close
            }
            const chunk = blob.data.subarray(sent, Math.min(sent + tick, limit));
            sent += chunk.length;
            res.write(chunk);
            if (sent >= blob.data.length) {
                res.end();
                return;
            }
            const t = setTimeout(() => {
                timers.delete(t);
                send();
            }, 50);
            timers.add(t);
        };
        send();
    });
    server.on('connection', (s) => {
        sockets.add(s);
        s.once('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return {
        host: `127.0.0.1:${port}`,
        requests,
        close: () =>
            new Promise<void>((resolve) => {
                timers.forEach(clearTimeout);
                sockets.forEach((s) => s.destroy());
                server.close(() => resolve());
            }),
    };
}
