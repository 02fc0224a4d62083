import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from './core/lint';
import { ruleDocsUrl } from './core/docs';

// Minimal wiring; the features/ folder grows the real adapter.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));

documents.onDidChangeContent(({ document }) => {
    const result = lint(document.getText());
    void connection.sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics: result.diagnostics.map((d) => ({
            range: d.range,
            message: d.message,
            severity: { error: 1, warning: 2, info: 3, hint: 4 }[d.severity] as 1 | 2 | 3 | 4,
            code: d.ruleId,
            source: 'dockwise',
            codeDescription: { href: ruleDocsUrl(d.ruleId) },
        })),
    });
});

documents.listen(connection);
connection.listen();
