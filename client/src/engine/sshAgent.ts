// ssh:// transport: ONE ssh connection per client, one `docker system dial-stdio` channel per HTTP connection,
// kept alive between requests. docker-modem's own ssh mode does a full ssh handshake for every request
// (seconds each), which makes a tree refresh crawl.
import * as http from 'node:http';
import type { Duplex } from 'node:stream';

interface SshChannel extends Duplex {
    setKeepAlive?: unknown;
    setNoDelay?: unknown;
    setTimeout?: unknown;
    ref?: unknown;
    unref?: unknown;
}
interface SshClient {
    on(event: 'ready' | 'close' | 'end', l: () => void): SshClient;
    on(event: 'error', l: (e: Error) => void): SshClient;
    once(event: 'ready' | 'close' | 'end', l: () => void): SshClient;
    once(event: 'error', l: (e: Error) => void): SshClient;
    connect(config: Record<string, unknown>): void;
    exec(cmd: string, cb: (err: Error | undefined, channel: SshChannel) => void): boolean;
    end(): void;
}

/** http.Agent treats connections as net.Sockets; an ssh channel lacks the socket-only knobs, which are moot here. */
function asSocket(channel: SshChannel): SshChannel {
    const noop = function (this: SshChannel) {
        return this;
    };
    for (const k of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref'] as const) {
        if (typeof channel[k] !== 'function') {
            channel[k] = noop;
        }
    }
    return channel;
}

export function createSshAgent(config: Record<string, unknown>): http.Agent {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    let client: Promise<SshClient> | undefined;
    const connect = (): Promise<SshClient> =>
        (client ??= new Promise<SshClient>((resolve, reject) => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, like dockerode
            const { Client } = require('ssh2') as { Client: new () => SshClient };
            const c = new Client();
            const forget = (): void => {
                client = undefined;
            };
            c.once('ready', () => resolve(c));
            c.once('error', (e) => {
                forget();
                reject(e);
            });
            c.once('close', forget);
            c.connect(config);
        }));
    // Node's Agent accepts an asynchronous createConnection that answers through the callback.
    (agent as unknown as { createConnection: unknown }).createConnection = (
        _options: unknown,
        callback: (err: Error | null, socket?: Duplex) => void,
    ): undefined => {
        connect().then(
            (c) =>
                c.exec('docker system dial-stdio', (err, channel) =>
                    err ? callback(err) : callback(null, asSocket(channel)),
                ),
            (e: Error) => callback(e),
        );
        return undefined;
    };
    const destroy = agent.destroy.bind(agent);
    agent.destroy = (): void => {
        destroy();
        void client?.then(
            (c) => c.end(),
            () => undefined,
        );
        client = undefined;
    };
    return agent;
}
