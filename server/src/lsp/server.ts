// Wires the languages to an LSP connection: builds the modes with their contributions, then connects events to
// them. Nothing here decides anything about a language or a file; what the client can do is read once
// (clientSupport.ts), each file's site is found by serverSites.ts, the mode features are in features.ts.

import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { BASE_STATION_CHANGED_NOTIFICATION } from '../../../shared/protocol/protocol';
import { getBaseConfigMode } from '../baseConfig/baseConfigMode';
import { getBaseConfigService } from '../baseConfig/baseConfigService';
import { getCodeLenses } from '../baseStation/codeLens';
import { handsetSiteSettings } from '../sites/siteSettings';
import { getHandsetMode } from '../handset/handsetMode';
import { getLanguageService } from '../handset/languageService';
import { lineAccountHover } from '../links/lineAccountHover';
import { addProfileFixes } from '../links/addProfileFix';
import { baseConfigProfileLinks, handsetProfileLinks, handsetProfileUses } from '../links/profileLinks';
import type { Site } from '../sites/sites';
import { getLanguageModes } from '../modes/languageModes';
import { BaseStationFile } from './baseStationFile';
import { NO_CLIENT_SUPPORT, readClientSupport, serverCapabilities } from './clientSupport';
import { registerCustomRequests } from './customRequests';
import { limitDiagnostics } from './diagnosticLimit';
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
import { ServerSites } from './serverSites';
import { registerSitesRequest } from './sitesRequest';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';

export { sanitizeSettings };

/** How long the views (preview, fleet, status) wait after a site's config is edited: a pause in typing. */
const VIEWS_DELAY_MS = 150;

