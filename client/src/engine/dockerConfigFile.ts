// "Make the default for the Docker CLI": sets currentContext in the Docker CLI's config.json the way
// `docker context use` does — every other key kept, written to a temp file and renamed over the original so a
// crash never leaves half a file, and never over a file we cannot parse (that file is the user's, not ours).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextDirName } from './connection';

export class DockerConfigError extends Error {
    override readonly name = 'DockerConfigError';
}

/**
 * Writes `currentContext` (removing it for "default", as the CLI does) to `<configDir>/config.json`.
 * Throws DockerConfigError when the context does not exist or config.json is not a JSON object.
 */
export function setCurrentContext(configDir: string, name: string): void {
    if (name !== 'default' && !fs.existsSync(path.join(configDir, 'contexts', 'meta', contextDirName(name)))) {
        throw new DockerConfigError(`There is no Docker context "${name}" in ${configDir}.`);
    }
    let file = path.join(configDir, 'config.json');
    try {
        file = fs.realpathSync(file); // a symlinked config.json stays a symlink: write where it points
    } catch {
        // does not exist yet
    }
    let config: Record<string, unknown> = {};
    let mode = 0o600;
    let text: string | undefined;
    try {
        text = fs.readFileSync(file, 'utf8');
        mode = fs.statSync(file).mode & 0o777;
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
            throw new DockerConfigError(`Cannot read ${file}: ${(e as Error).message}`);
        }
    }
    if (text !== undefined && text.trim() !== '') {
        let parsed: unknown;
        try {
            parsed = JSON.parse(text);
        } catch (e) {
            throw new DockerConfigError(
                `${file} is not valid JSON (${(e as Error).message}); it was left as it is. Fix it, then try again.`,
            );
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new DockerConfigError(`${file} does not hold a JSON object; it was left as it is.`);
        }
        config = parsed as Record<string, unknown>;
    }
    if (name === 'default') {
        delete config.currentContext;
    } else {
        config.currentContext = name;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = path.join(path.dirname(file), `.config.json.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
        // The CLI indents with tabs; keep its look so a diff of the file shows only our key.
        const fd = fs.openSync(temp, 'wx', mode);
        try {
            fs.writeFileSync(fd, `${JSON.stringify(config, null, '\t')}\n`);
            fs.fsyncSync(fd);
        } finally {
            fs.closeSync(fd);
        }
        fs.renameSync(temp, file);
    } catch (e) {
        fs.rmSync(temp, { force: true });
        throw new DockerConfigError(`Cannot write ${file}: ${(e as Error).message}`);
    }
}
