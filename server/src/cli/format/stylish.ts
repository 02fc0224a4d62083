import type { Severity } from '../../core/types';
import { type Report, span } from './report';

const SGR = {
    reset: '\u001b[0m',
    bold: '\u001b[1m',
    dim: '\u001b[2m',
    underline: '\u001b[4m',
    red: '\u001b[31m',
    yellow: '\u001b[33m',
    blue: '\u001b[34m',
    gray: '\u001b[90m',
};

const SEVERITY_COLOR: Record<Severity, string> = {
    error: SGR.red,
    warning: SGR.yellow,
    info: SGR.blue,
    hint: SGR.gray,
};
const ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];
const PLURAL: Record<Severity, [string, string]> = {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    info: ['info', 'info'],
    hint: ['hint', 'hints'],
};

/** ESLint's "stylish" layout: a block per file, aligned columns, a summary; nothing when clean. */
export function formatStylish(report: Report): string {
    const paint = (code: string, text: string) => (report.color ? `${code}${text}${SGR.reset}` : text);
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    const out: string[] = [];
    for (const { source, diagnostics } of report.files) {
        if (diagnostics.length === 0) {
            continue;
        }
        const rows = diagnostics.map((d) => {
            counts[d.severity]++;
            const s = span(d.range);
            return { where: `${s.line}:${s.column}`, severity: d.severity, message: d.message, rule: d.ruleId };
        });
        const whereWidth = Math.max(...rows.map((r) => r.where.length));
        const severityWidth = Math.max(...rows.map((r) => r.severity.length));
        out.push(paint(SGR.underline, source.name));
        for (const r of rows) {
            // Messages stay on one line: a multi-line message would break the columns.
            const message = r.message.replace(/\s*[\r\n]+\s*/g, ' ');
            out.push(
                `  ${paint(SGR.dim, r.where.padStart(whereWidth))}  ` +
                    `${paint(SEVERITY_COLOR[r.severity], r.severity.padEnd(severityWidth))}  ` +
                    `${message}  ${paint(SGR.dim, r.rule)}`,
            );
        }
        out.push('');
    }
    const total = ORDER.reduce((n, s) => n + counts[s], 0);
    if (total === 0) {
        return '';
    }
    const parts = ORDER.map((s) => `${counts[s]} ${PLURAL[s][counts[s] === 1 ? 0 : 1]}`);
    const worst = ORDER.find((s) => counts[s] > 0)!;
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
    out.push(paint(SGR.bold + SEVERITY_COLOR[worst], summary));
    return out.join('\n') + '\n';
}
