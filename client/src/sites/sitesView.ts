// The Explorer's sites view: each base station of the workspace, its config and its handset files with what the base
// station does with each (siteRows.ts). It follows changes live: the server's base-station-changed event, edits of
// hsconfig documents (unsaved ones too), and handset and config files created, changed or deleted on disk.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from '../../../shared/languageIds';
import { SITES_REQUEST, type SitesResponse } from '../../../shared/protocol/protocol';
import { failureReason } from '../commands/commandArgs';
import { onDidChangeBaseStation } from '../language/baseStationChanges';
import { siteRows, type SiteRow } from './siteRows';

export const SITES_VIEW = 'hsconfig.sites';
/** A pause in typing or in a burst of file events before the view asks the server again. */
const REFRESH_DELAY_MS = 300;
/** Files that can be handset files, configs, state or project files. */
const WATCHED = '**/*.{xml,txt,cfg,json}';

export class SiteItem extends vscode.TreeItem {
  constructor(readonly row: SiteRow) {
    super(row.label, row.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    this.id = row.id;
    this.description = row.description;
    this.tooltip = row.tooltip;
    this.contextValue = row.contextValue;
    this.iconPath = new vscode.ThemeIcon(row.icon, row.warning ? new vscode.ThemeColor('list.warningForeground') : undefined);
    const resource = row.resource && ('uri' in row.resource ? vscode.Uri.parse(row.resource.uri) : vscode.Uri.file(row.resource.file));
    // The menus' commands act on it, and the Explorer's decorations (problems) show on it.
    this.resourceUri = resource;
    this.command = openCommand(row);
  }
}

function openCommand(row: SiteRow): vscode.Command | undefined {
  const open = row.open;
  if (!open) return undefined;
  if ('setting' in open) return { title: 'Open Setting', command: 'workbench.action.openSettings', arguments: [open.setting] };
  return { title: 'Open', command: 'vscode.open', arguments: ['uri' in open ? vscode.Uri.parse(open.uri) : vscode.Uri.file(open.file)] };
}

export class SitesProvider implements vscode.TreeDataProvider<SiteItem> {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changes.event;
  /** Where the view says why it shows nothing (set once the view exists). */
  view: vscode.TreeView<SiteItem> | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changes.fire();
  }

  getTreeItem(item: SiteItem): SiteItem {
    return item;
  }

  /** The sites, asked of the server each time the view is drawn again; a site's rows come with it. */
  async getChildren(item?: SiteItem): Promise<SiteItem[]> {
    if (item) return item.row.children.map((row) => new SiteItem(row));
    try {
      const { sites } = await this.client.sendRequest<SitesResponse>(SITES_REQUEST, {});
      this.say(sites.length ? undefined : 'No handset files or base-station configs in this workspace.');
      return siteRows(sites).map((row) => new SiteItem(row));
    } catch (err) {
      this.say(`The language server did not answer: ${failureReason(err)}`);
      return [];
    }
  }

  private say(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    this.changes.dispose();
  }
}

export function registerSitesView(context: vscode.ExtensionContext, client: LanguageClient): SitesProvider {
  const provider = new SitesProvider(client);
  const view = vscode.window.createTreeView(SITES_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => provider.refresh(), REFRESH_DELAY_MS);
  };
  const ours = (document: vscode.TextDocument) => (LANGUAGE_IDS as readonly string[]).includes(document.languageId);
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED);
  context.subscriptions.push(
    provider,
    view,
    watcher,
    watcher.onDidCreate(later),
    watcher.onDidChange(later),
    watcher.onDidDelete(later),
    onDidChangeBaseStation(later),
    vscode.workspace.onDidChangeTextDocument((e) => ours(e.document) && e.contentChanges.length > 0 && later()),
    // A file opened and closed without being saved leaves the view; so does a language switched to or from ours.
    vscode.workspace.onDidCloseTextDocument((d) => ours(d) && later()),
    vscode.workspace.onDidOpenTextDocument((d) => ours(d) && later()),
    vscode.workspace.onDidChangeWorkspaceFolders(later),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return provider;
}
