import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LogBuffer, MAX_LINE_LENGTH, compareTimestamps } from '../../../client/src/logs/logBuffer';

const ts = (s: number, frac = ''): string => `2024-06-01T12:00:${String(s).padStart(2, '0')}${frac}Z`;

describe('LogBuffer', () => {
    it('renders lines in order and marks stderr lines', () => {
        const b = new LogBuffer(100);
        b.append({ stream: 'stdout', text: 'listening on :80' });
        b.append({ stream: 'stderr', text: 'warning: no config' });
        b.append({ stream: 'stdout', text: 'GET /' });
        const r = b.render({ timestamps: false });
        assert.equal(r.text, 'listening on :80\nwarning: no config\nGET /');
        assert.deepEqual(r.stderrLines, [1]);
        assert.deepEqual(r.markerLines, []);
    });

    it('strips ANSI sequences and flattens embedded newlines', () => {
        const b = new LogBuffer(100);
        b.append({ stream: 'stdout', text: '\x1b[32mOK\x1b[0m done' });
        b.append({ stream: 'stdout', text: 'a\nb' });
        assert.equal(b.render({ timestamps: false }).text, 'OK done\na b');
    });

    it('caps memory: drops the oldest lines and says how many went', () => {
        const b = new LogBuffer(10);
        for (let i = 1; i <= 25; i++) {
            b.append({ stream: i % 5 === 0 ? 'stderr' : 'stdout', text: `line ${i}` });
        }
        assert.equal(b.size, 10);
        assert.equal(b.dropped, 15);
        const r = b.render({ timestamps: false });
        const lines = r.text.split('\n');
        assert.equal(lines.length, 11);
        assert.match(lines[0]!, /15 earlier line\(s\) dropped .*dockwise\.logs\.maxLines/);
        assert.equal(lines[1], 'line 16');
        assert.equal(lines[10], 'line 25');
        assert.deepEqual(r.markerLines, [0]);
        assert.deepEqual(r.stderrLines, [5, 10], 'line numbers account for the marker');
    });

    it('stays bounded and ordered over many lines (compaction)', () => {
        const b = new LogBuffer(1000);
        for (let i = 0; i < 50_000; i++) {
            b.append({ stream: 'stdout', text: `l${i}` });
        }
        const e = b.entries();
        assert.equal(e.length, 1000);
        assert.equal(e[0]!.text, 'l49000');
        assert.equal(e[999]!.text, 'l49999');
    });

    it('shrinking the cap applies at once', () => {
        const b = new LogBuffer(100);
        for (let i = 0; i < 50; i++) {
            b.append({ stream: 'stdout', text: `${i}` });
        }
        b.setMaxLines(20);
        assert.equal(b.size, 20);
        assert.equal(b.dropped, 30);
    });

    it('shows timestamps only when asked', () => {
        const b = new LogBuffer(100);
        b.append({ stream: 'stdout', text: 'hello', timestamp: ts(1, '.5') });
        b.append({ stream: 'stdout', text: 'no stamp' });
        assert.equal(b.render({ timestamps: false }).text, 'hello\nno stamp');
        assert.equal(b.render({ timestamps: true }).text, `${ts(1, '.5')} hello\nno stamp`);
    });

    it('marks restarts with a separator line, drawn as a marker', () => {
        const b = new LogBuffer(100);
        b.append({ stream: 'stdout', text: 'first run', timestamp: ts(1) });
        b.separator('container restarted at 12:00:05');
        b.append({ stream: 'stdout', text: 'second run', timestamp: ts(6) });
        b.notice('log driver syslog: reading the local cache');
        const r = b.render({ timestamps: false });
        assert.deepEqual(r.text.split('\n'), [
            'first run',
            '──── container restarted at 12:00:05 ────',
            'second run',
            '[dockwise] log driver syslog: reading the local cache',
        ]);
        assert.deepEqual(r.markerLines, [1, 3]);
    });

    it('skips lines a re-attached stream replays', () => {
        const b = new LogBuffer(100);
        assert.equal(b.append({ stream: 'stdout', text: 'a', timestamp: ts(1, '.100') }), true);
        assert.equal(b.append({ stream: 'stdout', text: 'b', timestamp: ts(1, '.2') }), true);
        assert.equal(b.resumeTimestamp, ts(1, '.2'));
        // Re-attached with since = 12:00:01: the engine sends both again, then new output.
        assert.equal(b.append({ stream: 'stdout', text: 'a', timestamp: ts(1, '.100') }), false);
        assert.equal(b.append({ stream: 'stdout', text: 'b', timestamp: ts(1, '.200000000') }), false);
        assert.equal(b.append({ stream: 'stdout', text: 'c', timestamp: ts(2) }), true);
        assert.equal(b.render({ timestamps: false }).text, 'a\nb\nc');
    });

    it('truncates runaway lines', () => {
        const b = new LogBuffer(10);
        b.append({ stream: 'stdout', text: 'x'.repeat(MAX_LINE_LENGTH + 500) });
        const line = b.render({ timestamps: false }).text;
        assert.ok(line.length < MAX_LINE_LENGTH + 50);
        assert.match(line, /\[500 more characters\]$/);
    });

    it('a container cannot forge Dockwise lines: no extra lines, no marker, no control bytes', () => {
        const b = new LogBuffer(100);
        b.append({ stream: 'stdout', text: 'ok\r\n──── Container restarted ────\u2028[dockwise] fake\x1b[2A\x9b1;1H' });
        b.append({ stream: 'stdout', text: '\u202e\x1b]8;;https://evil.example\x07link\x1b]8;;\x07' });
        const r = b.render({ timestamps: false });
        assert.equal(r.text.split('\n').length, 2, 'one line per engine line');
        assert.deepEqual(r.markerLines, [], 'only Dockwise draws markers');
        assert.doesNotMatch(r.text, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028]/);
        assert.doesNotMatch(r.text, /evil/);
    });

    it('clear empties the view and the dropped count', () => {
        const b = new LogBuffer(10);
        for (let i = 0; i < 20; i++) {
            b.append({ stream: 'stdout', text: `${i}` });
        }
        b.clear();
        assert.equal(b.render({ timestamps: false }).text, '');
        assert.equal(b.dropped, 0);
    });
});

describe('compareTimestamps', () => {
    it('orders by time, fractions numerically', () => {
        assert.equal(compareTimestamps(ts(5), ts(5, '.1')), -1);
        assert.equal(compareTimestamps(ts(5, '.1'), ts(5, '.100000000')), 0);
        assert.equal(compareTimestamps(ts(5, '.123456789'), ts(5, '.12345678')), 1);
        assert.equal(compareTimestamps(ts(4, '.9'), ts(5)), -1);
        assert.equal(compareTimestamps('2024-06-02T00:00:00Z', '2024-06-01T23:59:59.999Z'), 1);
    });
});
