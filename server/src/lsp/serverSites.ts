// Sites as the server sees them: by document URI, with the open documents as the truth for a config's text, the
// workspace folders as the bound of every search, the `hsconfig.baseStation` file as the site of files that find
// none, and file events telling which sites may have changed.

import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { BaseStation } from '../../../shared/baseStation/model';
import type { ProfileSource } from '../../../shared/protocol/protocol';
import { FACTORY_SOURCE } from '../baseStation/requester';
import { siteBaseStationModel } from '../sites/siteBaseStation';
import { isInside, SiteFinder } from '../sites/siteFinder';
import { mayBeSiteConfig, PROJECT_FILE, STATE_FILE } from '../sites/siteFiles';
import { nodeSiteFs, nodeSites } from '../sites/siteFs';
import type { Site, Sites } from '../sites/sites';

export interface ServerSitesContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly folders: () => readonly string[];
  /** The `hsconfig.baseStation` file, resolved. */
  readonly fallbackFile: () => string | undefined;
  /** The setting as written (`.vscode/hsconfig-base-station.json` by default), for messages. */
  readonly fallbackSetting: () => string;
}

export class ServerSites {
  private readonly finder = new SiteFinder(nodeSiteFs);
  private watching = false;
  readonly sites: Sites;

  constructor(private readonly ctx: ServerSitesContext) {
    this.sites = nodeSites(
      {
        boundary: (file) => this.ctx.folders().find((f) => isInside(file, f)) ?? this.finder.repositoryRoot(path.dirname(file)),
        openText: (file) => this.ctx.documents.get(URI.file(file).toString())?.getText(),
        fallbackFile: this.ctx.fallbackFile,
      },
      this.finder,
    );
  }

  /** The site of a document or folder URI; a URI that is no file (untitled) has the workspace's. */
  of(uri: string | undefined): Site {
    return this.sites.of(filePath(uri));
  }

  /** The model previews of a document run against, and where it came from. */
  preview(uri: string | undefined): { readonly model: BaseStation; readonly source: string; readonly site: Site } {
    const site = this.of(uri);
    const model = siteBaseStationModel(site);
    if (site.model && site.configFile) return { model, source: site.configFile, site };
    const project = site.projectFiles.length > 0 ? `, with settings from ${site.projectFiles.join(', ')}` : '';
    return { model, source: `${FACTORY_SOURCE} (no base-station config in this file's folder or above, no ${this.ctx.fallbackSetting()}${project})`, site };
  }

  /** The profile names a document is held to (`profiles`, from profileNames.ts) and where they come from. */
  profileSource(uri: string | undefined, profiles: readonly string[]): ProfileSource {
    return describeSite(this.of(uri), profiles);
  }

  /** Whether the document is the config (or lone model JSON) the site is read from. */
  isConfigOf(uri: string, site: Site): boolean {
    const file = filePath(uri);
    return file !== undefined && file === site.configFile && file !== this.ctx.fallbackFile();
  }

  /** Whether a document is a site's config, state or project file: its edits change other files' checks. */
  definesSite(uri: string): boolean {
    const file = filePath(uri);
    if (!file) return false;
    const name = path.basename(file);
    if (name === PROJECT_FILE || name === STATE_FILE || file === this.ctx.fallbackFile()) return true;
    return mayBeSiteConfig(name) && this.sites.of(file).configFile === file;
  }

  /** Files changed on disk; true when one may have been a site's config, state or project file. */
  filesChanged(changes: readonly FileEvent[]): boolean {
    let any = false;
    for (const change of changes) {
      const file = filePath(change.uri);
      if (!file) continue;
      const name = path.basename(file);
      const wasOrIsConfig = this.sites.fileChanged(file);
      any ||= wasOrIsConfig || name === PROJECT_FILE || name === STATE_FILE || file === this.ctx.fallbackFile();
    }
    return any;
  }

  /** Asks the client, once, for events on every file that can make or change a site. */
  async watch(): Promise<void> {
    if (this.watching) return;
    this.watching = true;
    const watchers = ['**/*.txt', '**/*.cfg', `**/${PROJECT_FILE}`, `**/${STATE_FILE}`].map((globPattern) => ({ globPattern }));
    await this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }
}

/** A URI for a (made-up) file inside the folder `folderUri`, so that the folder's site answers; none without a folder. */
export function fileInFolder(folderUri: unknown): string | undefined {
  return typeof folderUri === 'string' && folderUri !== '' ? `${folderUri.replace(/\/$/, '')}/_` : undefined;
}

function filePath(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** The profile names a site holds handset files to, and where they come from. */
function describeSite(site: Site, profiles: readonly string[]): ProfileSource {
  const { model, project } = site;
  const from = model ? 'baseStation' : project.profiles ? 'project' : 'setting';
  return {
    profiles,
    from,
    file: site.configFile,
    problem: site.problem,
    projectFile: site.projectFiles[0],
    siteRoot: site.root,
    configServerPath: model?.provisioning.serverPath ?? project.servePath,
    configProtocol: model?.provisioning.protocol,
  };
}
