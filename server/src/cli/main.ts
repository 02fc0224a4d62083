import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { errorText } from './errors';
import { runCliAsync } from './run';

// esbuild defines this from package.json (esbuild.mjs); the tsc build of the CLI has no version.
declare const __DOCKWISE_VERSION__: string | undefined;
const VERSION = typeof __DOCKWISE_VERSION__ === 'string' ? __DOCKWISE_VERSION__ : '0.0.0-dev';

async function main(): Promise<void> {
    // `dockwise lint | head` closes the pipe early: that is not an error worth a stack trace.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') {
            throw e;
        }
    });
    const outcome = await runCliAsync(process.argv.slice(2), {
        cwd: process.cwd(),
        env: process.env,
        stdoutIsTTY: process.stdout.isTTY === true,
        readStdin: () => readFileSync(0, 'utf8'),
        version: VERSION,
    });
    let { exitCode } = outcome;
    const stderr = [...outcome.stderr];
    if (outcome.outputFile !== undefined && exitCode !== 2) {
        try {
            writeAtomically(path.resolve(outcome.outputFile), outcome.stdout);
        } catch (e) {
            stderr.push(`dockwise: cannot write ${outcome.outputFile}: ${errorText(e)}`);
            exitCode = 2;
        }
    } else if (outcome.stdout) {
        process.stdout.write(outcome.stdout);
    }
    if (stderr.length > 0) {
        process.stderr.write(stderr.join('\n') + '\n');
    }
    // exitCode, not exit(): a piped stdout is flushed before the process ends.
    process.exitCode = exitCode;
}

/** A report file is either the old one or the whole new one, never half written. */
function writeAtomically(file: string, content: string): void {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        writeFileSync(tmp, content);
        renameSync(tmp, file);
    } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
    }
}

void main();
