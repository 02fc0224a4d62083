import { readFileSync } from 'node:fs';
import { lint } from '../core/lint';

// Minimal CLI; grows formats, config and thresholds.
const files = process.argv.slice(3);
let failed = false;
for (const file of files) {
    const result = lint(readFileSync(file, 'utf8'), {});
    for (const d of result.diagnostics) {
        failed = true;
        console.log(
            `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.ruleId}]`,
        );
    }
}
process.exitCode = failed ? 1 : 0;
