import type { TextEdit } from 'vscode-languageserver-types';
import { spanToOffsets } from '../logicalText';
import type { Finding, Rule } from '../types';

/** One element of a bracketed list: `'…'` or `"…"`, with logical offsets of its quotes. */
interface Element {
    start: number;
    end: number;
    value: string;
    single: boolean;
}

/** Reads `[ 'a', "b" ]`; undefined when the text is not such a list. */
function elements(text: string): Element[] | undefined {
    const open = text.indexOf('[');
    const close = text.lastIndexOf(']');
    if (open !== 0 || close !== text.length - 1) {
        return undefined;
    }
    const out: Element[] = [];
    const re = /\s*(?:'([^']*)'|"((?:[^"\\]|\\.)*)")\s*(,|\])/gy;
    re.lastIndex = 1;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
        const quote = m[0].search(/['"]/);
        const start = m.index + quote;
        const single = m[1] !== undefined;
        const value = single ? m[1]! : m[2]!;
        out.push({ start, end: start + value.length + 2, value, single });
        if (m[3] === ']') {
            return re.lastIndex === text.length ? out : undefined;
        }
    }
    return undefined;
}

export const volumeJsonSingleQuotes: Rule = {
    id: 'volume-json-single-quotes',
    title: 'VOLUME in JSON form needs double quotes',
    category: 'persistence',
    defaultSeverity: 'error',
    docs: {
        why: "`VOLUME ['/data']` is not JSON, because JSON strings take double quotes. Docker then reads the text as a path instead of a list, so the volume is created at a directory named after the brackets, not at /data, and /data keeps its data inside the container.",
        bad: "FROM redis:7.4\nVOLUME ['/data']\n",
        good: 'FROM redis:7.4\nVOLUME ["/data"]\n',
    },
    equivalents: { dockerfileUtils: ['JSON_IN_SINGLE_QUOTES'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'VOLUME' || inst.json || !inst.argsRange) {
                continue;
            }
            const lt = inst.args();
            const lead = lt.text.length - lt.text.trimStart().length;
            const text = lt.text.trim();
            const items = elements(text);
            if (!items?.some((e) => e.single)) {
                continue;
            }
            const edits: TextEdit[] = items
                .filter((e) => e.single)
                .map((e) => {
                    const [a, b] = spanToOffsets(lt, lead + e.start, lead + e.end);
                    return { range: model.rangeOf(a, b), newText: JSON.stringify(e.value) };
                });
            const [a, b] = spanToOffsets(lt, lead, lead + text.length);
            const fixed = `[${items.map((e) => JSON.stringify(e.value)).join(', ')}]`;
            findings.push({
                range: model.rangeOf(a, b),
                message: `\`${text}\` is not JSON (JSON strings take double quotes), so Docker reads it as a path named after the brackets instead of a list of directories. Write \`VOLUME ${fixed}\`.`,
                fixes: [{ title: 'Use double quotes (JSON)', edits, preferred: true }],
            });
        }
        return findings;
    },
};
