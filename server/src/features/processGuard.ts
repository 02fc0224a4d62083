import type { ExitCalledParams } from '../shared/protocol';
import type { Logger } from './logger';
import { errorText } from './logger';

/** The parts of `process` the guard replaces or listens to (a fake in tests). */
export interface GuardedProcess {
    exit: (code?: number) => never;
    on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
    on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface ProcessGuardOptions {
    logger: Logger;
    /** Tells the client why the server is about to end; may fail if the connection is gone. */
    report(params: ExitCalledParams): Promise<void> | void;
    /** True once the client asked for shutdown or went away: exiting then is normal and silent. */
    expectedExit(): boolean;
    /** How long to wait for the report to be written before exiting anyway. */
    flushMs?: number;
}

/**
 * Makes the server's death explicable (the vscode-eslint idiom): a library calling process.exit,
 * or an exception nothing caught, is logged and reported to the client before the process ends,
 * instead of a bare "connection closed". The client's error handler then restarts the server.
 * An unhandled promise rejection is only logged: it leaves no state half-changed.
 */
export function installProcessGuard(proc: GuardedProcess, options: ProcessGuardOptions): void {
    const realExit = proc.exit.bind(proc) as (code?: number) => never;
    const flushMs = options.flushMs ?? 1000;
    let exiting = false;

    const reportThenExit = (params: ExitCalledParams): void => {
        if (exiting) {
            return;
        }
        exiting = true;
        let done = false;
        const finish = () => {
            if (!done) {
                done = true;
                realExit(params.code);
            }
        };
        const timer = setTimeout(finish, flushMs);
        try {
            void Promise.resolve(options.report(params)).then(
                () => {
                    clearTimeout(timer);
                    finish();
                },
                () => undefined,
            );
        } catch {
            // The connection is gone: the timer still ends the process.
        }
    };

    proc.exit = ((code?: number): never => {
        if (options.expectedExit()) {
            return realExit(code);
        }
        const stack = new Error('process.exit called').stack ?? '';
        options.logger.error(
            `The server is exiting (code ${code ?? 0}) though the client did not ask it to:\n${stack}`,
        );
        reportThenExit({ reason: 'exit', code: code ?? 0, message: `process.exit(${code ?? 0}) was called`, stack });
        return undefined as never;
    }) as (code?: number) => never;

    proc.on('uncaughtException', (error: unknown) => {
        const stack = errorText(error);
        const message = error instanceof Error ? error.message : String(error);
        options.logger.error(`Uncaught exception, the server restarts: ${stack}`);
        reportThenExit({ reason: 'uncaughtException', code: 1, message, stack });
    });

    proc.on('unhandledRejection', (reason: unknown) => {
        options.logger.error(`Unhandled promise rejection: ${errorText(reason)}`);
    });
}
