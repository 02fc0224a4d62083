import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
    CancellationTokenSource,
    type CodeAction,
    type CompletionItem,
    type Hover,
} from 'vscode-languageserver-protocol/node';
import { TestServer } from './lspClient';

// The server keeps answering while a slow lint runs (docs/fuzzing.md): a huge document is linted in
// the worker for seconds, and meanwhile requests on a small document are answered — asserted by
// order (before the huge document's diagnostics), not by milliseconds. A long request is cancelled
// with $/cancelRequest and answers RequestCancelled at once.

/** 40,000 RUN lines (240 kB, under the 1 MB limit): seconds of linting (the parser grows faster than linearly). */
const HUGE = 'FROM alpine:3.20\n' + 'RUN echo a\n'.repeat(40_000);
const SMALL = 'FROM alpine:3.20\nRUN apk add curl\nCMD tail -f /dev/null\n';
const REQUEST_CANCELLED = -32800;

describe('responsiveness while a huge document is linted', { timeout: 180_000 }, () => {
    let server: TestServer;
    before(async () => {
        server = await TestServer.start({ settings: { lint: { debounceMs: 0 }, completion: { imageTags: false } } });
        // The small document's lint done once, so what follows only waits on the huge one.
        await server.open('file:///resp/warm/Dockerfile', SMALL);
    });
    after(async () => {
        await server.stop();
    });

    it('answers hover, completion and code actions on a small document first', async () => {
        const huge = 'file:///resp/huge1/Dockerfile';
        const small = 'file:///resp/small1/Dockerfile';
        const order: string[] = [];
        const hugeDone = server
            .nextDiagnostics(huge, () => true, 120_000)
            .then((p) => {
                order.push('huge diagnostics');
                return p;
            });
        await server.didOpen(huge, HUGE);
        await server.didOpen(small, SMALL);
        const doc = { textDocument: { uri: small } };
        const [hover, completion, actions] = await Promise.all([
            server.request<Hover | null>('textDocument/hover', { ...doc, position: { line: 1, character: 1 } }),
            server.request<CompletionItem[]>('textDocument/completion', {
                ...doc,
                position: { line: 2, character: 0 },
            }),
            server.request<CodeAction[]>('textDocument/codeAction', {
                ...doc,
                range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
                context: { diagnostics: [] },
            }),
        ]);
        order.push('small answers');
        const published = await hugeDone;
        assert.deepEqual(order, ['small answers', 'huge diagnostics']);
        // Real answers, not empty fallbacks: RUN's documentation, instruction keywords.
        assert.match(JSON.stringify(hover?.contents), /RUN/);
        assert.ok(completion.length > 0);
        assert.ok(Array.isArray(actions));
        assert.ok(Array.isArray(published.diagnostics));
        assert.ok(server.alive);
    });

    it('honours $/cancelRequest on a request waiting for the huge lint', async () => {
        const huge = 'file:///resp/huge2/Dockerfile';
        const order: string[] = [];
        const hugeDone = server.nextDiagnostics(huge, () => true, 120_000).then(() => order.push('huge diagnostics'));
        await server.didOpen(huge, HUGE);
        // Fix-all needs the findings of the huge document: it waits for its lint.
        const source = new CancellationTokenSource();
        const fixAll = server.connection.sendRequest(
            'textDocument/codeAction',
            {
                textDocument: { uri: huge },
                range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
                context: { diagnostics: [], only: ['source.fixAll.dockwise'] },
            },
            source.token,
        );
        // Something the server answers after it has started on the request.
        await server.request('textDocument/hover', {
            textDocument: { uri: 'file:///resp/warm/Dockerfile' },
            position: { line: 0, character: 1 },
        });
        source.cancel();
        const error = await fixAll.then(
            () => undefined,
            (e: { code?: number }) => e,
        );
        order.push('cancelled');
        await hugeDone;
        assert.equal(error?.code, REQUEST_CANCELLED);
        assert.deepEqual(order, ['cancelled', 'huge diagnostics']);
        assert.ok(server.alive);
    });
});
