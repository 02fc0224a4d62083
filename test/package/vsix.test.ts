// The packaged extension holds exactly the runtime files: what .vscodeignore's allow-list lets in,
// plus vsce's own manifest. No sources, maps, tests, docs or node_modules.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as yauzl from 'yauzl';

const ROOT = path.resolve(__dirname, '../../..');
const VSIX = path.join(ROOT, 'dist', 'dockwise.vsix');

/** Every entry of the zip, with its uncompressed content for the small text files that matter. */
function readVsix(file: string): Promise<Map<string, Buffer>> {
    return new Promise((resolve, reject) => {
        yauzl.open(file, { lazyEntries: true }, (error, zip) => {
            if (error || !zip) {
                reject(error ?? new Error('cannot open the VSIX'));
                return;
            }
            const entries = new Map<string, Buffer>();
            zip.on('error', reject);
            zip.on('end', () => resolve(entries));
            zip.on('entry', (entry: yauzl.Entry) => {
                if (entry.fileName.endsWith('/')) {
                    zip.readEntry();
                    return;
                }
                zip.openReadStream(entry, (e, stream) => {
                    if (e || !stream) {
                        reject(e ?? new Error(`cannot read ${entry.fileName}`));
                        return;
                    }
                    const chunks: Buffer[] = [];
                    stream.on('data', (c: Buffer) => chunks.push(c));
                    stream.on('end', () => {
                        entries.set(entry.fileName, Buffer.concat(chunks));
                        zip.readEntry();
                    });
                });
            });
            zip.readEntry();
        });
    });
}

/** Files under `dir` (relative to the repository, forward slashes). */
function filesUnder(dir: string): string[] {
    const full = path.join(ROOT, dir);
    if (!existsSync(full)) {
        return [];
    }
    if (!statSync(full).isDirectory()) {
        return [dir];
    }
    return readdirSync(full).flatMap((name) => filesUnder(dir ? `${dir}/${name}` : name));
}

/** The files a pattern can match: only its literal leading folders are walked (not node_modules, out, …). */
function candidates(glob: string): string[] {
    const wild = glob.search(/[*?]/);
    if (wild < 0) {
        return filesUnder(glob);
    }
    return filesUnder(glob.slice(0, glob.lastIndexOf('/', wild) + 1).replace(/\/$/, ''));
}

/** A .vscodeignore glob as a regular expression (`**` any path, `*` within one segment). */
function globToRegExp(glob: string): RegExp {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i]!;
        if (c === '*' && glob[i + 1] === '*') {
            re += '.*';
            i++;
        } else if (c === '*') {
            re += '[^/]*';
        } else if (c === '?') {
            re += '[^/]';
        } else {
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        }
    }
    return new RegExp(`^${re}$`);
}

/** vsce renames these when it packages them. */
const VSCE_RENAMES: Record<string, string> = {
    'README.md': 'readme.md',
    'CHANGELOG.md': 'changelog.md',
    LICENSE: 'LICENSE.txt',
};

/** What the allow-list admits: `**` excludes everything, each `!pattern` lets files back in. */
function expectedEntries(): string[] {
    const lines = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**', '.vscodeignore must start by excluding everything (an allow-list)');
    const allowed = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const excluded = lines.slice(1).filter((l) => !l.startsWith('!'));
    assert.deepEqual(excluded, [], 'the allow-list only lets files in');
    const files = new Set(allowed.flatMap((glob) => candidates(glob).filter((f) => globToRegExp(glob).test(f))));
    return [
        'extension.vsixmanifest',
        '[Content_Types].xml',
        ...[...files].map((f) => `extension/${VSCE_RENAMES[f] ?? f}`),
    ].sort();
}

describe('the VSIX', () => {
    let entries: Map<string, Buffer>;
    before(async () => {
        assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
        entries = await readVsix(VSIX);
    });

    it('holds exactly the files the .vscodeignore allow-list admits', () => {
        assert.deepEqual([...entries.keys()].sort(), expectedEntries());
    });

    it('holds the runtime files', () => {
        for (const file of [
            'extension/package.json',
            'extension/readme.md',
            'extension/changelog.md',
            'extension/LICENSE.txt',
            'extension/dist/extension.js',
            'extension/dist/engine.js',
            'extension/dist/server.js',
        ]) {
            assert.ok(entries.has(file), `${file} missing`);
        }
        const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as { main: string };
        assert.ok(
            entries.has(`extension/${path.posix.normalize(manifest.main)}`),
            `main ${manifest.main} is not packaged`,
        );
    });

    it('holds no sources, source maps, tests, docs, build output or dependencies', () => {
        const forbidden = [
            /\.ts$/,
            /\.map$/,
            /(^|\/)node_modules\//,
            /^extension\/(test|out|docs|client|server|bench|\.ci|\.vscode)\//,
        ];
        const bad = [...entries.keys()].filter((f) => forbidden.some((re) => re.test(f)));
        assert.deepEqual(bad, []);
        const dist = [...entries.keys()].filter((f) => f.startsWith('extension/dist/')).sort();
        assert.deepEqual(dist, ['extension/dist/engine.js', 'extension/dist/extension.js', 'extension/dist/server.js']);
    });

    it('ships self-contained bundles: they require only Node built-ins (and vscode, for the extension)', () => {
        // ssh2's optional native speed-ups, loaded in a try/catch (esbuild.mjs marks them external).
        const optional = new Set(['cpu-features', './crypto/build/Release/sshcrypto.node']);
        const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
        for (const [file, extra] of [
            // The engine layer is a sibling bundle the extension loads on first use (engineBundle.mjs).
            ['extension/dist/extension.js', ['vscode', './engine.js']],
            ['extension/dist/engine.js', []],
            ['extension/dist/server.js', []],
        ] as const) {
            const code = entries.get(file)!.toString('utf8');
            const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
            const unresolved = [...required].filter(
                (m) => !builtins.has(m) && !optional.has(m) && !extra.includes(m as never),
            );
            assert.deepEqual(unresolved, [], `${file} requires modules that are not packaged`);
        }
    });
});
