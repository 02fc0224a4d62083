// The Dockwise language server: the composition root. It wires the connection and the open
// documents to the features; every feature gets its dependencies passed in, none is a global.
import { homedir } from 'node:os';
import { isMainThread, parentPort } from 'node:worker_threads';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import {
    type Connection,
    createConnection,
    DidChangeConfigurationNotification,
    type InitializeResult,
    ProposedFeatures,
    TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    type ClientFeatures,
    detectClientFeatures,
    serverCapabilities,
    serviceCapabilities,
} from './features/capabilities';
import { computeCodeActions } from './features/codeActions';
import { TagCompletionState } from './features/completion';
import { DocumentLinter } from './features/diagnostics';
import { guarded } from './features/guard';
import { computeHover } from './features/hover';
import { registerLanguageServiceFeatures } from './features/languageService';
import { isTooLarge, LINT_TIMEOUT_MS, tooLargeToAnalyse } from './features/limits';
import { serveLintRequests, WorkerLintRunner } from './features/lintRunner';
import { connectionLogger, type Logger } from './features/logger';
import { filePath, ProjectFiles } from './features/projectFiles';
import { installProcessGuard } from './features/processGuard';
import { FINDINGS_WAIT_MS, unlessCancelled, within } from './features/waiting';
import { loneCrToLf } from './core/upstreamBugs';
import { ruleDocs, ruleList } from './features/ruleDocs';
import { SettingsStore } from './features/settingsStore';
import {
    ExitCalledNotification,
    type ExitCalledParams,
    FIX_ALL_KIND,
    type RuleDocsParams,
    RuleDocsRequest,
    RulesRequest,
} from './shared/protocol';
import { affectsLinting } from './shared/configFiles';
import { ShellCheckService } from './shellcheck/service';

export function startServer(connection: Connection): void {
    const logger = connectionLogger(connection);
    const documents = new TextDocuments(TextDocument);
    const service = DockerfileLanguageServiceFactory.createLanguageService();
    service.setLogger({ log: (message) => logger.info(message) });

    let exitExpected = false;
    installProcessGuard(process, {
        logger,
        report: (params: ExitCalledParams) => connection.sendNotification(ExitCalledNotification.method, params),
        // Asked to shut down, or the client is gone (nothing left to report to).
        expectedExit: () => exitExpected || (typeof process.send === 'function' && !process.connected),
    });

    let features: ClientFeatures | undefined;
    let settings = new SettingsStore(undefined, logger);
    let linter: DocumentLinter | undefined;

    connection.onInitialize((params): InitializeResult => {
        features = detectClientFeatures(params.capabilities);
        service.setCapabilities(serviceCapabilities(params.capabilities));
        settings = new SettingsStore(
            features.configuration
                ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'dockwise' })
                : undefined,
            logger,
        );
        // Settings pushed with the initialize request (clients without workspace/configuration).
        settings.reset({ dockwise: (params.initializationOptions as { settings?: unknown } | undefined)?.settings });
        // Folders bound the search for .hadolint.yaml upward from a Dockerfile.
        const folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []))
            .map((f) => filePath(f.uri))
            .filter((f): f is string => f !== undefined);
        const env = process.env;
        const files = new ProjectFiles(
            () => folders,
            { home: homedir(), xdgConfigHome: env.XDG_CONFIG_HOME, localAppData: env.LOCALAPPDATA },
            logger,
        );
        linter = new DocumentLinter({
            configFor: (uri, s) => files.configFor(uri, s),
            // Child processes, started only when `dockwise.shellcheck.enable` is on.
            shellcheck: new ShellCheckService((message) => logger.warn(message)),
            documents,
            settings,
            // This same bundle, started as a worker thread, serves the lint requests (see the end).
            runner: new WorkerLintRunner(__filename, LINT_TIMEOUT_MS, logger),
            publish: (p) => void connection.sendDiagnostics(p).catch(() => undefined),
            logger,
        });
        registerFeatures(connection, documents, features, settings, linter, service, logger);
        return { capabilities: serverCapabilities(features), serverInfo: { name: 'dockwise' } };
    });

    connection.onInitialized(() => {
        linter?.warmUp();
        if (features?.configuration && features.configurationChangeRegistration) {
            void connection.client
                .register(DidChangeConfigurationNotification.type, { section: 'dockwise' })
                .catch(() => logger.warn('The client refused to report configuration changes.'));
        }
    });

    connection.onDidChangeConfiguration(
        guarded(logger, 'configuration change', undefined, (change) => {
            settings.reset(change.settings);
            linter?.relintAll();
        }),
    );

    // The client watches .hadolint.yaml and .dockerignore files (languageClient.ts); their lint changes.
    connection.onDidChangeWatchedFiles(
        guarded(logger, 'watched files', undefined, ({ changes }) => {
            if (changes.some((c) => affectsLinting(filePath(c.uri) ?? c.uri))) {
                linter?.relintAll();
            }
        }),
    );

    documents.onDidOpen(guarded(logger, 'open', undefined, ({ document }) => linter?.opened(document)));
    documents.onDidChangeContent(guarded(logger, 'change', undefined, ({ document }) => linter?.changed(document)));
    documents.onDidClose(
        guarded(logger, 'close', undefined, ({ document }) => {
            linter?.closed(document.uri);
            settings.forget(document.uri);
        }),
    );

    connection.onRequest(
        RuleDocsRequest.method,
        guarded(logger, RuleDocsRequest.method, null, (params: RuleDocsParams) => ruleDocs(params)),
    );
    connection.onRequest(RulesRequest.method, guarded(logger, RulesRequest.method, [], ruleList));

    connection.onShutdown(() => {
        exitExpected = true;
        linter?.dispose();
    });
    connection.onExit(() => {
        exitExpected = true;
    });

    documents.listen(connection);
    connection.listen();
}

