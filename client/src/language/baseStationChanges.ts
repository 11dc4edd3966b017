// One event for "the base-station file or the settings changed", fed by the server's notification (the server
// watches the file). Views that depend on the base station subscribe to it instead of to the client directly, since
// a language client keeps one handler per notification.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { baseStationPath } from '../files/settingPath';
import { BASE_STATION_CHANGED_NOTIFICATION, PROFILE_SOURCE_REQUEST, type ProfileSource } from '../../../shared/protocol/protocol';

const changes = new vscode.EventEmitter<ProfileSource>();
export const onDidChangeBaseStation = changes.event;

export function listenForBaseStationChanges(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(changes, client.onNotification(BASE_STATION_CHANGED_NOTIFICATION, (source: ProfileSource) => changes.fire(source)));
  let watcher = watchBaseStationFile(client);
  const rewatch = () => {
    watcher?.dispose();
    watcher = watchBaseStationFile(client);
  };
  context.subscriptions.push(
    { dispose: () => watcher?.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('hsconfig.baseStation') && rewatch()),
    vscode.workspace.onDidChangeWorkspaceFolders(rewatch),
  );
}

/**
 * Besides the server's glob registration: a watcher on the file the setting names now (VS Code gives a pattern
 * relative to a folder its own watcher, which also sees a .vscode/ folder created after the window opened).
 */
function watchBaseStationFile(client: LanguageClient): vscode.Disposable | undefined {
  const setting = baseStationPath(vscode.workspace.getConfiguration('hsconfig').get('baseStation'));
  const folder = vscode.workspace.workspaceFolders?.[0];
  const pattern =
    'absolute' in setting
      ? new vscode.RelativePattern(vscode.Uri.file(path.dirname(setting.absolute)), path.basename(setting.absolute))
      : folder && new vscode.RelativePattern(folder, setting.segments.join('/'));
  if (!pattern) return undefined;
  const watcher = vscode.workspace.createFileSystemWatcher(pattern);
  const tell = (type: FileChangeType) => (uri: vscode.Uri) => void client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri.toString(), type }] });
  return vscode.Disposable.from(watcher, watcher.onDidCreate(tell(FileChangeType.Created)), watcher.onDidChange(tell(FileChangeType.Changed)), watcher.onDidDelete(tell(FileChangeType.Deleted)));
}

/** The profile names of the site of a file (see `inFolder` for a folder) and where they come from; without one, the workspace's. */
export function profileSource(client: LanguageClient, file?: vscode.Uri): Promise<ProfileSource> {
  return client.sendRequest<ProfileSource>(PROFILE_SOURCE_REQUEST, { uri: file?.toString() });
}

/** A file in `folder`, for asking the site of the folder's files (the site of the folder itself is its parent's). */
export function inFolder(folder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(folder, '_');
}

/** "the base-station file acme/dp750.txt", "the project file hsconfig.json" or "the hsconfig.profiles setting", for messages. */
export function describeProfileSource(source: ProfileSource): string {
  if (source.from === 'baseStation' && source.file) return `the base-station file ${vscode.workspace.asRelativePath(source.file)}`;
  if (source.from === 'project' && source.projectFile) return `the project file ${vscode.workspace.asRelativePath(source.projectFile)}`;
  return 'the hsconfig.profiles setting';
}
