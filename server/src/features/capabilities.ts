import {
    CodeActionKind,
    type ClientCapabilities,
    MarkupKind,
    type ServerCapabilities,
    TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { Capabilities as ServiceCapabilities } from 'dockerfile-language-service';
import { FIX_ALL_KIND } from '../shared/protocol';
import { SEMANTIC_TOKENS_LEGEND } from './semanticTokens';

/** What the client said it can do, reduced to the questions the features ask. */
export interface ClientFeatures {
    /** `workspace/configuration`: settings per document. */
    configuration: boolean;
    /** The client accepts a dynamic registration for `workspace/didChangeConfiguration`. */
    configurationChangeRegistration: boolean;
    /** Versioned `documentChanges` in workspace edits (refused by the editor when the document moved on). */
    documentChanges: boolean;
    /** CodeAction literals (with edits and kinds) rather than bare commands. */
    codeActionLiterals: boolean;
    hierarchicalSymbols: boolean;
    markdownHover: boolean;
    /** Providers the client has a capability for: only these are announced. */
    providers: {
        hover: boolean;
        completion: boolean;
        codeAction: boolean;
        formatting: boolean;
        rangeFormatting: boolean;
        onTypeFormatting: boolean;
        documentSymbol: boolean;
        foldingRange: boolean;
        semanticTokens: boolean;
        signatureHelp: boolean;
        documentLink: boolean;
        rename: boolean;
        prepareRename: boolean;
        definition: boolean;
        documentHighlight: boolean;
    };
}

export function detectClientFeatures(caps: ClientCapabilities): ClientFeatures {
    const td = caps.textDocument ?? {};
    const ws = caps.workspace ?? {};
    return {
        configuration: ws.configuration === true,
        configurationChangeRegistration: ws.didChangeConfiguration?.dynamicRegistration === true,
        documentChanges: ws.workspaceEdit?.documentChanges === true,
        codeActionLiterals: td.codeAction?.codeActionLiteralSupport !== undefined,
        hierarchicalSymbols: td.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
        markdownHover: td.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false,
        providers: {
            hover: td.hover !== undefined,
            completion: td.completion !== undefined,
            // Without literals the quick fixes (edits) cannot be expressed at all.
            codeAction: td.codeAction?.codeActionLiteralSupport !== undefined,
            formatting: td.formatting !== undefined,
            rangeFormatting: td.rangeFormatting !== undefined,
            onTypeFormatting: td.onTypeFormatting !== undefined,
            documentSymbol: td.documentSymbol !== undefined,
            foldingRange: td.foldingRange !== undefined,
            semanticTokens:
                td.semanticTokens?.requests?.full !== undefined && td.semanticTokens.requests.full !== false,
            signatureHelp: td.signatureHelp !== undefined,
            documentLink: td.documentLink !== undefined,
            rename: td.rename !== undefined,
            prepareRename: td.rename?.prepareSupport === true,
            definition: td.definition !== undefined,
            documentHighlight: td.documentHighlight !== undefined,
        },
    };
}

/** The language service adapts completion, hover and folding to what the client renders. */
export function serviceCapabilities(caps: ClientCapabilities): ServiceCapabilities {
    const td = caps.textDocument ?? {};
    const item = td.completion?.completionItem;
    return {
        completion: {
            completionItem: {
                deprecatedSupport: item?.deprecatedSupport === true,
                documentationFormat: item?.documentationFormat ?? [MarkupKind.PlainText],
                snippetSupport: item?.snippetSupport === true,
                ...(item?.tagSupport ? { tagSupport: item.tagSupport } : {}),
            },
        },
        foldingRange: {
            lineFoldingOnly: td.foldingRange?.lineFoldingOnly === true,
            ...(td.foldingRange?.rangeLimit !== undefined ? { rangeLimit: td.foldingRange.rangeLimit } : {}),
        },
        hover: { contentFormat: td.hover?.contentFormat ?? [MarkupKind.PlainText] },
    };
}

/** Trigger characters are those of rcjsuen's Dockerfile language server, which the service was built for. */
export function serverCapabilities(f: ClientFeatures): ServerCapabilities {
    const p = f.providers;
    const caps: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    if (p.hover) {
        caps.hoverProvider = true;
    }
    if (p.completion) {
        caps.completionProvider = { resolveProvider: true, triggerCharacters: ['=', ' ', '$', '-'] };
    }
    if (p.codeAction) {
        caps.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] };
    }
    if (p.formatting) {
        caps.documentFormattingProvider = true;
    }
    if (p.rangeFormatting) {
        caps.documentRangeFormattingProvider = true;
    }
    if (p.onTypeFormatting) {
        caps.documentOnTypeFormattingProvider = { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] };
    }
    if (p.documentSymbol) {
        caps.documentSymbolProvider = { label: 'Dockwise' };
    }
    if (p.foldingRange) {
        caps.foldingRangeProvider = true;
    }
    if (p.semanticTokens) {
        caps.semanticTokensProvider = { legend: SEMANTIC_TOKENS_LEGEND, full: true };
    }
    if (p.signatureHelp) {
        caps.signatureHelpProvider = { triggerCharacters: ['-', '[', ',', ' ', '='] };
    }
    if (p.documentLink) {
        caps.documentLinkProvider = { resolveProvider: true };
    }
    if (p.rename) {
        caps.renameProvider = p.prepareRename ? { prepareProvider: true } : true;
    }
    if (p.definition) {
        caps.definitionProvider = true;
    }
    if (p.documentHighlight) {
        caps.documentHighlightProvider = true;
    }
    return caps;
}
