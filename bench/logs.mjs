// Section 6: logs. A busybox container prints 1,000,000 lines (`seq 1 1000000`) as fast as it can; the engine
// layer's log stream (client.openLogs, the options the log viewer uses: follow, timestamps, tail = the line cap)
// delivers them into the viewer's LogBuffer (default cap, 10,000 lines) while a render runs every 150 ms as
// the editor would re-read the document. Every line is checked in order (1, 2, 3, … nothing lost, nothing
// doubled), memory is sampled, and the finished log is read again through the engine layer (cap raised to the
// maximum, 1,000,000: all lines kept) and as raw bytes over HTTP, the ceiling the engine sets.
import * as http from 'node:http';
import * as path from 'node:path';
import { BENCH_LABEL, benchEngine, IMAGE, removeBenchContainers } from './support/benchEngine.mjs';
import { createVscodeStub, installVscodeStub } from './support/vscodeStub.mjs';
import { BUILD, log, now, require, ROOT, round, section } from './support/util.mjs';

installVscodeStub(createVscodeStub({ root: ROOT }));
const c = require(path.join(BUILD, 'client.cjs'));

const LINES = 1_000_000;
const RENDER_EVERY_MS = 150;

function memorySampler() {
    const peak = { rss: 0, heapUsed: 0 };
    const sample = () => {
        const m = process.memoryUsage();
        peak.rss = Math.max(peak.rss, m.rss);
        peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    };
    sample();
    const timer = setInterval(sample, 20);
    return {
        stop() {
            clearInterval(timer);
            sample();
            return { peakRssMB: round(peak.rss / 2 ** 20, 1), peakHeapUsedMB: round(peak.heapUsed / 2 ** 20, 1) };
        },
    };
}

/** Streams a container's log into a LogBuffer the way the log viewer does; checks the sequence. */
async function intoBuffer(client, id, { maxLines, follow, tail, renders: renderEvery = RENDER_EVERY_MS }) {
    const buffer = new c.LogBuffer(maxLines);
    const stream = await client.openLogs(id, { follow, timestamps: true, tail });
    let expected = 1;
    let outOfOrder = 0;
    let passed = 0;
    let renders = 0;
    let renderMs = 0;
    let lastRender = now();
    let first;
    let last;
    for await (const line of stream) {
        if (line.stream === 'system') {
            buffer.separator(line.text);
            continue;
        }
        const at = now();
        first ??= at;
        last = at;
        buffer.append({ stream: line.stream, text: line.text, timestamp: line.timestamp });
        passed++;
        if (Number(line.text) !== expected) {
            outOfOrder++;
        }
        expected = Number(line.text) + 1;
        if (renderEvery > 0 && at - lastRender >= renderEvery) {
            const t = now();
            buffer.render({ timestamps: false });
            renderMs += now() - t;
            renders++;
            lastRender = now();
        }
    }
    return { buffer, passed, outOfOrder, renders, renderMs, first, last, lastValue: expected - 1 };
}

/** The same log as raw bytes (multiplexed frames) over HTTP: counts newlines, parses nothing. */
function rawRead(socketPath, id) {
    return new Promise((resolve, reject) => {
        const t0 = now();
        let newlines = 0;
        let bytes = 0;
        http.get({ socketPath, path: `/containers/${id}/logs?stdout=1&stderr=1&timestamps=1&tail=all` }, (res) => {
            res.on('data', (d) => {
                bytes += d.length;
                for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) {
                    newlines++;
                }
            });
            res.on('end', () => resolve({ newlines, bytes, ms: now() - t0 }));
        }).on('error', reject);
    });
}

