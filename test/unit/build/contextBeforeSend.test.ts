// A build context from a repository is sent only as the user sees it: the size is reported before a byte goes
// out, what .dockerignore excludes (a .env with secrets) never leaves, and a symlink out of the context stops the
// build before the engine is even asked its version.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { runBuild, type BuildDialer } from '../../../client/src/engine/build/buildImage';
import { BuildContextError } from '../../../client/src/engine/build/buildTypes';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-send-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A dialer that records the order of events and everything sent, and answers a successful classic build. */
function recorder(events: string[], sent: Buffer[]): BuildDialer {
    return {
        async version() {
            events.push('version');
            return { apiVersion: '1.41', os: 'linux' };
        },
        async build(_query, body: Readable) {
            events.push('build');
            for await (const chunk of body) {
                sent.push(Buffer.from(chunk as Buffer));
            }
            events.push('sent');
            const response = new PassThrough();
            response.end('{"aux":{"ID":"sha256:1"}}\n');
            return Object.assign(response, { complete: true }) as never;
        },
    };
}

describe('security: the build context', () => {
    it('shows the size before sending, and leaves out what .dockerignore excludes', async () => {
        const dir = path.join(tmp, 'app');
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
        fs.writeFileSync(path.join(dir, 'app.txt'), 'hello');
        fs.writeFileSync(path.join(dir, '.env'), 'API_TOKEN=SUPER-SECRET-TOKEN\n');
        fs.writeFileSync(path.join(dir, '.dockerignore'), '.env\n');
        const events: string[] = [];
        const sent: Buffer[] = [];
        const result = await runBuild(
            recorder(events, sent),
            { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), builder: 'classic' },
            { onContext: ({ files, bytes }) => events.push(`context ${files} files ${bytes} B`) },
        );
        // Dockerfile 22 B + app.txt 5 B + .dockerignore 5 B: the .env is not counted either.
        assert.deepEqual(events, ['context 3 files 32 B', 'version', 'build', 'sent']);
        assert.equal(result.ok, true);
        const tar = Buffer.concat(sent).toString('latin1');
        assert.ok(tar.includes('hello'), 'the context went out');
        assert.ok(!tar.includes('SUPER-SECRET-TOKEN') && !tar.includes('API_TOKEN'), '.env stayed home');
    });

    it('a symlink out of the context stops the build before the engine is asked anything', async () => {
        const dir = path.join(tmp, 'escape');
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
        fs.symlinkSync(os.homedir(), path.join(dir, 'home'));
        const events: string[] = [];
        await assert.rejects(
            runBuild(
                recorder(events, []),
                { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile') },
                {
                    onContext: () => events.push('context'),
                },
            ),
            (e: unknown) => e instanceof BuildContextError && /home is a symbolic link to .*, outside/.test(e.message),
        );
        assert.deepEqual(events, [], 'nothing shown as sent, nothing sent');
    });
});
