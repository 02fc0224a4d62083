import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspectJson, inspectTitle } from '../../../client/src/commands/inspectText';

describe('inspect documents: engine text cannot spoof the document', () => {
    const hostile = {
        Config: {
            Labels: {
                'bidi.override': 'safe\u202e gnp.exe',
                'c1.csi': 'a\x9b2Jb',
                'osc8.link': '\x1b]8;;https://evil.example\x07click\x1b]8;;\x07',
                'line.sep': 'one\u2028two\u2029three',
                'zero.width': 'ad\u200bmin\ufeff',
            },
            Env: ['PATH=/bin', 'A=\x07\x00\x7f'],
        },
    };

    it('escapes control, bidi, zero-width and separator characters, and stays the same JSON', () => {
        const text = inspectJson(hostile);
        assert.doesNotMatch(
            text,
            /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/,
        );
        assert.match(text, /safe\\u202e gnp\.exe/);
        assert.match(text, /a\\u009b2Jb/);
        assert.match(text, /\\u001b\]8;;https:\/\/evil\.example\\u0007click/);
        assert.deepEqual(JSON.parse(text), hostile, 'escaping changes nothing a JSON reader sees');
        assert.ok(text.endsWith('}\n'));
    });

    it('keeps readable text as it is, and shows an error object like any other', () => {
        assert.equal(
            inspectJson({ Name: '/web', Label: '日本語 ✓ عربي' }),
            '{\n  "Name": "/web",\n  "Label": "日本語 ✓ عربي"\n}\n',
        );
        assert.equal(inspectJson(undefined), 'null\n');
    });

    it('titles drop path syntax, controls and bidi characters; empty falls back to the short id', () => {
        assert.equal(inspectTitle('net/../x?y#z%', 'abc'), 'net_.._x_y_z_');
        assert.equal(inspectTitle('evil\u202egnp.json\x1b', 'abc'), 'evilgnp.json_');
        assert.equal(inspectTitle('\u202e', '0123456789abcdef'), '0123456789ab');
    });
});
