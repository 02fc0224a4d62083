// SECURITY.md names, for each threat, the test that covers it: every cited file must exist and hold every cited
// test name, so the page cannot drift from the tests.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** [file, test name] pairs from the last cell of each table row: `path`: "name", "name"; `path`: … */
function citations(markdown: string): [string, string][] {
    const out: [string, string][] = [];
    for (const row of markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))) {
        const cell = row.split(' | ').pop() ?? '';
        let file: string | undefined;
        for (const m of cell.matchAll(/`(test\/[^`]+\.ts)`|"((?:[^"\\]|\\.)*)"/g)) {
            if (m[1]) {
                file = m[1];
                out.push([file, '']);
            } else if (file && m[2]) {
                out.push([file, m[2].replace(/\\"/g, '"')]);
            }
        }
    }
    return out;
}

describe('SECURITY.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');
    const cited = citations(doc);

    it('covers the four threats of the model', () => {
        for (const heading of ['malicious repository', 'malicious image or container', 'engine', 'Secrets on disk']) {
            assert.match(doc, new RegExp(`^## \\d\\. .*${heading}`, 'im'), heading);
        }
        assert.ok(cited.filter(([, name]) => name).length >= 30, `only ${cited.length} citations`);
    });

    it('cites test files that exist and test names they hold', () => {
        for (const [file, name] of cited) {
            const full = path.join(ROOT, file);
            assert.ok(fs.existsSync(full), `${file} does not exist`);
            // "…" stands for a part the source builds (a loop variable) or that the page shortens.
            for (const piece of name.split('…').filter((p) => p.trim())) {
                assert.ok(fs.readFileSync(full, 'utf8').includes(piece), `${file} has no test "${name}"`);
            }
        }
    });
});
