import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { type Hover, MarkupKind, type Position, type Range } from 'vscode-languageserver/node';
import { practiceOf, ruleDocsUrl } from '../core/docs';
import type { LintDiagnostic } from '../core/lint';
import { ruleById } from '../core/rules';

export interface HoverInput {
    text: string;
    position: Position;
    /** The findings of the document's current version. */
    findings: LintDiagnostic[];
    service: DockerfileLanguageService;
    markdown: boolean;
}

function contains(range: Range, p: Position): boolean {
    const afterStart =
        p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return afterStart && beforeEnd;
}

/**
 * On a finding: its message, the rule's "why" in a few lines and a link to the full page (examples,
 * notes), then the language service's help for the instruction. Elsewhere: the language service's
 * hover alone. The whole page per finding made a line with three findings hover ~7,000 characters.
 */
export function computeHover(input: HoverInput): Hover | null {
    const { position } = input;
    const findings = input.findings.filter((d) => contains(d.range, position));
    const parts: string[] = [];
    const seen = new Set<string>();
    for (const finding of findings) {
        const rule = ruleById(finding.ruleId);
        if (!rule || seen.has(rule.id)) {
            continue;
        }
        seen.add(rule.id);
        const link = input.markdown
            ? `[Rule page: examples and notes](${ruleDocsUrl(rule.id)})`
            : `Rule page: ${ruleDocsUrl(rule.id)}`;
        // The practice it teaches stays in the short hover: the six practices are what Dockwise is for.
        const practice = practiceOf(rule);
        const title = practice ? `**${rule.title}** (${practice})` : `**${rule.title}**`;
        parts.push(`**Dockwise \`${rule.id}\`:** ${finding.message}\n\n${title}: ${rule.docs.why}\n\n${link}`);
    }
    const service = input.service.computeHover(input.text, position);
    const serviceText = service ? hoverText(service.contents) : '';
    if (serviceText) {
        parts.push(serviceText);
    }
    if (parts.length === 0) {
        return null;
    }
    // The narrowest finding under the cursor is what the editor highlights.
    const narrowest = findings.map((f) => f.range).sort((a, b) => span(a) - span(b))[0];
    const range = narrowest ?? service?.range;
    return {
        contents: {
            kind: input.markdown ? MarkupKind.Markdown : MarkupKind.PlainText,
            value: parts.join('\n\n---\n\n'),
        },
        ...(range ? { range } : {}),
    };
}

/** A range's size, lines first: enough to order ranges that all contain one position. */
function span(r: Range): number {
    return (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
}

/** Hover contents in any of the shapes LSP allows, as one string. */
function hoverText(contents: Hover['contents']): string {
    const one = (c: unknown): string => {
        if (typeof c === 'string') {
            return c;
        }
        const value = (c as { value?: unknown; language?: unknown }).value;
        const language = (c as { language?: unknown }).language;
        if (typeof value !== 'string') {
            return '';
        }
        return typeof language === 'string' ? `\`\`\`${language}\n${value}\n\`\`\`` : value;
    };
    return (Array.isArray(contents) ? contents.map(one) : [one(contents)]).filter((s) => s.trim()).join('\n\n');
}
