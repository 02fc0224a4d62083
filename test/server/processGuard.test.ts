import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Logger } from '../../server/src/features/logger';
import { type GuardedProcess, installProcessGuard } from '../../server/src/features/processGuard';
import type { ExitCalledParams } from '../../server/src/shared/protocol';

/** A process stand-in: records exits and lets the test raise the events the guard listens to. */
function fakeProcess() {
    const exits: (number | undefined)[] = [];
    const listeners = new Map<string, (value: unknown) => void>();
    let exited: (code: number | undefined) => void = () => undefined;
    const proc: GuardedProcess = {
        exit: ((code?: number) => {
            exits.push(code);
            exited(code);
        }) as (code?: number) => never,
        on(event: string, listener: (value: unknown) => void) {
            listeners.set(event, listener);
            return proc;
        },
    };
    const nextExit = () => new Promise<number | undefined>((resolve) => (exited = resolve));
    return { proc, exits, emit: (event: string, value: unknown) => listeners.get(event)!(value), nextExit };
}

function recordingLogger(): Logger & { lines: string[] } {
    const lines: string[] = [];
    return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

describe('process guard', () => {
    it('reports an unexpected process.exit to the client, then exits with its code', async () => {
        const { proc, exits, nextExit } = fakeProcess();
        const reports: ExitCalledParams[] = [];
        const logger = recordingLogger();
        installProcessGuard(proc, { logger, report: (p) => void reports.push(p), expectedExit: () => false });
        const exited = nextExit();
        proc.exit(3);
        assert.equal(await exited, 3);
        assert.deepEqual(exits, [3]);
        assert.equal(reports.length, 1);
        assert.equal(reports[0]!.reason, 'exit');
        assert.equal(reports[0]!.code, 3);
        assert.match(reports[0]!.stack, /process\.exit called/);
        assert.ok(logger.lines.some((l) => l.includes('though the client did not ask')));
    });

    it('exits at once, silently, when the client asked for it', () => {
        const { proc, exits } = fakeProcess();
        const reports: ExitCalledParams[] = [];
        installProcessGuard(proc, {
            logger: recordingLogger(),
            report: (p) => void reports.push(p),
            expectedExit: () => true,
        });
        proc.exit(0);
        assert.deepEqual(exits, [0]);
        assert.deepEqual(reports, []);
    });

    it('logs and reports an uncaught exception with its stack, then exits with 1', async () => {
        const { proc, emit, nextExit } = fakeProcess();
        const reports: ExitCalledParams[] = [];
        const logger = recordingLogger();
        installProcessGuard(proc, { logger, report: (p) => void reports.push(p), expectedExit: () => false });
        const exited = nextExit();
        emit('uncaughtException', new TypeError('boom'));
        assert.equal(await exited, 1);
        assert.equal(reports[0]?.reason, 'uncaughtException');
        assert.equal(reports[0]?.message, 'boom');
        assert.match(reports[0]!.stack, /TypeError: boom/);
        assert.ok(logger.lines.some((l) => l.includes('TypeError: boom')));
    });

    it('still exits when the report cannot be delivered', async () => {
        const { proc, emit, nextExit } = fakeProcess();
        installProcessGuard(proc, {
            logger: recordingLogger(),
            report: () => new Promise<void>(() => undefined), // the connection never answers
            expectedExit: () => false,
            flushMs: 20,
        });
        const exited = nextExit();
        emit('uncaughtException', new Error('lost'));
        assert.equal(await exited, 1);
    });

    it('only logs an unhandled rejection', () => {
        const { proc, exits, emit } = fakeProcess();
        const logger = recordingLogger();
        installProcessGuard(proc, { logger, report: () => undefined, expectedExit: () => false });
        emit('unhandledRejection', new Error('nobody listened'));
        assert.deepEqual(exits, []);
        assert.ok(logger.lines.some((l) => l.includes('nobody listened')));
    });
});
