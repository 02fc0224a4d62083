import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ruleMarkdown } from '../../server/src/core/docs';
import { RULES, ruleById } from '../../server/src/core/rules';
import type { RuleDocs, RuleSummary } from '../../server/src/shared/protocol';
import { RuleDocsRequest, RulesRequest } from '../../server/src/shared/protocol';
import { TestServer } from './lspClient';

describe('custom requests', () => {
    let server: TestServer;
    before(async () => {
        server = await TestServer.start();
    });
    after(async () => {
        await server.stop();
    });

    it('dockwise/rules lists every rule in documentation order', async () => {
        const rules = await server.request<RuleSummary[]>(RulesRequest.method);
        assert.deepEqual(
            rules.map((r) => r.id),
            RULES.map((r) => r.id),
        );
        const keepAlive = rules.find((r) => r.id === 'keep-alive-hack');
        assert.deepEqual(keepAlive, {
            id: 'keep-alive-hack',
            title: ruleById('keep-alive-hack')!.title,
            category: 'foreground',
            defaultSeverity: 'warning',
            offByDefault: false,
        });
    });

    it('dockwise/ruleDocs answers the bundled Markdown page, or null', async () => {
        const docs = await server.request<RuleDocs | null>(RuleDocsRequest.method, { id: 'keep-alive-hack' });
        assert.ok(docs);
        assert.equal(docs.markdown, ruleMarkdown(ruleById('keep-alive-hack')!));
        assert.ok(docs.markdown.startsWith('# keep-alive-hack\n'));
        // Ids are matched case-insensitively, as in settings and ignore comments.
        assert.equal(
            (await server.request<RuleDocs | null>(RuleDocsRequest.method, { id: 'KEEP-ALIVE-HACK' }))?.id,
            'keep-alive-hack',
        );
        assert.equal(await server.request(RuleDocsRequest.method, { id: 'no-such-rule' }), null);
        assert.equal(await server.request(RuleDocsRequest.method, { id: 42 }), null);
    });
});
