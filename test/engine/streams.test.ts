import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
    EngineError,
    type EngineClient,
    type EngineEvent,
    type LogLine,
    type LogStream,
} from '../../client/src/engine/types';
import { assertEngineReachable, cleanup, client, container, ENGINE_SKIP, nextMatching, waitFor } from './helpers';

/** Collects lines until `done` says so (or the stream ends); at the deadline, closes the stream and fails. */
async function collect(
    stream: LogStream,
    done: (lines: LogLine[]) => boolean,
    deadlineMs = 20_000,
): Promise<LogLine[]> {
    const lines: LogLine[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        stream.close();
    }, deadlineMs);
    try {
        for await (const line of stream) {
            lines.push(line);
            if (done(lines)) {
                break;
            }
        }
    } finally {
        clearTimeout(timer);
    }
    assert.ok(!timedOut, `log lines not seen within ${deadlineMs} ms: ${JSON.stringify(lines)}`);
    return lines;
}

describe('engine: events, logs, exec', { skip: ENGINE_SKIP }, () => {
    let c: EngineClient;
    let shared: Promise<{ id: string }> | undefined;
    /** One running container for the exec tests (container starts are the slow part here). */
    const sleeper = (): Promise<{ id: string }> => (shared ??= container(['sleep', '300']));
    before(async () => {
        c = client();
        await assertEngineReachable(c);
    });
    after(async () => {
        await cleanup();
        c?.dispose();
    });

    it('the events stream reports connected, then a real create and start as typed events', async () => {
        const seen: EngineEvent[] = [];
        const sub = c.events.onEvent((e) => seen.push(e));
        try {
            await waitFor('connected', () => (c.events.status.state === 'connected' ? true : undefined));
            const status = c.events.status;
            assert.ok(status.state === 'connected' && status.version?.apiVersion);
            const started = nextMatching(
                c.events.onEvent,
                (e) => e.kind === 'container' && e.action === 'start',
                'start',
            );
            const ct = await container(['sleep', '300']);
            const start = await started;
            assert.equal(start.id, ct.id);
            assert.match(start.name ?? '', /^dockwise-test-/);
            assert.equal(start.attributes['dockwise.test'], '1');
            const create = seen.find((e) => e.kind === 'container' && e.action === 'create' && e.id === ct.id);
            assert.ok(create, 'create came before start');
            assert.ok(start.time >= create.time);
            const removed = nextMatching(c.events.onEvent, (e) => e.id === ct.id && e.action === 'destroy', 'destroy');
            await c.removeContainer(ct.id, { force: true });
            await removed;
        } finally {
            sub.dispose();
        }
    });

    it('demultiplexes stdout and stderr of a non-TTY container, with timestamps and tail', async () => {
        // It exits: the engine keeps a partial last line until then, and the follow ends with the container.
        const ct = await container(['sh', '-c', 'echo out1; echo err1 >&2; echo out2; printf "no newline"; sleep 1']);
        const stream = await c.openLogs(ct.id, { follow: true, timestamps: true });
        assert.deepEqual([stream.tty, stream.logDriver], [false, 'json-file']);
        const lines = await collect(stream, () => false);
        const byStream = (s: string) => lines.filter((l) => l.stream === s).map((l) => l.text);
        assert.deepEqual(byStream('stdout'), ['out1', 'out2', 'no newline']);
        assert.deepEqual(byStream('stderr'), ['err1']);
        assert.ok(lines.every((l) => l.timestamp && /^\d{4}-\d\d-\d\dT.*Z$/.test(l.timestamp)));

        const tail = await c.openLogs(ct.id, { tail: 1 });
        const last = await collect(tail, () => false);
        assert.deepEqual(
            last.map((l) => [l.stream, l.text, l.timestamp]),
            [['stdout', 'no newline', undefined]],
        );
        const onlyErr = await collect(await c.openLogs(ct.id, { stdout: false }), () => false);
        assert.deepEqual(
            onlyErr.map((l) => l.text),
            ['err1'],
        );
    });

    it('reads a TTY container raw (no demultiplexing), lines without \\r', async () => {
        const ct = await container(['sh', '-c', 'echo tty-out; echo tty-err >&2; sleep 300'], { tty: true });
        const stream = await c.openLogs(ct.id, { follow: true });
        assert.equal(stream.tty, true);
        const lines = await collect(stream, (l) => l.length === 2);
        stream.close();
        assert.deepEqual(lines, [
            { stream: 'stdout', text: 'tty-out' },
            { stream: 'stdout', text: 'tty-err' },
        ]);
    });

    it("log driver 'none' gives the clear notice instead of nothing", async () => {
        const ct = await container(['sh', '-c', 'echo lost'], { logDriver: 'none' });
        await assert.rejects(
            c.openLogs(ct.id),
            (e: unknown) =>
                e instanceof EngineError &&
                e.cause === 'logsUnavailable' &&
                e.message === "This container's log driver 'none' keeps no logs; `docker logs` cannot read them.",
        );
    });

    it('an AbortSignal ends a log follow', async () => {
        const ct = await container(['sh', '-c', 'while true; do echo tick; sleep 0.2; done']);
        const controller = new AbortController();
        const stream = await c.openLogs(ct.id, { follow: true, signal: controller.signal });
        const lines: LogLine[] = [];
        const ended = (async () => {
            for await (const l of stream) {
                lines.push(l);
                if (lines.length === 2) {
                    controller.abort();
                }
            }
        })();
        await ended; // the iteration finishes: no hang, no error
        assert.ok(lines.length >= 2 && lines.every((l) => l.text === 'tick'));
    });

    it('follows across a restart when asked, marking the gap, without repeating lines', async () => {
        const ct = await container(['sh', '-c', 'echo "run $(cat /n 2>/dev/null || echo 1)"; echo 2 > /n; sleep 300']);
        const stream = await c.openLogs(ct.id, { follow: true, followAcrossRestarts: true });
        const lines: LogLine[] = [];
        const reading = collect(stream, (l) => {
            lines.splice(0, lines.length, ...l);
            return l.some((x) => x.text === 'run 2');
        });
        await waitFor('first run', () => (lines.some((l) => l.text === 'run 1') ? true : undefined));
        await c.restartContainer(ct.id, { timeoutSeconds: 0 });
        const all = await reading;
        stream.close();
        const output = all.filter((l) => l.stream !== 'system').map((l) => l.text);
        assert.deepEqual(output, ['run 1', 'run 2']);
        assert.ok(all.some((l) => l.stream === 'system' && /started again/.test(l.text)));
    });

    it('opens an interactive shell with a TTY: output, resize, exit code', async () => {
        const ct = await sleeper();
        const session = await c.openExec(ct.id, { cols: 90, rows: 20 });
        assert.deepEqual(session.command, ['/bin/sh'], 'busybox has no bash: falls back to sh');
        let output = '';
        session.onData((d) => (output += d));
        const exit = new Promise<number | undefined>((resolve) => session.onExit(resolve));
        await session.resize(120, 40);
        session.write('stty size; echo "h""i"\n');
        await waitFor('echo output', () => (/40 120\r?\n/.test(output) && /\bhi\r?\n/.test(output) ? true : undefined));
        session.write('exit 3\n');
        assert.equal(await exit, 3);
        session.dispose();
    });

    it('runs a command to completion with separate stdout, stderr and exit code', async () => {
        const ct = await sleeper();
        const r = await c.runExec(ct.id, ['sh', '-c', 'echo a; echo b >&2; exit 4']);
        assert.deepEqual(r, { exitCode: 4, stdout: 'a\n', stderr: 'b\n' });
        await assert.rejects(
            c.openExec('dockwise-no-such-container'),
            (e: unknown) => e instanceof EngineError && e.cause === 'notFound',
        );
        const stopped = await container(['true'], { start: false });
        await assert.rejects(
            c.runExec(stopped.id, ['true']),
            (e: unknown) => e instanceof EngineError && e.cause === 'conflict',
        );
    });
});
