// Wires the language service to an LSP connection. Nothing here decides anything about hs_config files.

import { CodeActionKind, CodeLensRefreshRequest, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocumentSyncKind, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { loadWorkspaceBaseStation, type WorkspaceBaseStation } from '../baseStation/workspaceFile';
import { baseStationSetting, resolveBaseStationFile } from '../../../shared/baseStationSetting';
import { BASE_STATION_CHANGED_NOTIFICATION, type ProfileSource } from '../../../shared/protocol/protocol';
import { FIX_ALL_KIND } from '../handset/fixAll';
import { getLanguageService } from '../handset/languageService';
import { getBaseConfigService } from '../baseConfig/baseConfigService';
import { getLanguageModes } from '../modes/languageModes';
import { getHandsetMode } from '../handset/handsetMode';
import { getBaseConfigMode } from '../baseConfig/baseConfigMode';
import { registerNavigationProviders } from './navigationProviders';
import { profileNavigation } from './profileNavigation';
import { ProfileNames } from './profileNames';
import { baseConfigProfileLinks, handsetProfileLinks } from '../links/profileLinks';
import { lineAccountHover } from '../links/lineAccountHover';
import { DEFAULT_SETTINGS, type LanguageSettings } from '../handset/settings';
import { FACTORY_SOURCE, factoryWithProvisioning } from '../baseStation/requester';
import { registerCustomRequests } from './customRequests';
import { getCodeLenses } from '../baseStation/codeLens';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { DEFAULT_EDITOR_SETTINGS, sanitizeEditorSettings } from './editorSettings';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { workspaceNavigation } from './navigationRequests';
import { diagnosticOptions, PullDiagnostics } from './pullDiagnostics';
import { CanonicalTextDocuments } from './documentUris';
import { folderCodeActions } from './folderCodeActions';

export function startServer(connection: Connection): void {
  const service = getLanguageService(undefined, { hover: [lineAccountHover] });
  const baseConfig = getBaseConfigService();
  const documents = new CanonicalTextDocuments(TextDocument);
  const scheduler = new DiagnosticsScheduler(validate);
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canRefreshLenses = false;
  let editSupport = { documentChanges: false, changeAnnotations: false };
  let folders: string[] = [];
  let baseStationPath = baseStationSetting(undefined);
  let lastBaseStationProblem: string | undefined;
  let lastLoad: WorkspaceBaseStation = {};
  let watcher: { dispose(): void } | undefined;
  let watchedPath: string | undefined;
  /** Documents opened before the client's settings arrived are checked once they have. */
  let settingsLoaded = false;
  let editor = DEFAULT_EDITOR_SETTINGS;
  /** The client asks for diagnostics (LSP pull) instead of being sent them; `dynamicPull`: offered once settings are known. */
  let pull = false;
  let dynamicPull = false;
  let settingsReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settingsReady = resolve));
  const workspace = new WorkspaceDiagnostics({
    connection,
    service,
    documents,
    folders: () => folders,
    baseStation: () => baseStation().model,
    republishOpen: (uri) => (pull ? pulled?.refresh() : scheduler.checkSoon(uri)),
    pulled: () => pull,
    folderChanged: () => pulled?.changed(),
  });
  let pulled: PullDiagnostics | undefined;
  const modes = getLanguageModes([
    getHandsetMode(service, {
      folderDiagnostics: (uri) => workspace.crossFileFor(uri),
      folderCodeActions: folderCodeActions({ service, documents, workspace, support: () => editSupport }),
      codeLenses: (doc) => getCodeLenses(doc, service.parse(doc), baseStation().model),
      profileLinks: handsetProfileLinks(service.parse),
    }),
    getBaseConfigMode(baseConfig, { profileLinks: baseConfigProfileLinks(baseConfig.parse) }),
  ]);

  connection.onInitialize((params) => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    const edits = params.capabilities.workspace?.workspaceEdit;
    editSupport = { documentChanges: edits?.documentChanges === true, changeAnnotations: edits?.changeAnnotationSupport !== undefined };
    pull = params.capabilities.textDocument?.diagnostic !== undefined;
    dynamicPull = pull && params.capabilities.textDocument?.diagnostic?.dynamicRegistration === true;
    const canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    if (pull) pulled = new PullDiagnostics({ connection, documents, workspace, scheduler, diagnosticsFor, ready, canRefresh });
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.filter((u) => u.startsWith('file:')).map((u) => URI.parse(u).fsPath);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['<', '/'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        inlayHintProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        linkedEditingRangeProvider: true,
        documentHighlightProvider: true,
        codeLensProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        ...(pull && !dynamicPull ? { diagnosticProvider: diagnosticOptions(true) } : {}),
      },
      serverInfo: { name: 'hsconfig-language-server' },
    };
  });

  connection.onInitialized(async () => {
    try {
      await refreshSettings();
    } finally {
      settingsLoaded = true;
      settingsReady();
      revalidateAll();
    }
    if (dynamicPull) await pulled?.register(editor.workspaceDiagnostics);
  });

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    if (dynamicPull) await pulled?.register(editor.workspaceDiagnostics);
    revalidateAll();
    workspace.invalidate();
    announceBaseStation();
    void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles((params) => {
    loadBaseStation();
    revalidateAll();
    workspace.invalidate();
    announceBaseStation();
    void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    void workspace.filesChanged(params.changes);
  });

  // Fires on open too: a document never checked is checked at once.
  documents.onDidChangeContent((e) => {
    if (!pull) scheduler.changed(e.document.uri);
    workspace.documentChanged(e.document);
  });
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    modes.forget(e.document.uri);
    const keptInProblems = workspace.documentClosed(e.document.uri);
    if (!pull && !keptInProblems) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDocument =
    <P extends { textDocument: { uri: string } }, R>(handler: (doc: TextDocument, params: P) => R, fallback: R) =>
    (params: P): R => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? handler(doc, params) : fallback;
    };

  const mode = (doc: TextDocument) => modes.modeFor(doc);
  connection.onHover(withDocument((doc, p) => mode(doc).doHover?.(doc, p.position) ?? null, null));
  connection.onCompletion(withDocument((doc, p) => mode(doc).doComplete?.(doc, p.position) ?? null, null));
  connection.onCodeAction(withDocument((doc, p) => mode(doc).doCodeActions?.(doc, p.range, p.context.diagnostics, p.context.only) ?? [], []));
  connection.onDocumentSymbol(withDocument((doc) => mode(doc).findDocumentSymbols?.(doc) ?? [], []));
  connection.onFoldingRanges(withDocument((doc) => mode(doc).getFoldingRanges?.(doc) ?? [], []));
  connection.onSelectionRanges(withDocument((doc, p) => mode(doc).getSelectionRanges?.(doc, p.positions) ?? [], []));
  connection.onDocumentFormatting(withDocument((doc, p) => (editor.format ? (mode(doc).format?.(doc, p.options) ?? []) : []), []));
  connection.onDocumentRangeFormatting(withDocument((doc, p) => (editor.format ? (mode(doc).format?.(doc, p.options, p.range) ?? []) : []), []));
  connection.languages.onLinkedEditingRange(withDocument((doc, p) => mode(doc).getLinkedEditingRanges?.(doc, p.position) ?? null, null));
  connection.onCodeLens(withDocument((doc) => (editor.codeLens ? (mode(doc).getCodeLenses?.(doc) ?? []) : []), []));
  connection.onDocumentHighlight(withDocument((doc, p) => mode(doc).findDocumentHighlights?.(doc, p.position) ?? [], []));
  connection.languages.inlayHint.on(withDocument((doc, p) => mode(doc).getInlayHints?.(doc, p.range) ?? [], []));
  registerCustomRequests({ connection, service, baseConfig, documents, baseStation, profileSource });
  const profiles = new ProfileNames({ documents, modes, baseStationFile: () => resolveBaseStationFile(folders, baseStationPath), names: () => service.settings.profiles });
  registerNavigationProviders(connection, [
    profileNavigation({ documents, modes, profiles, sources: () => workspace.sources() }),
    workspaceNavigation({ connection, documents, workspace }),
  ]);

  function profileSource(): ProfileSource {
    const { file, model, problem } = lastLoad;
    return { profiles: profiles.names(), from: model ? 'baseStation' : 'setting', file, problem, configServerPath: model?.provisioning.serverPath, configProtocol: model?.provisioning.protocol };
  }

  /** Views that depend on the base station (preview, fleet, status) recompute when told. */
  function announceBaseStation(): void {
    void connection.sendNotification(BASE_STATION_CHANGED_NOTIFICATION, profileSource());
  }

  /** The model previews run against: the workspace's base-station file, else a factory-fresh one. */
  function baseStation() {
    const model = service.settings.baseStation;
    const file = resolveBaseStationFile(folders, baseStationPath);
    return model ? { model, source: file ?? baseStationPath } : { model: factoryWithProvisioning(), source: `${FACTORY_SOURCE} (no ${baseStationPath})` };
  }

  async function refreshSettings(): Promise<void> {
    if (canPullConfiguration) {
      const raw: unknown = await connection.workspace.getConfiguration('hsconfig');
      service.configure(sanitizeSettings(raw));
      editor = sanitizeEditorSettings(raw);
      baseStationPath = baseStationSetting(raw);
    }
    loadBaseStation();
    if (canWatchFiles && baseStationPath !== watchedPath) void watchBaseStation(baseStationPath);
    void workspace.enable(editor.workspaceDiagnostics, canWatchFiles);
  }

  /** The workspace's base-station file; without one, the `hsconfig.profiles` setting applies. */
  function loadBaseStation(): void {
    const found = loadWorkspaceBaseStation(folders, baseStationPath);
    lastLoad = found;
    service.configure({ baseStation: found.model });
    const problem = found.problem && `hsconfig: ${found.file}: ${found.problem.replace(/:\n/, ': ').replace(/\n/g, '; ').replace(/\.$/, '')}. The hsconfig.profiles setting applies meanwhile.`;
    if (problem && problem !== lastBaseStationProblem) {
      connection.console.error(problem);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem });
    }
    lastBaseStationProblem = problem;
  }

  async function watchBaseStation(setting: string): Promise<void> {
    watchedPath = setting;
    watcher?.dispose();
    watcher = undefined;
    const file = resolveBaseStationFile(folders, setting);
    if (!file) return;
    const globPattern = path.isAbsolute(setting) ? file.replace(/\\/g, '/') : `**/${setting.replace(/\\/g, '/')}`;
    watcher = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }).catch(() => undefined);
  }

  function revalidateAll(): void {
    if (pulled) pulled.refresh();
    else for (const doc of documents.all()) scheduler.checkSoon(doc.uri);
  }

  /** Checks the document's current version; publishes only if that is still the current version. */
  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document || !settingsLoaded) return;
    try {
      const { version } = document;
      const diagnostics = diagnosticsFor(document);
      if (documents.get(uri)?.version !== version) return;
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (err) {
      connection.console.error(`Checking ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }

  /** A document's problems, as its mode finds them (a handset file's include its folder's). */
  function diagnosticsFor(document: TextDocument) {
    return modes.modeFor(document).doValidation?.(document) ?? [];
  }

  documents.listen(connection);
  connection.listen();
}

/** Takes what the client sent for `hsconfig.*`, keeping only well-typed values. */
export function sanitizeSettings(raw: unknown): LanguageSettings {
  const r = (raw ?? {}) as Record<string, unknown>;
  const profiles = Array.isArray(r.profiles) ? r.profiles.filter((p): p is string => typeof p === 'string' && p.length > 0) : [];
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const inlay = (r.inlayHints ?? {}) as Record<string, unknown>;
  return {
    profiles: profiles.length > 0 ? profiles : DEFAULT_SETTINGS.profiles,
    maxDocumentSize: typeof r.maxDocumentSize === 'number' && r.maxDocumentSize > 0 ? r.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize,
    fileNamePrefix: str(r.handsetFilePrefix, DEFAULT_SETTINGS.fileNamePrefix),
    fileNamePostfix: str(r.handsetFilePostfix, DEFAULT_SETTINGS.fileNamePostfix),
    inlayHints: typeof inlay.enabled === 'boolean' ? inlay.enabled : DEFAULT_SETTINGS.inlayHints,
  };
}
