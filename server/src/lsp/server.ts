// Wires the languages to an LSP connection: builds the modes with their contributions, then connects events to
// them. Nothing here decides anything about a language or a file; what the client can do is read once
// (clientSupport.ts), the base-station file is kept by baseStationFile.ts, the mode features by features.ts.

import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BASE_STATION_CHANGED_NOTIFICATION } from '../../../shared/protocol/protocol';
import { getBaseConfigMode } from '../baseConfig/baseConfigMode';
import { getBaseConfigService } from '../baseConfig/baseConfigService';
import { getCodeLenses } from '../baseStation/codeLens';
import { siteSettings } from '../baseStation/siteFacts';
import { getHandsetMode } from '../handset/handsetMode';
import { getLanguageService } from '../handset/languageService';
import { lineAccountHover } from '../links/lineAccountHover';
import { baseConfigProfileLinks, handsetProfileLinks } from '../links/profileLinks';
import { getLanguageModes } from '../modes/languageModes';
import { BaseStationFile } from './baseStationFile';
import { NO_CLIENT_SUPPORT, readClientSupport, serverCapabilities } from './clientSupport';
import { registerCustomRequests } from './customRequests';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { CanonicalTextDocuments } from './documentUris';
import { DEFAULT_EDITOR_SETTINGS, sanitizeEditorSettings, sanitizeSettings } from './editorSettings';
import { registerModeFeatures } from './features';
import { folderCodeActions } from './folderCodeActions';
import { registerNavigationProviders } from './navigationProviders';
import { workspaceNavigation } from './navigationRequests';
import { ProfileNames } from './profileNames';
import { profileNavigation } from './profileNavigation';
import { PullDiagnostics } from './pullDiagnostics';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';

export { sanitizeSettings };

export function startServer(connection: Connection): void {
  let support = NO_CLIENT_SUPPORT;
  const baseStationFile = new BaseStationFile(connection, () => support.folders);
  const service = getLanguageService(undefined, { hover: [lineAccountHover(() => baseStationFile.model())] });
  const baseConfig = getBaseConfigService();
  const documents = new CanonicalTextDocuments(TextDocument);
  const scheduler = new DiagnosticsScheduler(validate);
  let editor = DEFAULT_EDITOR_SETTINGS;
  /** Diagnostics wait for the client's settings: documents opened before them are checked once they arrive. */
  let settingsLoaded = false;
  let settingsReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settingsReady = resolve));
  let pulled: PullDiagnostics | undefined;
  const preview = () => baseStationFile.forPreview();
  const workspace = new WorkspaceDiagnostics({
    connection,
    service,
    documents,
    folders: () => support.folders,
    baseStation: () => preview().model,
    republishOpen: (uri) => (support.pull ? pulled?.refresh() : scheduler.checkSoon(uri)),
    pulled: () => support.pull,
    folderChanged: () => pulled?.changed(),
  });
  const modes = getLanguageModes([
    getHandsetMode(service, {
      folderDiagnostics: (uri) => workspace.crossFileFor(uri),
      folderCodeActions: folderCodeActions({ service, documents, workspace, support: () => support.edits }),
      codeLenses: (doc) => getCodeLenses(doc, service.parse(doc), preview().model),
      profileLinks: handsetProfileLinks(service.parse),
    }),
    getBaseConfigMode(baseConfig, { profileLinks: baseConfigProfileLinks(baseConfig.parse) }),
  ]);
  const profiles = new ProfileNames({ documents, modes, baseStationFile: () => baseStationFile.file(), names: () => service.settings.profiles });
  const profileSource = () => baseStationFile.profileSource(profiles.names());

  connection.onInitialize((params) => {
    support = readClientSupport(params);
    if (support.pull) pulled = new PullDiagnostics({ connection, documents, workspace, scheduler, diagnosticsFor, ready, canRefresh: support.refreshDiagnostics });
    return { capabilities: serverCapabilities(support), serverInfo: { name: 'hsconfig-language-server' } };
  });

  connection.onInitialized(async () => {
    try {
      await refreshSettings();
    } finally {
      settingsLoaded = true;
      settingsReady();
      revalidateAll();
    }
    if (support.dynamicPull) await pulled?.register(editor.workspaceDiagnostics);
  });

  connection.onDidChangeConfiguration(async (params) => {
    await refreshSettings((params.settings as { hsconfig?: unknown } | null | undefined)?.hsconfig);
    if (support.dynamicPull) await pulled?.register(editor.workspaceDiagnostics);
    baseStationChanged();
  });

  connection.onDidChangeWatchedFiles((params) => {
    loadBaseStation();
    baseStationChanged();
    void workspace.filesChanged(params.changes);
  });

  // Fires on open too: a document never checked is checked at once.
  documents.onDidChangeContent((e) => {
    if (!support.pull) scheduler.changed(e.document.uri);
    workspace.documentChanged(e.document);
  });
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    modes.forget(e.document.uri);
    const keptInProblems = workspace.documentClosed(e.document.uri);
    if (!support.pull && !keptInProblems) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerModeFeatures(connection, documents, modes, () => editor);
  registerCustomRequests({ connection, service, baseConfig, documents, baseStation: preview, profileSource });
  registerNavigationProviders(connection, [profileNavigation({ documents, modes, profiles, sources: () => workspace.sources() }), workspaceNavigation({ connection, documents, workspace })]);

  /** Everything that depends on the base station or the settings is checked, drawn and announced again. */
  function baseStationChanged(): void {
    revalidateAll();
    workspace.invalidate();
    void connection.sendNotification(BASE_STATION_CHANGED_NOTIFICATION, profileSource());
    void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (support.refreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  /** Pulls the `hsconfig` section, or takes what a client that cannot be asked pushed (`pushed`, Neovim 0.7 does). */
  async function refreshSettings(pushed?: unknown): Promise<void> {
    const raw: unknown = support.configuration ? await connection.workspace.getConfiguration('hsconfig') : pushed;
    if (support.configuration || pushed !== undefined) {
      service.configure(sanitizeSettings(raw));
      editor = sanitizeEditorSettings(raw);
      baseStationFile.configure(raw);
    }
    loadBaseStation();
    if (support.watchFiles) void baseStationFile.watch();
    void workspace.enable(editor.workspaceDiagnostics, support.watchFiles);
  }

  /** The workspace's base-station file; without one, the `hsconfig.profiles` setting applies. */
  function loadBaseStation(): void {
    service.configure(siteSettings(baseStationFile.load()));
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
    return modes.modeFor(document)?.doValidation?.(document) ?? [];
  }

  documents.listen(connection);
  connection.listen();
}
