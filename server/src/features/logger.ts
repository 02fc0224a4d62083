import type { Connection } from 'vscode-languageserver/node';

/** Where the server writes: the client's "Dockwise" output channel (never stdout: that may be the transport). */
export interface Logger {
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
}

export function connectionLogger(connection: Connection): Logger {
    // Logging must never throw: a closed connection would turn a log line into a crash.
    const safe = (write: (m: string) => void) => (message: string) => {
        try {
            write(message);
        } catch {
            // Nowhere left to report to.
        }
    };
    return {
        info: safe((m) => connection.console.info(m)),
        warn: safe((m) => connection.console.warn(m)),
        error: safe((m) => connection.console.error(m)),
    };
}

/** An error's stack when it has one, else its message. */
export function errorText(e: unknown): string {
    if (e instanceof Error) {
        return e.stack ?? `${e.name}: ${e.message}`;
    }
    return String(e);
}
