import type { Rule } from './types';

export const DOCS_BASE_URL = 'https://github.com/dockwise/dockwise/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
    return `${DOCS_BASE_URL}${id}.md`;
}

const PRACTICE: Partial<Record<Rule['category'], string>> = {
    'one-process': 'Practice 1: one container, one process',
    ports: 'Practice 2: make the ports clear',
    persistence: 'Practice 3: make persistent data clear',
    configuration: 'Practice 4: configuration through environment variables',
    logging: 'Practice 5: logs to stdout and stderr',
    foreground: 'Practice 6: the main program in the foreground as PID 1',
};

/** Which of the six practices the rule teaches, when it teaches one (`Practice 4: …`). */
export function practiceOf(rule: Rule): string | undefined {
    return PRACTICE[rule.category];
}

export function equivalentsText(rule: Rule): string {
    const e = rule.equivalents;
    const parts = [
        ...(e.hadolint ?? []).map((id) => `hadolint ${id}`),
        ...(e.buildkit ?? []).map((id) => `BuildKit ${id}`),
        ...(e.trivy ?? []).map((id) => `Trivy ${id}`),
        ...(e.dockerfileUtils ?? []).map((id) => `dockerfile-utils ${id}`),
    ];
    return parts.join(', ');
}

/** The rule's documentation as Markdown: hover, the offline docs view and docs/rules/*.md. */
export function ruleMarkdown(rule: Rule, options: { heading?: boolean } = {}): string {
    const lines: string[] = [];
    if (options.heading !== false) {
        lines.push(`# ${rule.id}`, '');
    }
    lines.push(`**${rule.title}**`, '');
    const practice = PRACTICE[rule.category];
    const severity = rule.offByDefault ? `off by default (${rule.defaultSeverity} when on)` : rule.defaultSeverity;
    lines.push(`Category: ${practice ?? rule.category} · Default: ${severity}`, '');
    const eq = equivalentsText(rule);
    if (eq) {
        lines.push(`Equivalents: ${eq}`, '');
    }
    lines.push(rule.docs.why, '');
    lines.push('Bad:', '', '```dockerfile', rule.docs.bad.trimEnd(), '```', '');
    lines.push('Good:', '', '```dockerfile', rule.docs.good.trimEnd(), '```', '');
    if (rule.docs.options) {
        lines.push(
            'The examples assume these options (`ruleOptions` in a config file):',
            '',
            '```json',
            JSON.stringify({ [rule.id]: rule.docs.options }, null, 4),
            '```',
            '',
        );
    }
    if (rule.docs.notes) {
        lines.push(rule.docs.notes.trimEnd(), '');
    }
    lines.push(
        `Turn it off with the setting \`"dockwise.rules": { "${rule.id}": "off" }\`, or on one instruction with the comment \`# dockwise ignore=${rule.id}\` on the line above.`,
    );
    return lines.join('\n') + '\n';
}
