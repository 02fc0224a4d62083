import type { DockerfileModel } from '../model';
import type { Fix } from '../types';
import { rangeText, type UtilsDiagnostic, utilsRule, ValidationCode } from '../kit';

/**
 * `['a', 'b']` → `["a", "b"]`, each single-quoted string re-encoded as a JSON string. Exported so
 * that the VOLUME rule can offer the same fix.
 */
export function doubleQuoteFix(model: DockerfileModel, d: UtilsDiagnostic): Fix[] {
    const text = rangeText(model, d.range);
    const open = text.indexOf('[');
    if (open < 0) {
        return [];
    }
    let ok = true;
    const converted = text.slice(open).replace(/'([^']*)'/g, (_m, inner: string) => {
        // A string cut by a line continuation cannot be re-encoded in place.
        ok &&= !/[\r\n]/.test(inner);
        return JSON.stringify(inner);
    });
    if (!ok) {
        return [];
    }
    const start = model.positionAt(model.offsetAt(d.range.start) + open);
    return [
        {
            title: 'Use double quotes (JSON)',
            edits: [{ range: { start, end: d.range.end }, newText: converted }],
            preferred: true,
        },
    ];
}

export const jsonSingleQuotes = utilsRule({
    id: 'json-single-quotes',
    title: 'Exec form needs double quotes',
    category: 'correctness',
    defaultSeverity: 'warning',
    codes: [ValidationCode.JSON_IN_SINGLE_QUOTES],
    docs: {
        why: "The exec form `[\"a\", \"b\"]` is JSON, and JSON strings take double quotes. With single quotes the builder does not recognise it and runs the text through a shell as it is: `CMD ['nginx', '-g', 'daemon off;']` fails at start with `/bin/sh: [nginx,: not found`.",
        bad: "FROM nginx:1.27\nCMD ['nginx', '-g', 'daemon off;']\n",
        good: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
        notes: 'Covers CMD, ENTRYPOINT, RUN, COPY and ADD; VOLUME has its own rule, volume-json-single-quotes. A quick fix switches the quotes.',
    },
    fixes: (d, model) => doubleQuoteFix(model, d),
});
