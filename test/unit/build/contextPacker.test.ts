import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { BuildContextError } from '../../../client/src/engine/build/buildTypes';
import { packContext } from '../../../client/src/engine/build/contextPacker';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-ctx-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
    const root = path.join(tmp, name);
    for (const [rel, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), content);
    }
    return root;
}

/** The names inside the tar the packer streams (ustar headers: name at 0, size at 124, octal). */
async function tarNames(stream: NodeJS.ReadableStream): Promise<string[]> {
    const chunks: Buffer[] = [];
    for await (const c of stream) {
        chunks.push(Buffer.from(c as Buffer));
    }
    const buf = Buffer.concat(chunks);
    const names: string[] = [];
    for (let off = 0; off + 512 <= buf.length;) {
        const name = buf.toString('utf8', off, off + 100).replace(/\0.*$/s, '');
        if (!name) {
            break;
        }
        const prefix = buf.toString('utf8', off + 345, off + 500).replace(/\0.*$/s, '');
        names.push(prefix ? `${prefix}/${name}` : name);
        const size = parseInt(
            buf
                .toString('utf8', off + 124, off + 136)
                .replace(/\0.*$/s, '')
                .trim() || '0',
            8,
        );
        off += 512 + Math.ceil(size / 512) * 512;
    }
    return names.sort();
}

describe('build: context packer', () => {
    it('honours .dockerignore with exceptions, keeps the Dockerfile and ignore file, counts the bytes', async () => {
        const root = tree('ignore', {
            Dockerfile: 'FROM scratch\n',
            '.dockerignore': '*.log\nsecrets\nnode_modules\n!node_modules/keep.txt\nDockerfile\n.dockerignore\n',
            'app.js': '12345',
            'debug.log': 'x',
            'secrets/key': 'k',
            'node_modules/a/index.js': 'a',
            'node_modules/keep.txt': 'keep',
            'sub/debug.log': 'nested logs are not matched by *.log at the root',
        });
        const packed = packContext(root, path.join(root, 'Dockerfile'));
        assert.deepEqual(packed.entries.slice().sort(), [
            '.dockerignore',
            'Dockerfile',
            'app.js',
            'node_modules/keep.txt',
            'sub/debug.log',
        ]);
        assert.equal(packed.dockerfileInTar, 'Dockerfile');
        assert.equal(packed.ignoreFile, '.dockerignore');
        assert.equal(packed.bytes, fs.statSync(path.join(root, '.dockerignore')).size + 13 + 5 + 4 + 48);
        assert.deepEqual(await tarNames(packed.open()), packed.entries.slice().sort());
    });

    it('prefers <Dockerfile>.dockerignore beside the Dockerfile', () => {
        const root = tree('specific', {
            'docker/app.Dockerfile': 'FROM scratch\n',
            'docker/app.Dockerfile.dockerignore': 'big\n',
            '.dockerignore': 'small\n',
            big: 'b',
            small: 's',
        });
        const packed = packContext(root, path.join(root, 'docker', 'app.Dockerfile'));
        assert.ok(packed.entries.includes('small'));
        assert.ok(!packed.entries.includes('big'));
        assert.equal(packed.ignoreFile, 'docker/app.Dockerfile.dockerignore');
        assert.equal(packed.dockerfileInTar, 'docker/app.Dockerfile');
    });

    it('sends a Dockerfile from outside the context under its own name', async () => {
        const root = tree('outside/ctx', { 'a.txt': 'a' });
        const dockerfile = path.join(tmp, 'outside', 'Dockerfile');
        fs.writeFileSync(dockerfile, 'FROM scratch\nCOPY a.txt /\n');
        const packed = packContext(root, dockerfile);
        assert.match(packed.dockerfileInTar, /^\.dockwise-dockerfile-[0-9a-f]{12}$/);
        assert.deepEqual(await tarNames(packed.open()), [packed.dockerfileInTar, 'a.txt'].sort());
    });

    it('sends links inside the context and refuses one that points out of it', () => {
        const root = tree('links', { Dockerfile: 'FROM scratch\n', 'real.txt': 'r' });
        fs.symlinkSync('real.txt', path.join(root, 'inner-link'));
        assert.ok(packContext(root, path.join(root, 'Dockerfile')).entries.includes('inner-link'));
        fs.symlinkSync('/etc/passwd', path.join(root, 'escape'));
        assert.throws(
            () => packContext(root, path.join(root, 'Dockerfile')),
            (e: unknown) =>
                e instanceof BuildContextError && /escape is a symbolic link to \/etc\/passwd, outside/.test(e.message),
        );
        // Excluding the link makes the context sendable again.
        fs.writeFileSync(path.join(root, '.dockerignore'), 'escape\n');
        assert.ok(!packContext(root, path.join(root, 'Dockerfile')).entries.includes('escape'));
    });

    it('refuses a missing context or Dockerfile with a clear message', () => {
        assert.throws(() => packContext(path.join(tmp, 'nope'), 'Dockerfile'), /does not exist/);
        const root = tree('nodockerfile', { 'a.txt': 'a' });
        assert.throws(() => packContext(root, path.join(root, 'Dockerfile')), /Dockerfile .* does not exist/);
    });
});