function registerFeatures(
    connection: Connection,
    documents: TextDocuments<TextDocument>,
    features: ClientFeatures,
    settings: SettingsStore,
    linter: DocumentLinter,
    service: ReturnType<typeof DockerfileLanguageServiceFactory.createLanguageService>,
    logger: Logger,
): void {
    // Code actions need no parsing (their edits come with the findings); hover uses the parser.
    const lintable = (uri: string) => {
        const doc = documents.get(uri);
        return doc && !isTooLarge(doc) ? doc : undefined;
    };
    const open = (uri: string) => {
        const doc = lintable(uri);
        return doc && !tooLargeToAnalyse(doc) ? doc : undefined;
    };
    if (features.providers.codeAction) {
        connection.onCodeAction(
            guarded(logger, 'code actions', [], async (params, token) => {
                const uri = params.textDocument.uri;
                if (!lintable(uri)) {
                    return [];
                }
                const s = await settings.get(uri);
                const doc = lintable(uri);
                return doc
                    ? computeCodeActions({
                          params,
                          doc,
                          settings: s,
                          // Fix-all asked for by kind (on save) waits for the lint, unless cancelled; the
                          // light bulb does not wait behind a slow one (it keeps the quick fixes).
                          findings: async () =>
                              params.context.only?.some((k) => k !== '' && FIX_ALL_KIND.startsWith(k))
                                  ? (await unlessCancelled(linter.resultFor(doc, s), token)).diagnostics
                                  : ((await within(linter.resultFor(doc, s), FINDINGS_WAIT_MS, token))?.diagnostics ??
                                    []),
                          documentChanges: features.documentChanges,
                      })
                    : [];
            }),
        );
    }
    if (features.providers.hover) {
        connection.onHover(
            guarded(logger, 'hover', null, async ({ textDocument, position }, token) => {
                if (!open(textDocument.uri)) {
                    return null;
                }
                const s = await settings.get(textDocument.uri);
                const doc = open(textDocument.uri);
                return doc
                    ? computeHover({
                          text: loneCrToLf(doc.getText()),
                          position,
                          // Behind a slow lint, the instruction's hover without the findings' documentation.
                          findings:
                              (await within(linter.resultFor(doc, s), FINDINGS_WAIT_MS, token))?.diagnostics ?? [],
                          service,
                          markdown: features.markdownHover,
                      })
                    : null;
            }),
        );
    }
    registerLanguageServiceFeatures({
        connection,
        documents,
        service,
        features,
        settings,
        logger,
        tagState: new TagCompletionState(),
    });
}

if (isMainThread) {
    startServer(createConnection(ProposedFeatures.all));
} else if (parentPort) {
    serveLintRequests(parentPort);
}
