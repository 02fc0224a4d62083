import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BuildProgress } from '../../../client/src/engine/build/buildProgress';
import { decodeStatusResponse } from '../../../client/src/engine/build/buildkitStatus';
import type { BuildLine } from '../../../client/src/engine/build/buildTypes';
import { locateStep } from '../../../client/src/engine/build/instructions';
import { readFields } from '../../../client/src/engine/build/protoReader';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'build');

/** Replays a /build response recorded from the real engine (Docker 20.10) through the decoder. */
function replay(name: string): { progress: BuildProgress; lines: BuildLine[] } {
    const lines: BuildLine[] = [];
    const progress = new BuildProgress((l) => lines.push(l));
    for (const raw of fs.readFileSync(path.join(FIXTURES, name), 'utf8').split('\n').filter(Boolean)) {
        progress.push(JSON.parse(raw));
    }
    return { progress, lines };
}

const dockerfile = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('build: BuildKit trace decoder (recorded traces)', () => {
    it('decodes vertexes of a multi-stage build into numbered step lines and the image id', () => {
        const { progress, lines } = replay('multistage.buildkit.jsonl');
        const steps = lines.filter((l) => l.kind === 'step').map((l) => l.text);
        assert.deepEqual(steps.slice(2), [
            '#3 [builder 1/3] COPY busybox /bin/busybox',
            '#4 [builder 2/3] RUN ["/bin/busybox","--install","-s","/bin"]',
            '#5 [builder 3/3] RUN echo hello > /out.txt &&     echo building',
            '#6 [stage-1 1/1] COPY --from=builder /out.txt /out.txt',
            '#7 exporting to image',
        ]);
        assert.ok(lines.some((l) => l.kind === 'output' && l.text === '#5 building'));
        assert.ok(lines.some((l) => l.kind === 'info' && /^#5 DONE \d+\.\ds$/.test(l.text)));
        assert.match(progress.imageId ?? '', /^sha256:[0-9a-f]{64}$/);
        assert.equal(progress.failed, undefined);
    });

    it('reports a failed RUN with its output lines and locates it in the Dockerfile', () => {
        const { progress } = replay('failing-run.buildkit.jsonl');
        const failed = progress.failed;
        assert.ok(failed);
        assert.match(failed.message, /exit code: 3/);
        assert.equal(failed.step, '[3/4] RUN echo first line &&     echo second line >&2 && exit 3');
        assert.deepEqual(failed.output, ['first line', 'second line']);
        const at = locateStep(dockerfile('failing-run.Dockerfile'), failed.step ?? '');
        assert.deepEqual([at?.line, at?.endLine], [4, 5]);
    });

    it('decodes a hand-made StatusResponse: timestamps, cached, logs, statuses', () => {
        // vertex{digest "d", name "n", cached true, started {1s}}, log{vertex "d", stream 2, msg "hi\n"}
        const vertex = Buffer.from([0x0a, 1, 0x64, 0x1a, 1, 0x6e, 0x20, 1, 0x2a, 2, 0x08, 1]);
        const log = Buffer.from([0x0a, 1, 0x64, 0x18, 2, 0x22, 3, 0x68, 0x69, 0x0a]);
        const msg = Buffer.concat([Buffer.from([0x0a, vertex.length]), vertex, Buffer.from([0x1a, log.length]), log]);
        const s = decodeStatusResponse(msg.toString('base64'));
        assert.deepEqual(s.vertexes, [{ digest: 'd', inputs: [], name: 'n', cached: true, started: 1000 }]);
        assert.deepEqual(s.logs, [{ vertex: 'd', stream: 2, msg: 'hi\n' }]);
    });

    it('rejects truncated input and skips fixed-width fields', () => {
        assert.throws(() => readFields(Buffer.from([0x0a, 5, 1])), /truncated/);
        assert.deepEqual(readFields(Buffer.from([0x0d, 1, 0, 0, 0])), [{ no: 1, wire: 5, value: 1 }]);
        // A corrupt trace costs one message, never the stream.
        const p = new BuildProgress();
        p.push({ id: 'moby.buildkit.trace', aux: Buffer.from([0x0a, 9]).toString('base64') });
        assert.equal(p.failed, undefined);
    });
});

describe('build: classic builder stream', () => {
    it('shows steps and output without colour escapes and locates the failed step', () => {
        const { progress, lines } = replay('failing-run.classic.jsonl');
        assert.deepEqual(
            lines.filter((l) => l.kind === 'step').map((l) => l.text),
            [
                'Step 1/5 : FROM scratch',
                'Step 2/5 : COPY busybox /bin/busybox',
                'Step 3/5 : RUN ["/bin/busybox","--install","-s","/bin"]',
                'Step 4/5 : RUN echo first line &&     echo second line >&2 && exit 3',
            ],
        );
        const failed = progress.failed;
        assert.ok(failed);
        assert.match(failed.message, /returned a non-zero code: 3/);
        assert.deepEqual([...failed.output].sort(), ['first line', 'second line']);
        const at = locateStep(dockerfile('failing-run.Dockerfile'), failed.step ?? '');
        assert.equal(at?.line, 4);
    });

    it('takes the image id from aux and splits chunks cut mid-line', () => {
        const { progress } = replay('multistage.classic.jsonl');
        assert.match(progress.imageId ?? '', /^sha256:/);
        const lines: BuildLine[] = [];
        const p = new BuildProgress((l) => lines.push(l));
        p.push({ stream: 'Step 1/2 : RUN x' });
        p.push({ stream: '\n' });
        p.push({ stream: 'par' });
        p.push({ stream: 'tial\n' });
        assert.deepEqual(
            lines.map((l) => [l.kind, l.text]),
            [
                ['step', 'Step 1/2 : RUN x'],
                ['output', 'partial'],
            ],
        );
    });
});

describe('build: locating a step in the Dockerfile', () => {
    const content = [
        '# syntax=docker/dockerfile:1',
        'ARG BASE=scratch',
        'FROM busybox AS build',
        'RUN make \\',
        '  # a comment inside',
        '  all',
        'RUN <<EOF',
        'echo heredoc',
        'EOF',
        'FROM scratch',
        'COPY --from=build /a /a',
    ].join('\r\n');

    it('maps classic "Step N/M" counting from the first FROM', () => {
        assert.equal(locateStep(content, 'Step 2/5 : RUN make all')?.line, 3);
        assert.equal(locateStep(content, 'Step 5/5 : COPY --from=build /a /a')?.line, 10);
    });

    it('maps BuildKit "[stage i/n]" by stage name or stage-K, skipping heredoc bodies', () => {
        assert.equal(locateStep(content, '[build 2/3] RUN make   all')?.line, 3);
        assert.deepEqual(
            [locateStep(content, '[build 3/3] RUN <<EOF')?.line, locateStep(content, '[build 3/3] RUN <<EOF')?.endLine],
            [6, 8],
        );
        assert.equal(locateStep(content, '[stage-1 2/2] COPY --from=build /a /a')?.line, 10);
    });

    it('falls back to the instruction text, and gives up on unknown steps', () => {
        assert.equal(locateStep(content, 'RUN make all')?.line, 3);
        assert.equal(locateStep(content, '[build 9/9] RUN nothing like it'), undefined);
    });
});