export function startServer(connection: Connection): void {
  let support = NO_CLIENT_SUPPORT;
  const baseStationFile = new BaseStationFile(connection, () => support.folders);
  const documents = new CanonicalTextDocuments(TextDocument);
  const sites: ServerSites = new ServerSites({ connection, documents, folders: () => support.folders, fallbackFile: () => baseStationFile.file(), fallbackSetting: () => baseStationFile.written });
  const service = getLanguageService(undefined, { hover: [lineAccountHover((uri) => sites.of(uri).model)], site: (uri) => handsetSiteSettings(sites.of(uri)) });
  const baseConfig = getBaseConfigService();
  const scheduler = new DiagnosticsScheduler(validate);
  let editor = DEFAULT_EDITOR_SETTINGS;
  /** Diagnostics wait for the client's settings: documents opened before them are checked once they arrive. */
  let settingsLoaded = false;
  let settingsReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settingsReady = resolve));
  let pulled: PullDiagnostics | undefined;
  const workspace = new WorkspaceDiagnostics({
    connection,
    service,
    documents,
    folders: () => support.folders,
    site: (uri) => {
      const { model, site } = sites.preview(uri);
      return { id: site.id, model };
    },
    republishOpen: (uri) => (support.pull ? pulled?.refresh() : scheduler.checkSoon(uri)),
    pulled: () => support.pull,
    folderChanged: () => pulled?.changed(),
  });
  const modes = getLanguageModes([
    getHandsetMode(service, {
      folderDiagnostics: (uri) => workspace.crossFileFor(uri),
      folderCodeActions: folderCodeActions({ service, documents, workspace, support: () => support.edits }),
      siteFixes: addProfileFixes({ site: (uri) => sites.of(uri), text: (file) => sites.sites.text(file).text, namesInUse: (site) => profileNamesInUse(site) }),
      codeLenses: (doc) => getCodeLenses(doc, service.parse(doc), sites.preview(doc.uri).model),
      profileLinks: handsetProfileLinks(service.parse),
    }),
    getBaseConfigMode(baseConfig, { profileLinks: baseConfigProfileLinks(baseConfig.parse) }),
  ]);
  /** The profile names the open and indexed handset files of a site use. */
  function profileNamesInUse(site: Site): Set<string> {
    const texts = new Map(workspace.index.all().map((f) => [f.uri, f.text]));
    // Open documents of ours count with their unsaved text (a config has no <profile_name> to find).
    for (const doc of documents.all()) if (modes.modeFor(doc)) texts.set(doc.uri, doc.getText());
    const names = new Set<string>();
    for (const [uri, text] of texts) if (sites.of(uri).id === site.id) for (const use of handsetProfileUses(text)) names.add(use.name);
    return names;
  }
  const profiles = new ProfileNames({ documents, modes, site: (uri) => sites.of(uri), names: (uri) => service.settingsFor(uri).profiles });
  const profileSource = (uri?: string) => sites.profileSource(uri, profiles.names(uri ?? ''));

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
    if (sites.filesChanged(params.changes)) {
      announceWorkspaceSite();
      baseStationChanged();
    }
    void workspace.filesChanged(params.changes);
  });

  // Fires on open too: a document never checked is checked at once.
  documents.onDidChangeContent((e) => {
    if (!support.pull) scheduler.changed(e.document.uri);
    workspace.documentChanged(e.document);
    if (sites.definesSite(e.document.uri)) siteEdited(e.document.uri);
  });
  documents.onDidClose((e) => {
    // A config that closes unsaved gives way to its text on disk.
    if (sites.definesSite(e.document.uri)) siteEdited(e.document.uri);
    scheduler.forget(e.document.uri);
    modes.forget(e.document.uri);
    const keptInProblems = workspace.documentClosed(e.document.uri);
    if (!support.pull && !keptInProblems) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerModeFeatures(connection, documents, modes, () => editor);
  registerCustomRequests({ connection, service, baseConfig, documents, sites, profileSource });
  registerSitesRequest({ connection, sites, profileSource, folders: () => support.folders, sources: () => workspace.sources() });
  const siteId = (uri: string) => sites.of(uri).id;
  const siteSources = (uri: string) => {
    const root = sites.of(uri).root;
    return root ? workspace.sourcesUnder(root) : workspace.sources();
  };
  registerNavigationProviders(connection, [profileNavigation({ documents, modes, profiles, sources: siteSources, siteId }), workspaceNavigation({ connection, documents, workspace })]);

  /** Everything that depends on the base stations or the settings is checked, drawn and announced again. */
  function baseStationChanged(): void {
    revalidateAll();
    workspace.invalidate();
    announceViews();
  }

  /**
   * A site's config, state or project file was edited (unsaved edits count): the open files of that site are checked
   * at once, the folder's problems follow, and the views are told after a pause in typing.
   */
  function siteEdited(uri: string): void {
    const edited = sites.of(uri);
    const wide = !sites.isConfigOf(uri, edited);
    if (pulled) pulled.refresh();
    else for (const doc of documents.all()) if (doc.uri !== uri && (wide || sites.of(doc.uri).id === edited.id)) scheduler.checkSoon(doc.uri);
    workspace.invalidate();
    if (viewsTimer) clearTimeout(viewsTimer);
    viewsTimer = setTimeout(announceViews, VIEWS_DELAY_MS);
  }
  let viewsTimer: ReturnType<typeof setTimeout> | undefined;

  function announceViews(): void {
    viewsTimer = undefined;
    void connection.sendNotification(BASE_STATION_CHANGED_NOTIFICATION, profileSource());
    void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (support.refreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  /** Says once why the workspace's base-station file cannot be used. */
  function announceWorkspaceSite(): void {
    const file = baseStationFile.file();
    if (file) baseStationFile.announce(sites.of(URI.file(file).toString()));
  }

  /** Pulls the `hsconfig` section, or takes what a client that cannot be asked pushed (`pushed`, Neovim 0.7 does). */
  async function refreshSettings(pushed?: unknown): Promise<void> {
    const raw: unknown = support.configuration ? await connection.workspace.getConfiguration('hsconfig') : pushed;
    if (support.configuration || pushed !== undefined) {
      service.configure(sanitizeSettings(raw));
      editor = sanitizeEditorSettings(raw);
      baseStationFile.configure(raw);
    }
    announceWorkspaceSite();
    if (support.watchFiles) void baseStationFile.watch().then(() => sites.watch());
    void workspace.enable(editor.workspaceDiagnostics, support.watchFiles);
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

  /** A document's problems, as its mode finds them (a handset file's include its folder's), as many as an editor shows. */
  function diagnosticsFor(document: TextDocument) {
    return limitDiagnostics(modes.modeFor(document)?.doValidation?.(document) ?? []);
  }

  documents.listen(connection);
  connection.listen();
}
