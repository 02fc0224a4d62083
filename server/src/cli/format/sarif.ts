import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDocsUrl, ruleMarkdown } from '../../core/docs';
import type { LintDiagnostic } from '../../core/lint';
import type { Rule, Severity } from '../../core/types';
import { isShellCheckCode, shellCheckUrl } from '../../shellcheck/findings';
import type { Source } from '../files';
import { CATEGORY_LABEL, equivalentsJson, hasFix } from '../ruleFacts';
import { type Report, span } from './report';

const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule described. */
export function formatSarif(report: Report): string {
    const descriptors = report.rules.map(descriptor);
    const indexOf = new Map(report.rules.map((r, i) => [r.id, i]));
    // Ids outside the table (the parser's `parse-error`, ShellCheck's codes) still need a descriptor for ruleIndex.
    for (const { diagnostics } of report.files) {
        for (const d of diagnostics) {
            if (!indexOf.has(d.ruleId)) {
                indexOf.set(d.ruleId, descriptors.length);
                const help = isShellCheckCode(d.ruleId) ? { helpUri: shellCheckUrl(d.ruleId) } : {};
                descriptors.push({ id: d.ruleId, shortDescription: { text: d.ruleId }, ...help });
            }
        }
    }
    const results = report.files.flatMap(({ source, diagnostics }) =>
        diagnostics.map((d) => result(d, indexOf.get(d.ruleId)!, artifactLocation(source, report.cwd))),
    );
    const notifications: Sarif.Notification[] = report.failures.map((f) => ({
        level: 'error',
        message: { text: `Rule ${f.ruleId} failed on ${f.file}: ${f.error}` },
        associatedRule: { id: f.ruleId, index: indexOf.get(f.ruleId) ?? -1 },
    }));
    const log: Sarif.Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'dockwise',
                        version: report.version,
                        semanticVersion: report.version,
                        informationUri: 'https://github.com/dockwise/dockwise',
                        rules: descriptors,
                    },
                },
                invocations: [
                    {
                        executionSuccessful: true,
                        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
                    },
                ],
                // LSP characters are UTF-16 code units, SARIF's default column unit too; said explicitly.
                columnKind: 'utf16CodeUnits',
                results,
            },
        ],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

function descriptor(rule: Rule): Sarif.ReportingDescriptor {
    return {
        id: rule.id,
        name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase()),
        shortDescription: { text: rule.title },
        fullDescription: { text: rule.docs.why },
        help: { text: `${rule.docs.why}\n\n${ruleDocsUrl(rule.id)}`, markdown: ruleMarkdown(rule, { heading: false }) },
        helpUri: ruleDocsUrl(rule.id),
        defaultConfiguration: { level: LEVEL[rule.defaultSeverity], enabled: !rule.offByDefault },
        properties: {
            tags: ['dockerfile', rule.category],
            category: CATEGORY_LABEL[rule.category],
            equivalents: equivalentsJson(rule),
            fixable: hasFix(rule),
        },
    };
}

function result(d: LintDiagnostic, ruleIndex: number, location: Sarif.ArtifactLocation): Sarif.Result {
    const out: Sarif.Result = {
        ruleId: d.ruleId,
        ruleIndex,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
    };
    if (d.severity !== 'error' && d.severity !== 'warning') {
        // info and hint both become `note`: keep Dockwise's own severity for consumers that care.
        out.properties = { severity: d.severity };
    }
    const fixes = d.fixes.filter((f) => f.edits.length > 0);
    if (fixes.length > 0) {
        out.fixes = fixes.map((f) => ({
            description: { text: f.title },
            artifactChanges: [
                {
                    artifactLocation: location,
                    replacements: f.edits.map((e) => ({
                        deletedRegion: region(e.range),
                        ...(e.newText ? { insertedContent: { text: e.newText } } : {}),
                    })),
                },
            ],
        }));
    }
    return out;
}

function region(range: LintDiagnostic['range']): Sarif.Region {
    const s = span(range);
    return { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

/** Relative to the run's folder under %SRCROOT% (what code scanning expects); absolute file URI outside it. */
export function artifactLocation(source: Source, cwd: string): Sarif.ArtifactLocation {
    if (source.absolute === undefined) {
        return { uri: encodePath(source.name.split(/[\\/]/)), uriBaseId: SRCROOT };
    }
    const rel = path.relative(cwd, source.absolute);
    if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
        return { uri: pathToFileURL(source.absolute).href };
    }
    return { uri: encodePath(rel.split(path.sep)), uriBaseId: SRCROOT };
}

function encodePath(segments: string[]): string {
    return segments.map((s) => encodeURIComponent(s)).join('/');
}
