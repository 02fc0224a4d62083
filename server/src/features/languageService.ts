import type { DockerfileLanguageService, FormatterSettings } from 'dockerfile-language-service';
import type { Connection, FormattingOptions, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientFeatures } from './capabilities';
import { computeCompletion, type TagCompletionState } from './completion';
import { guarded } from './guard';
import { tooLargeToAnalyse } from './limits';
import type { Logger } from './logger';
import { computeSemanticTokens } from './semanticTokens';
import type { SettingsStore } from './settingsStore';
import { computeSymbols } from './symbols';
import { loneCrToLf } from '../core/upstreamBugs';

export interface LanguageServiceDeps {
    connection: Connection;
    documents: TextDocuments<TextDocument>;
    service: DockerfileLanguageService;
    features: ClientFeatures;
    settings: SettingsStore;
    logger: Logger;
    tagState: TagCompletionState;
}

/**
 * The editor features dockerfile-language-service already does well, forwarded as they are
 * (rcjsuen's server does the same): completion, formatting, outline, folding, semantic tokens,
 * signature help, links, rename, definition and highlights. Only what the client supports is
 * registered; each handler is guarded and skips documents too large (or too long-lined) to analyse.
 */
export function registerLanguageServiceFeatures(deps: LanguageServiceDeps): void {
    const { connection, service, features, logger } = deps;
    const p = features.providers;
    /**
     * The open document, or undefined (unknown or too large): the handler then answers `fallback`. Its
     * text has LF for each lone CR (same positions): dockerfile-ast's heredoc scan throws on some
     * lone CRs, and the formatter with it (found by `npm run fuzz`).
     */
    const doc = (uri: string): Pick<TextDocument, 'uri' | 'getText'> | undefined => {
        const d = deps.documents.get(uri);
        return d && !tooLargeToAnalyse(d) ? { uri: d.uri, getText: () => loneCrToLf(d.getText()) } : undefined;
    };
    const formatterSettings = async (uri: string, options: FormattingOptions): Promise<FormatterSettings> => {
        const settings = await deps.settings.get(uri);
        return { ...options, ignoreMultilineInstructions: settings.format.ignoreMultilineInstructions };
    };

    if (p.completion) {
        connection.onCompletion(
            guarded(logger, 'completion', [], async ({ textDocument, position }) => {
                const d = doc(textDocument.uri);
                if (!d) {
                    return [];
                }
                const settings = await deps.settings.get(textDocument.uri);
                return computeCompletion({
                    service,
                    text: d.getText(),
                    position,
                    imageTags: settings.completion.imageTags,
                    state: deps.tagState,
                    logger,
                });
            }),
        );
        connection.onCompletionResolve((item) =>
            guarded(logger, 'completion resolve', item, () => service.resolveCompletionItem(item))(),
        );
    }
    if (p.formatting) {
        connection.onDocumentFormatting(
            guarded(logger, 'formatting', [], async ({ textDocument, options }) => {
                const d = doc(textDocument.uri);
                return d ? service.format(d.getText(), await formatterSettings(d.uri, options)) : [];
            }),
        );
    }
    if (p.rangeFormatting) {
        connection.onDocumentRangeFormatting(
            guarded(logger, 'range formatting', [], async ({ textDocument, range, options }) => {
                const d = doc(textDocument.uri);
                return d ? service.formatRange(d.getText(), range, await formatterSettings(d.uri, options)) : [];
            }),
        );
    }
    if (p.onTypeFormatting) {
        connection.onDocumentOnTypeFormatting(
            guarded(logger, 'on-type formatting', [], async ({ textDocument, position, ch, options }) => {
                const d = doc(textDocument.uri);
                return d
                    ? service.formatOnType(d.getText(), position, ch, await formatterSettings(d.uri, options))
                    : [];
            }),
        );
    }
    if (p.documentSymbol) {
        connection.onDocumentSymbol(
            guarded(logger, 'document symbols', [], ({ textDocument }) => {
                const d = doc(textDocument.uri);
                return d ? computeSymbols(service, d.uri, d.getText(), features.hierarchicalSymbols) : [];
            }),
        );
    }
    if (p.foldingRange) {
        connection.onFoldingRanges(
            guarded(logger, 'folding', [], ({ textDocument }) => {
                const d = doc(textDocument.uri);
                return d ? service.computeFoldingRanges(d.getText()) : [];
            }),
        );
    }
    if (p.semanticTokens) {
        connection.languages.semanticTokens.on(
            guarded(logger, 'semantic tokens', { data: [] }, ({ textDocument }) => {
                const d = doc(textDocument.uri);
                return d ? computeSemanticTokens(service, d.getText()) : { data: [] };
            }),
        );
    }
    if (p.signatureHelp) {
        connection.onSignatureHelp(
            guarded(logger, 'signature help', null, ({ textDocument, position }) => {
                const d = doc(textDocument.uri);
                return d ? service.computeSignatureHelp(d.getText(), position) : null;
            }),
        );
    }
    if (p.documentLink) {
        connection.onDocumentLinks(
            guarded(logger, 'document links', [], ({ textDocument }) => {
                const d = doc(textDocument.uri);
                return d ? service.computeLinks(d.getText()) : [];
            }),
        );
        connection.onDocumentLinkResolve((link) =>
            guarded(logger, 'document link resolve', link, () => service.resolveLink(link))(),
        );
    }
    if (p.rename) {
        connection.onRenameRequest(
            guarded(logger, 'rename', null, ({ textDocument, position, newName }) => {
                const d = doc(textDocument.uri);
                const edits = d ? service.computeRename({ uri: d.uri }, d.getText(), position, newName) : [];
                return edits.length > 0 ? { changes: { [textDocument.uri]: edits } } : null;
            }),
        );
    }
    if (p.prepareRename) {
        connection.onPrepareRename(
            guarded(logger, 'prepare rename', null, ({ textDocument, position }) => {
                const d = doc(textDocument.uri);
                return d ? service.prepareRename(d.getText(), position) : null;
            }),
        );
    }
    if (p.definition) {
        connection.onDefinition(
            guarded(logger, 'definition', null, ({ textDocument, position }) => {
                const d = doc(textDocument.uri);
                return d ? (service.computeDefinition({ uri: d.uri }, d.getText(), position) ?? null) : null;
            }),
        );
    }
    if (p.documentHighlight) {
        connection.onDocumentHighlight(
            guarded(logger, 'highlight', [], ({ textDocument, position }) => {
                const d = doc(textDocument.uri);
                return d ? service.computeHighlightRanges(d.getText(), position) : [];
            }),
        );
    }
}
