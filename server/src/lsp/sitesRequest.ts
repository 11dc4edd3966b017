// The hsconfig/sites request (shared/protocol/protocol.ts): every site of the workspace with its handset files, each
// file's outcome when the site's files are provisioned in turn on its base station (as the folder problems run them:
// by name), and where its profile names come from. Open documents' text counts, unsaved edits too.

import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { BaseStation } from '../../../shared/baseStation/model';
import { isHandsetText } from '../../../shared/detect/handsetText';
import { SITES_REQUEST, type ProfileSource, type SiteSummary, type SitesResponse } from '../../../shared/protocol/protocol';
import { simulateFleet } from '../baseStation/fleet';
import { runStatus } from '../baseStation/runStatus';
import { isInside } from '../sites/siteFinder';
import type { Site } from '../sites/sites';
import { foldersWithConfigs } from './siteConfigs';
import type { ServerSites } from './serverSites';

/** What the view calls the files that find no site of their own. */
export const DEFAULTS_NAME = 'Workspace defaults';

export interface SitesRequestContext {
  readonly connection: Connection;
  readonly sites: ServerSites;
  /** The workspace folders (paths). */
  readonly folders: () => readonly string[];
  /** Every indexed handset file and every open document, with the editor's text where one is open. */
  readonly sources: () => Promise<readonly { readonly uri: string; readonly text: string }[]>;
  readonly profileSource: (uri?: string) => ProfileSource;
}

interface HandsetSource {
  readonly uri: string;
  readonly file: string;
  readonly text: string;
}

interface Group {
  readonly site: Site;
  readonly model: BaseStation;
  /** A URI whose site this is, to ask for its profile names. */
  readonly at: string;
  readonly files: HandsetSource[];
}

export function registerSitesRequest(ctx: SitesRequestContext): void {
  ctx.connection.onRequest(SITES_REQUEST, () => listSites(ctx));
}

export async function listSites(ctx: SitesRequestContext): Promise<SitesResponse> {
  const folders = ctx.folders();
  const groups = new Map<string, Group>();
  for (const source of await ctx.sources()) {
    const file = workspaceFile(source.uri, folders);
    if (file && isHandsetText(source.text)) groupFor(ctx, groups, source.uri).files.push({ uri: source.uri, file, text: source.text });
  }
  for (const dir of await foldersWithConfigs(folders)) {
    const at = URI.file(path.join(dir, '_')).toString();
    const { site } = ctx.sites.preview(at);
    const config = site.configFile;
    if (config && folders.some((f) => isInside(config, f)) && ctx.sites.isConfigOf(URI.file(config).toString(), site)) groupFor(ctx, groups, at);
  }
  return { sites: [...groups.values()].map((g) => summarize(ctx, g, folders)).sort(bySiteName) };
}

/** The group of the site of `uri`, made on first sight. */
function groupFor(ctx: SitesRequestContext, groups: Map<string, Group>, uri: string): Group {
  const { site, model } = ctx.sites.preview(uri);
  let group = groups.get(site.id);
  if (!group) groups.set(site.id, (group = { site, model, at: uri, files: [] }));
  return group;
}

function summarize(ctx: SitesRequestContext, group: Group, folders: readonly string[]): SiteSummary {
  const { site } = group;
  const files = group.files.map((f) => ({ ...f, name: slashed(path.relative(site.root ?? folderOf(f.file, folders), f.file)) })).sort((a, b) => compare(a.name, b.name));
  const fleet = simulateFleet(group.model, files.map((f) => ({ name: f.name, text: f.text })));
  return {
    id: site.id,
    name: siteName(site.root, folders),
    root: site.root,
    configFile: site.configFile,
    kind: site.kind,
    problem: site.problem,
    notes: site.notes,
    profiles: ctx.profileSource(group.at),
    handsets: files.map((f, i) => ({ uri: f.uri, name: f.name, ...runStatus(fleet.runs[i]) })),
  };
}

/** The root relative to its workspace folder (prefixed by the folder's name when there are several). */
function siteName(root: string | undefined, folders: readonly string[]): string {
  if (root === undefined) return DEFAULTS_NAME;
  const folder = folders.find((f) => isInside(root, f));
  if (folder === undefined) return root;
  const relative = slashed(path.relative(folder, root));
  const prefix = folders.length > 1 || relative === '' ? path.basename(folder) : '';
  return [prefix, relative].filter(Boolean).join('/');
}

/** The file of a `file:` URI inside a workspace folder; undefined for any other. */
function workspaceFile(uri: string, folders: readonly string[]): string | undefined {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return undefined;
  return folders.some((f) => isInside(parsed.fsPath, f)) ? parsed.fsPath : undefined;
}

function folderOf(file: string, folders: readonly string[]): string {
  return folders.find((f) => isInside(file, f)) ?? path.dirname(file);
}

const slashed = (p: string) => p.split(path.sep).join('/');

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By name, the workspace's defaults last. */
function bySiteName(a: SiteSummary, b: SiteSummary): number {
  if ((a.root === undefined) !== (b.root === undefined)) return a.root === undefined ? 1 : -1;
  return compare(a.name, b.name);
}
