// A fuzz worker thread: asks the main thread for input indices and runs the pure targets on each.
// In a worker, a hang or an out-of-memory input costs the worker, not the campaign (main.ts
// notices, records the input and starts a new worker).
import { parentPort, workerData } from 'node:worker_threads';
import { choiceRng, generate } from './generate';
import { errorText, fuzzCore } from './targets';

export interface WorkerData {
    seed: number;
    small: boolean;
}

export type ToWorker = { index: number } | { stop: true };
export type FromWorker =
    | { kind: 'ready' }
    | { kind: 'start'; index: number; family: string; length: number }
    | { kind: 'done'; index: number; ms: number; problems: string[] };

if (parentPort) {
    const port = parentPort;
    const { seed, small } = workerData as WorkerData;
    const send = (m: FromWorker) => port.postMessage(m);
    port.on('message', (m: ToWorker) => {
        if ('stop' in m) {
            port.close();
            return;
        }
        const input = generate(seed, m.index, small);
        send({ kind: 'start', index: m.index, family: input.family, length: input.text.length });
        const t = performance.now();
        fuzzCore(input.text, choiceRng(seed, m.index)).then(
            (problems) => send({ kind: 'done', index: m.index, ms: performance.now() - t, problems }),
            (e: unknown) => send({ kind: 'done', index: m.index, ms: performance.now() - t, problems: [errorText(e)] }),
        );
    });
    send({ kind: 'ready' });
}
