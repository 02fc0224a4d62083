import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');

interface OnEnterRule {
    beforeText: string;
    previousLineText?: string;
    action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent' };
}

const config = JSON.parse(readFileSync(path.join(root, 'language-configuration.json'), 'utf8')) as {
    comments: { lineComment: string };
    onEnterRules: OnEnterRule[];
};

/** What VS Code does on Enter at the end of `line` (the first rule whose regexes all match wins). */
function onEnter(line: string, previousLine = ''): string {
    const rule = config.onEnterRules.find(
        (r) =>
            new RegExp(r.beforeText).test(line) &&
            (r.previousLineText === undefined || new RegExp(r.previousLineText).test(previousLine)),
    );
    return rule?.action.indent ?? 'keep';
}

describe('language configuration', () => {
    it('comments with #', () => {
        assert.equal(config.comments.lineComment, '#');
    });
    it('indents the lines that continue an instruction', () => {
        assert.equal(onEnter('RUN apt-get update \\'), 'indent');
        assert.equal(onEnter('RUN apt-get update && \\  ', 'FROM debian:12'), 'indent');
        assert.equal(onEnter('ENV A=1 \\', '# a comment'), 'indent');
    });
    it('keeps the indentation inside a continuation', () => {
        assert.equal(onEnter('    && apt-get install -y curl \\', 'RUN apt-get update \\'), 'none');
    });
    it('outdents after the last continued line', () => {
        assert.equal(onEnter('    && rm -rf /var/lib/apt/lists/*', '    && apt-get install -y curl \\'), 'outdent');
    });
    it('leaves other lines alone', () => {
        assert.equal(onEnter('FROM alpine:3.20'), 'keep');
        assert.equal(onEnter('    # a comment inside a continuation', 'RUN a \\'), 'keep');
        assert.equal(onEnter('CMD ["app"]', 'EXPOSE 80'), 'keep');
    });
});
