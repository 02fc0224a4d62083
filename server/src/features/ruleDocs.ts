import { ruleMarkdown } from '../core/docs';
import { RULES, ruleById } from '../core/rules';
import type { ResultOf, RuleDocsParams, RuleDocsRequest, RulesRequest } from '../shared/protocol';

/** `dockwise/ruleDocs`: the bundled documentation of one rule, so the client needs no network. */
export function ruleDocs(params: RuleDocsParams): ResultOf<typeof RuleDocsRequest.type> {
    const id = typeof params?.id === 'string' ? params.id : '';
    const rule = ruleById(id) ?? RULES.find((r) => r.id.toLowerCase() === id.toLowerCase());
    return rule ? { id: rule.id, title: rule.title, markdown: ruleMarkdown(rule) } : null;
}

/** `dockwise/rules`: every rule, in documentation order (the client's quick pick). */
export function ruleList(): ResultOf<typeof RulesRequest.type> {
    return RULES.map((r) => ({
        id: r.id,
        title: r.title,
        category: r.category,
        defaultSeverity: r.defaultSeverity,
        offByDefault: r.offByDefault === true,
    }));
}
