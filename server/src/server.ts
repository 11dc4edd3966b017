// Wires the language service to an LSP connection. Nothing here decides anything about hs_config files.

import { DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { baseStationSetting, loadWorkspaceBaseStation, resolveBaseStationFile, type WorkspaceBaseStation } from './baseStation/workspaceFile';
import { BASE_STATION_CHANGED_NOTIFICATION, type ProfileSource } from './protocol';
import { getLanguageService } from './languageService/languageService';
import { DEFAULT_SETTINGS, type LanguageSettings } from './languageService/settings';
import { FACTORY_SOURCE, factoryWithProvisioning } from './baseStation/requester';
import { registerCustomRequests } from './customRequests';

const VALIDATION_DELAY_MS = 200;

export function startServer(connection: Connection): void {
  const service = getLanguageService();
  const documents = new TextDocuments(TextDocument);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let folders: string[] = [];
  let baseStationPath = baseStationSetting(undefined);
  let lastBaseStationProblem: string | undefined;
  let lastLoad: WorkspaceBaseStation = {};
  let watcher: { dispose(): void } | undefined;
  let watchedPath: string | undefined;

  connection.onInitialize((params) => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.filter((u) => u.startsWith('file:')).map((u) => URI.parse(u).fsPath);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['<', '/'] },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        inlayHintProvider: true,
      },
      serverInfo: { name: 'hsconfig-language-server' },
    };
  });

  connection.onInitialized(async () => {
    await refreshSettings();
    revalidateAll();
  });

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    revalidateAll();
    announceBaseStation();
    void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles(() => {
    loadBaseStation();
    revalidateAll();
    announceBaseStation();
    void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, VALIDATION_DELAY_MS));
  documents.onDidClose((e) => {
    cancel(e.document.uri);
    service.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDocument =
    <P extends { textDocument: { uri: string } }, R>(handler: (doc: TextDocument, params: P) => R, fallback: R) =>
    (params: P): R => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? handler(doc, params) : fallback;
    };

  connection.onHover(withDocument((doc, p) => service.doHover(doc, p.position), null));
  connection.onCompletion(withDocument((doc, p) => service.doComplete(doc, p.position), null));
  connection.onCodeAction(withDocument((doc, p) => service.doCodeActions(doc, p.range, p.context.diagnostics), []));
  connection.onDocumentSymbol(withDocument((doc) => service.findDocumentSymbols(doc), []));
  connection.onFoldingRanges(withDocument((doc) => service.getFoldingRanges(doc), []));
  connection.onSelectionRanges(withDocument((doc, p) => service.getSelectionRanges(doc, p.positions), []));
  connection.languages.inlayHint.on(withDocument((doc, p) => service.getInlayHints(doc, p.range), []));
  registerCustomRequests({ connection, service, documents, baseStation, profileSource });

  function profileSource(): ProfileSource {
    const { file, model, problem } = lastLoad;
    return { profiles: service.settings.profiles, from: model ? 'baseStation' : 'setting', file, problem, configServerPath: model?.provisioning.serverPath };
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
      baseStationPath = baseStationSetting(raw);
    }
    loadBaseStation();
    if (canWatchFiles && baseStationPath !== watchedPath) void watchBaseStation(baseStationPath);
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
    for (const doc of documents.all()) schedule(doc, 0);
  }

  function schedule(document: TextDocument, delay: number): void {
    cancel(document.uri);
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        validate(document.uri);
      }, delay),
    );
  }

  function cancel(uri: string): void {
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.delete(uri);
  }

  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const diagnostics = service.doValidation(document);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (err) {
      connection.console.error(`Checking ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
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
