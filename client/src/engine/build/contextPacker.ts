// The build context as a tar stream, the way the docker CLI sends it: .dockerignore honoured (a
// `<Dockerfile>.dockerignore` beside the Dockerfile wins, as with BuildKit), the Dockerfile and ignore file
// always sent, symlinks sent as links but refused when they point out of the context.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { BuildContextError } from './buildTypes';

export interface PackedContext {
    /** Relative paths (forward slashes) of the files, links and empty folders sent. */
    entries: string[];
    /** Sum of the sent files' sizes (the tar adds 512-byte headers and padding). */
    bytes: number;
    /** The `dockerfile` parameter: the Dockerfile's path inside the tar. */
    dockerfileInTar: string;
    /** Which ignore file applied, relative to the context (or absolute when beside an outside Dockerfile). */
    ignoreFile?: string;
    /** Creates the tar stream (call once). */
    open(): Readable;
}

interface Matcher {
    ignores(p: string): boolean;
}

function loadMatcher(patterns: string): Matcher {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS without a default export
    const mod = require('@balena/dockerignore') as (o?: { ignorecase?: boolean }) => { add(p: string): Matcher };
    return mod({ ignorecase: false }).add(patterns);
}

function inside(root: string, p: string): boolean {
    const rel = path.relative(root, p);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function readIgnore(contextDir: string, dockerfile: string): { file?: string; patterns: string } {
    for (const candidate of [`${dockerfile}.dockerignore`, path.join(contextDir, '.dockerignore')]) {
        try {
            return { file: candidate, patterns: fs.readFileSync(candidate, 'utf8') };
        } catch {
            // try the next one
        }
    }
    return { patterns: '' };
}

/** Walks the context (synchronously: contexts are local folders) and checks every symlink. */
export function packContext(contextDir: string, dockerfile: string): PackedContext {
    const root = path.resolve(contextDir);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(root);
    } catch {
        throw new BuildContextError(`The build context ${root} does not exist.`);
    }
    if (!stat.isDirectory()) {
        throw new BuildContextError(`The build context ${root} is not a folder.`);
    }
    const realRoot = fs.realpathSync(root);
    const dockerfileAbs = path.resolve(root, dockerfile);
    if (!fs.existsSync(dockerfileAbs)) {
        throw new BuildContextError(`The Dockerfile ${dockerfileAbs} does not exist.`);
    }
    const ignore = readIgnore(root, dockerfileAbs);
    const matcher = loadMatcher(ignore.patterns);
    const dockerfileInside = inside(root, dockerfileAbs);
    const dockerfileRel = dockerfileInside ? path.relative(root, dockerfileAbs).split(path.sep).join('/') : undefined;
    const ignoreRel =
        ignore.file && inside(root, ignore.file)
            ? path.relative(root, ignore.file).split(path.sep).join('/')
            : undefined;
    // The builders need these two even when the ignore file excludes them (the CLI adds them back).
    const always = new Set([dockerfileRel, ignoreRel].filter((x): x is string => !!x));

    const entries: string[] = [];
    let bytes = 0;
    const walk = (rel: string): void => {
        const abs = path.join(root, ...rel.split('/').filter(Boolean));
        const names = fs.readdirSync(abs).sort();
        for (const name of names) {
            const childRel = rel ? `${rel}/${name}` : name;
            const childAbs = path.join(abs, name);
            const st = fs.lstatSync(childAbs);
            const ignored = matcher.ignores(childRel) && !always.has(childRel);
            if (st.isDirectory()) {
                // An excluded folder may still hold re-included files (`!dir/keep`), so it is walked anyway.
                const before = entries.length;
                walk(childRel);
                if (entries.length === before && !ignored) {
                    entries.push(childRel);
                }
                continue;
            }
            if (ignored) {
                continue;
            }
            if (st.isSymbolicLink()) {
                const target = fs.readlinkSync(childAbs);
                const lexical = path.resolve(path.dirname(childAbs), target);
                let real = lexical;
                try {
                    real = fs.realpathSync(childAbs);
                } catch {
                    // dangling link: judge it by where it points
                }
                if (!inside(root, lexical) || !inside(realRoot, real)) {
                    throw new BuildContextError(
                        `${childRel} is a symbolic link to ${target}, outside the build context ${root}. ` +
                            'Docker cannot send it: copy the file into the context or exclude the link in .dockerignore.',
                    );
                }
            } else if (st.isFile()) {
                bytes += st.size;
            } else {
                continue; // sockets, fifos, devices: tar cannot carry them meaningfully
            }
            entries.push(childRel);
        }
    };
    walk('');

    // A Dockerfile outside the context travels inside the tar under a name nobody uses, like the CLI does.
    const dockerfileInTar = dockerfileRel ?? `.dockwise-dockerfile-${randomBytes(6).toString('hex')}`;
    const outside = dockerfileRel ? undefined : fs.readFileSync(dockerfileAbs);
    if (outside) {
        bytes += outside.length;
    }
    return {
        entries,
        bytes,
        dockerfileInTar,
        ignoreFile: ignoreRel ?? ignore.file,
        open(): Readable {
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- tar-fs ships no types
            const tar = require('tar-fs') as TarFs;
            const out = new PassThrough();
            const pack = tar.pack(root, {
                entries: entries.map((e) => e.split('/').join(path.sep)),
                finalize: !outside,
                // Owner ids of the user's machine mean nothing in the image.
                map: (h) => ({ ...h, name: h.name.split(path.sep).join('/'), uid: 0, gid: 0, uname: '', gname: '' }),
                finish: (p) => {
                    if (outside) {
                        p.entry({ name: dockerfileInTar, mode: 0o644, size: outside.length }, outside);
                        p.finalize();
                    }
                },
            });
            pack.on('error', (e: Error) => out.destroy(e));
            return pack.pipe(out);
        },
    };
}

interface TarHeader {
    name: string;
    mode?: number;
    size?: number;
    uid?: number;
    gid?: number;
    uname?: string;
    gname?: string;
}
interface TarPack extends Readable {
    entry(header: TarHeader, data: Buffer): void;
    finalize(): void;
}
interface TarFs {
    pack(
        cwd: string,
        opts: {
            entries: string[];
            finalize: boolean;
            map: (h: TarHeader) => TarHeader;
            finish: (pack: TarPack) => void;
        },
    ): TarPack;
}