section(import.meta.url, async (options) => {
    const engine = await benchEngine(options);
    if (engine.skipped) {
        return engine;
    }
    const { host, socketPath, docker } = engine;
    const stub = require('vscode');
    const defaultCap = stub.workspace.getConfiguration('dockwise').get('logs.maxLines');
    const lines = options.logLines ?? LINES;
    const client = c.createEngineClient({ hostSetting: host, env: {} });
    const result = { lines, defaultCap };
    try {
        // The stream is opened before the container writes (it sleeps a second first), as a viewer opened on a
        // running container would be.
        const container = await docker.createContainer({
            name: 'dockwise-bench-logs',
            Image: IMAGE,
            Cmd: ['sh', '-c', `sleep 1; seq 1 ${lines}`],
            Labels: { [BENCH_LABEL]: '1' },
            HostConfig: { NetworkMode: 'none' },
        });
        await container.start();
        global.gc?.();
        const base = process.memoryUsage();
        const mem = memorySampler();
        const t0 = now();
        const live = await intoBuffer(client, container.id, { maxLines: defaultCap, follow: true, tail: defaultCap });
        const t1 = now();
        const memory = mem.stop();
        const state = (await container.inspect()).State;
        result.live = {
            delivered: live.passed,
            lost: lines - live.passed,
            outOfOrder: live.outOfOrder,
            lastLine: live.lastValue,
            bufferHeld: live.buffer.size,
            bufferDropped: live.buffer.dropped,
            heldPlusDropped: live.buffer.size + live.buffer.dropped,
            linesPerSecond: Math.round(live.passed / ((live.last - live.first) / 1000)),
            firstToLastLineSeconds: round((live.last - live.first) / 1000, 2),
            openToEndSeconds: round((t1 - t0) / 1000, 2),
            renders: live.renders,
            renderMsTotal: round(live.renderMs, 1),
            containerExit: state.ExitCode,
            baselineRssMB: round(base.rss / 2 ** 20, 1),
            baselineHeapUsedMB: round(base.heapUsed / 2 ** 20, 1),
            ...memory,
        };
        log(
            `live: ${live.passed} lines, ${result.live.linesPerSecond} lines/s, lost ${result.live.lost}, ` +
                `out of order ${live.outOfOrder}, peak RSS ${memory.peakRssMB} MB (cap ${defaultCap})`,
        );

        // Replays of the finished log: engine layer into a buffer holding everything, then raw bytes.
        global.gc?.();
        const mem2 = memorySampler();
        const r0 = now();
        // No redraws here: this measures the pipeline; one redraw of the full buffer is timed after it.
        const replay = await intoBuffer(client, container.id, {
            maxLines: 1_000_000,
            follow: false,
            tail: 'all',
            renders: 0,
        });
        const r1 = now();
        const rr = now();
        const rendered = replay.buffer.render({ timestamps: false });
        const renderFullMs = now() - rr;
        const memory2 = mem2.stop();
        result.replayAllKept = {
            cap: 1_000_000,
            delivered: replay.passed,
            outOfOrder: replay.outOfOrder,
            bufferHeld: replay.buffer.size,
            linesPerSecond: Math.round(replay.passed / ((r1 - r0) / 1000)),
            seconds: round((r1 - r0) / 1000, 2),
            oneRenderOfTheFullBufferMs: round(renderFullMs, 1),
            renderedMB: round(rendered.text.length / 2 ** 20, 1),
            ...memory2,
        };
        replay.buffer.clear();
        const raw = await rawRead(socketPath, container.id);
        result.rawHttp = {
            newlines: raw.newlines,
            megabytes: round(raw.bytes / 2 ** 20, 1),
            linesPerSecond: Math.round(raw.newlines / (raw.ms / 1000)),
            seconds: round(raw.ms / 1000, 2),
        };
        result.replayVsRaw = round(result.replayAllKept.linesPerSecond / result.rawHttp.linesPerSecond, 2);
        log(
            `replay: ${result.replayAllKept.linesPerSecond} lines/s through the engine layer, ` +
                `${result.rawHttp.linesPerSecond} lines/s raw (ratio ${result.replayVsRaw})`,
        );
    } finally {
        client.dispose();
        await removeBenchContainers(docker);
    }
    return result;
});
