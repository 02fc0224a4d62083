// Exec through the Engine API: an interactive TTY session shaped for a Pseudoterminal, and run-to-completion.
import type { Duplex } from 'node:stream';
import { FrameDemuxer } from './demux';
import { HijackedSession } from './hijackedSession';
import { obj, str } from './mappers';
import { deadline, delay } from './timeouts';
import type { Transport } from './transport';
import { EngineError, type CallOptions, type ExecOptions, type ExecResult, type ExecSession } from './types';

export const DEFAULT_SHELLS = ['/bin/bash', '/bin/sh'];

const enc = encodeURIComponent;

/** The first candidate that exists in the container's filesystem (HEAD archive = stat, no exec needed). */
export async function pickShell(
    transport: Transport,
    id: string,
    shells: string[],
    options?: CallOptions,
): Promise<string> {
    for (const shell of shells) {
        try {
            await transport.request(
                {
                    method: 'HEAD',
                    path: `/containers/${enc(id)}/archive`,
                    query: { path: shell },
                    operation: `look for ${shell}`,
                },
                options,
            );
            return shell;
        } catch (e) {
            if (!(e instanceof EngineError) || e.cause !== 'notFound') {
                throw e;
            }
        }
    }
    throw new EngineError(
        'notFound',
        `No shell found in the container (looked for ${shells.join(', ')}).`,
        'Images built FROM scratch or distroless have no shell; run a specific command instead.',
    );
}

async function createExec(
    transport: Transport,
    id: string,
    body: Record<string, unknown>,
    options?: CallOptions,
): Promise<string> {
    const created = await transport.request<unknown>(
        {
            method: 'POST',
            path: `/containers/${enc(id)}/exec`,
            body,
            ok: [201],
            operation: 'start a process in the container',
        },
        options,
    );
    return str(obj(created).Id);
}

/** Exit code once the process ended; the stream can close a moment before the engine records it. */
export async function execExitCode(transport: Transport, execId: string, waitMs = 5000): Promise<number | undefined> {
    const end = Date.now() + waitMs;
    for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
        const info = obj(
            await transport.request<unknown>({
                method: 'GET',
                path: `/exec/${enc(execId)}/json`,
                operation: 'read the exit code',
            }),
        );
        if (info.Running !== true) {
            return typeof info.ExitCode === 'number' ? info.ExitCode : undefined;
        }
        if (Date.now() > end) {
            return undefined;
        }
        await delay(pause);
    }
}

class ApiExecSession extends HijackedSession implements ExecSession {
    constructor(
        transport: Transport,
        readonly execId: string,
        readonly command: string[],
        socket: Duplex,
        tty: boolean,
    ) {
        super(transport, socket, tty, `/exec/${enc(execId)}/resize`);
    }

    protected async exitAfterEnd(): Promise<{ code: number | undefined }> {
        return { code: await execExitCode(this.transport, this.execId).catch(() => undefined) };
    }
}

/** Starts an interactive process (default: the first shell found) attached to a hijacked connection. */
export async function openExecSession(
    transport: Transport,
    id: string,
    options: ExecOptions = {},
): Promise<ExecSession> {
    const tty = options.tty ?? true;
    const command = options.cmd ?? [await pickShell(transport, id, options.shells ?? DEFAULT_SHELLS, options)];
    const size = options.cols && options.rows ? [Math.floor(options.rows), Math.floor(options.cols)] : undefined;
    const execId = await createExec(
        transport,
        id,
        {
            AttachStdin: true,
            AttachStdout: true,
            AttachStderr: true,
            Tty: tty,
            Cmd: command,
            Env: options.env,
            User: options.user,
            WorkingDir: options.workingDir,
            ConsoleSize: size, // API ≥ 1.42; older engines ignore it and get the resize below
        },
        options,
    );
    const socket = await transport.hijack(
        {
            method: 'POST',
            path: `/exec/${enc(execId)}/start`,
            body: { Detach: false, Tty: tty, ConsoleSize: size },
            ok: [101, 200],
            operation: 'attach to the process',
        },
        options,
    );
    const session = new ApiExecSession(transport, execId, command, socket, tty);
    if (size) {
        await session.resize(size[1] ?? 80, size[0] ?? 24).catch(() => undefined);
    }
    return session;
}

/** Runs a command without TTY to completion; stdout/stderr collected separately. The timeout covers the run. */
export async function runExecToCompletion(
    transport: Transport,
    id: string,
    cmd: string[],
    options: CallOptions & { user?: string; workingDir?: string } = {},
): Promise<ExecResult> {
    const d = deadline(options, transport.defaultTimeoutMs);
    try {
        const execId = await createExec(
            transport,
            id,
            {
                AttachStdout: true,
                AttachStderr: true,
                Tty: false,
                Cmd: cmd,
                User: options.user,
                WorkingDir: options.workingDir,
            },
            { signal: d.signal, timeoutMs: 0 },
        );
        const { response } = await transport.stream(
            {
                method: 'POST',
                path: `/exec/${enc(execId)}/start`,
                body: { Detach: false, Tty: false },
                operation: `run ${cmd.join(' ')}`,
            },
            { signal: d.signal, timeoutMs: 0 },
        );
        const out = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
        const demux = new FrameDemuxer();
        await new Promise<void>((resolve, reject) => {
            response.on('data', (chunk: Buffer) => {
                for (const f of demux.push(chunk)) {
                    out[f.stream].push(Buffer.from(f.data));
                }
            });
            response.on('end', resolve);
            response.on('error', reject);
            response.on('close', () => (d.signal.aborted ? reject(new Error('aborted')) : resolve()));
        });
        return {
            exitCode: await execExitCode(transport, execId),
            stdout: Buffer.concat(out.stdout).toString('utf8'),
            stderr: Buffer.concat(out.stderr).toString('utf8'),
        };
    } catch (e) {
        throw transport.mapError(e, { operation: `run ${cmd.join(' ')}` }, d.reason, d.timeoutMs);
    } finally {
        d.dispose();
    }
}
