import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'volume-json-single-quotes';

describe(ID, () => {
    it('flags single-quoted JSON and switches to double quotes', () => {
        const text = "FROM redis:7.4\nVOLUME ['/data']\n";
        assert.deepEqual(hits(ID, text), [[1, "['/data']"]]);
        assert.equal(findings(ID, text)[0]!.severity, 'error');
        assert.match(findings(ID, text)[0]!.message, /VOLUME \["\/data"\]/);
        assert.deepEqual(fixTitles(ID, text), ['Use double quotes (JSON)*']);
        assert.equal(fixAndRelint(ID, text), 'FROM redis:7.4\nVOLUME ["/data"]\n');
    });
    it('handles several and mixed elements', () => {
        const text = "FROM alpine:3.20\nVOLUME [ '/data', \"/logs\",'/my dir' ]\n";
        assert.deepEqual(hits(ID, text), [[1, "[ '/data', \"/logs\",'/my dir' ]"]]);
        assert.equal(fixAndRelint(ID, text), 'FROM alpine:3.20\nVOLUME [ "/data", "/logs","/my dir" ]\n');
    });
    it('keeps exact ranges and layout across continuations, CRLF and the escape directive', () => {
        const text = "FROM alpine:3.20\nVOLUME ['/a', \\\n        '/b']\n";
        const [d] = findings(ID, crlf(text));
        assert.deepEqual(
            [d!.range.start, d!.range.end],
            [
                { line: 1, character: 7 },
                { line: 2, character: 13 },
            ],
        );
        assert.equal(fixAndRelint(ID, crlf(text)), crlf('FROM alpine:3.20\nVOLUME ["/a", \\\n        "/b"]\n'));
        const win = "# escape=`\nFROM alpine:3.20\nVOLUME ['/a', `\n    '/b']\n";
        assert.equal(fixAndRelint(ID, win), '# escape=`\nFROM alpine:3.20\nVOLUME ["/a", `\n    "/b"]\n');
    });
    it('leaves valid JSON, shell form and other instructions alone', () => {
        const good = [
            'FROM alpine:3.20\nVOLUME ["/data"]\n',
            'FROM alpine:3.20\nVOLUME /data /logs\n',
            "FROM alpine:3.20\nVOLUME /it's\n",
            "FROM alpine:3.20\nCMD ['sh']\n",
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('honours inline suppression', () => {
        assert.deepEqual(
            hits(ID, "FROM alpine:3.20\n# dockwise ignore=volume-json-single-quotes\nVOLUME ['/data']\n"),
            [],
        );
    });
});
