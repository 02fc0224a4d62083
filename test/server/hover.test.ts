import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { ruleById } from '../../server/src/core/rules';
import { find, FULL_CAPABILITIES, TestServer } from './lspClient';

const KEEP_ALIVE = 'FROM ubuntu:24.04\nRUN apt-get update\nCMD service nginx start && tail -f /dev/null\n';

describe('hover', () => {
    let server: TestServer;
    const uri = 'file:///work/hover/Dockerfile';
    before(async () => {
        server = await TestServer.start({ settings: { lint: { debounceMs: 0 } } });
        await server.open(uri, KEEP_ALIVE);
    });
    after(async () => {
        await server.stop();
    });

    it('shows the rule documentation on a finding, over the narrowest finding', async () => {
        const at = find(KEEP_ALIVE, 'tail -f /dev/null');
        const hover = await server.request<Hover>('textDocument/hover', {
            textDocument: { uri },
            position: { line: at.start.line, character: at.start.character + 2 },
        });
        const contents = hover.contents as MarkupContent;
        assert.equal(contents.kind, 'markdown');
        const rule = ruleById('keep-alive-hack')!;
        assert.ok(contents.value.includes('**Dockwise `keep-alive-hack`:**'), contents.value);
        assert.ok(contents.value.includes(`**${rule.title}**`));
        assert.ok(contents.value.includes(rule.docs.why));
        assert.ok(!contents.value.includes('# keep-alive-hack\n'), 'the docs heading is left out');
        assert.deepEqual(hover.range, at);
    });

    it('keeps to the finding: its message, the rule’s why and a link to the full page, not the page itself', async () => {
        // One line with several findings (cmd-exec-form, daemonized-main-process, keep-alive-hack, …).
        const at = find(KEEP_ALIVE, 'service nginx start');
        const hover = await server.request<Hover>('textDocument/hover', {
            textDocument: { uri },
            position: { line: at.start.line, character: at.start.character + 1 },
        });
        const value = (hover.contents as MarkupContent).value;
        const rule = ruleById('daemonized-main-process')!;
        assert.ok(value.includes(`](https://`) && value.includes('daemonized-main-process.md)'), value);
        assert.ok(!value.includes(rule.docs.bad), 'the bad example stays on the rule page');
        assert.ok(!value.includes(rule.docs.notes!.slice(0, 60)), 'the notes stay on the rule page');
        assert.ok(value.length < 3000, `${value.length} characters`);
    });

    it('appends the language service help when the finding covers an instruction keyword', async () => {
        const text = 'FROM alpine:3.20\nMAINTAINER someone@example.com\n';
        const maintainerUri = 'file:///work/hover/maintainer/Dockerfile';
        const d = (await server.open(maintainerUri, text)).diagnostics.find((x) => x.code === 'maintainer-deprecated');
        assert.ok(d, 'maintainer-deprecated reported');
        const hover = await server.request<Hover>('textDocument/hover', {
            textDocument: { uri: maintainerUri },
            position: d.range.start,
        });
        const value = (hover.contents as MarkupContent).value;
        const service = DockerfileLanguageServiceFactory.createLanguageService();
        service.setCapabilities({ hover: { contentFormat: ['markdown'] } });
        const own = service.computeHover(text, d.range.start);
        assert.ok(own, 'the language service documents MAINTAINER');
        const ownText = typeof own.contents === 'string' ? own.contents : (own.contents as MarkupContent).value;
        const docs = value.indexOf('**Dockwise `maintainer-deprecated`:**');
        assert.ok(docs >= 0, value);
        assert.ok(value.indexOf(ownText) > docs, value);
        assert.ok(value.includes('\n\n---\n\n'));
    });

    it('shows only the language service hover away from findings', async () => {
        const hover = await server.request<Hover>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 1, character: 1 },
        });
        const value = (hover.contents as MarkupContent).value;
        assert.ok(!value.includes('Dockwise'), value);
        assert.match(value, /RUN|commands/i);
    });

    it('answers null where there is nothing to say', async () => {
        const hover = await server.request<Hover | null>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 5, character: 0 },
        });
        assert.equal(hover, null);
    });

    it('falls back to plain text for clients that cannot render Markdown', async () => {
        const plain = await TestServer.start({
            capabilities: {
                ...FULL_CAPABILITIES,
                textDocument: { ...FULL_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext'] } },
            },
            settings: { lint: { debounceMs: 0 } },
        });
        try {
            await plain.open(uri, KEEP_ALIVE);
            const at = find(KEEP_ALIVE, 'tail');
            const hover = await plain.request<Hover>('textDocument/hover', {
                textDocument: { uri },
                position: at.start,
            });
            assert.equal((hover.contents as MarkupContent).kind, 'plaintext');
        } finally {
            await plain.stop();
        }
    });
});
