import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, From } from 'dockerfile-ast';
import { inImageTag, mayBeInImageTag } from '../../server/src/features/completion';
import { generate } from '../fuzz/generate';

/** Whether a FROM's tag range holds the position, by the parse alone (what inImageTag did before). */
function inTagByParse(text: string, line: number, character: number): boolean {
    for (const i of DockerfileParser.parse(text).getInstructions()) {
        const r = i instanceof From ? i.getImageTagRange() : null;
        if (
            r &&
            (line > r.start.line || (line === r.start.line && character >= r.start.character)) &&
            (line < r.end.line || (line === r.end.line && character <= r.end.character))
        ) {
            return true;
        }
    }
    return false;
}

const SAMPLES = [
    'FROM node:18\nRUN x\n',
    'FROM \\\n  node:18 AS b\n',
    'FROM \\\n# a comment\n\n  node:1\nRUN a:b\n',
    '# escape=`\nFROM `\n  node:2\n',
    'from --platform=$P node:lts\r\nCOPY a:b c\r\n',
    'ARG V=1\nFROM alpine:${V}\nFROM scratch\n',
];

describe('completion: the line check before parsing for a FROM tag', () => {
    it('never rules out a position the parse puts in a tag (samples and seeded fuzz inputs)', () => {
        const texts = [...SAMPLES, ...Array.from({ length: 150 }, (_, i) => generate(20_251_207, i, true).text)];
        let inTag = 0;
        for (const text of texts) {
            const lines = text.split(/\r\n|\r|\n/);
            lines.forEach((l, line) => {
                for (const character of new Set([0, l.indexOf(':') + 1, l.length >> 1, l.length])) {
                    const expected = inTagByParse(text, line, character);
                    inTag += expected ? 1 : 0;
                    assert.equal(
                        inImageTag(text, { line, character }),
                        expected,
                        JSON.stringify({ text, line, character }),
                    );
                    if (expected) {
                        assert.ok(mayBeInImageTag(text, { line, character }));
                    }
                }
            });
        }
        assert.ok(inTag > 10, `only ${inTag} positions were in a tag: the check is not exercised`);
    });

    it('answers without a parse on lines that start an instruction without a FROM tag', () => {
        assert.equal(mayBeInImageTag('FROM node:18\nRUN apt-get install\n', { line: 1, character: 4 }), false);
        assert.equal(mayBeInImageTag('RUN a \\\n  b:c from\n', { line: 1, character: 3 }), true);
        assert.equal(inImageTag('FROM a:b\n', { line: 9, character: 2 }), false); // past the end (fuzz)
    });
});
