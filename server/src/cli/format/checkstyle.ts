import type { Severity } from '../../core/types';
import { type Report, span } from './report';

/** Checkstyle knows error, warning and info; a hint is the mildest, info. */
const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

/** Escapes text for an XML attribute, dropping characters XML 1.0 cannot carry at all. */
export function xmlEscape(text: string): string {
    return text
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]!);
}

// Tabs and line breaks as character references: attribute-value normalisation would turn them into spaces.
const XML_ENTITIES: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
    '\t': '&#9;',
    '\n': '&#10;',
    '\r': '&#13;',
};

/** Checkstyle 4.3 XML, as hadolint and ESLint write it: every linted file, with its findings. */
export function formatCheckstyle(report: Report): string {
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
    for (const { source, diagnostics } of report.files) {
        if (diagnostics.length === 0) {
            lines.push(`<file name="${xmlEscape(source.name)}"/>`);
            continue;
        }
        lines.push(`<file name="${xmlEscape(source.name)}">`);
        for (const d of diagnostics) {
            const s = span(d.range);
            lines.push(
                `<error line="${s.line}" column="${s.column}" severity="${LEVEL[d.severity]}" ` +
                    `message="${xmlEscape(d.message)}" source="dockwise.${xmlEscape(d.ruleId)}"/>`,
            );
        }
        lines.push('</file>');
    }
    lines.push('</checkstyle>');
    return lines.join('\n') + '\n';
}
