import { equivalentsJson } from '../ruleFacts';
import { type Report, span } from './report';

/** One object per finding; positions are 1-based with an exclusive end column (see README "Command line"). */
export interface JsonFinding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    rule: string;
    equivalents: Record<string, string[]>;
    severity: string;
    message: string;
}

export function formatJson(report: Report): string {
    const byId = new Map(report.rules.map((r) => [r.id, r]));
    const findings: JsonFinding[] = report.files.flatMap(({ source, diagnostics }) =>
        diagnostics.map((d) => ({
            file: source.name,
            ...span(d.range),
            rule: d.ruleId,
            equivalents: equivalentsJson(byId.get(d.ruleId)),
            severity: d.severity,
            message: d.message,
        })),
    );
    return JSON.stringify(findings, null, 2) + '\n';
}
