// Context keys the menus' `when` clauses read: which workspace files are encrypted handset files, plain handset
// files, or base-station configuration files (lists of paths, for `resourcePath in hsconfig.encryptedFiles`), and
// whether there is any of the latter two (the sites view's `when`). Kept up to date by a file watcher; only the first
// bytes of files with a likely name are read.

import * as vscode from 'vscode';
import { readRegularFileHead } from '../../../shared/files/readRegularFile';
import { SKIPPED_FOLDERS } from '../../../shared/detect/handsetText';
import { CANDIDATE_GLOB, classifyHead, HEAD_BYTES, isCandidateName, VENDOR_CONFIG_GLOB, type ResourceKind } from './resourceKind';

const KEYS: Record<ResourceKind, string> = {
  encrypted: 'hsconfig.encryptedFiles',
  handset: 'hsconfig.handsetFiles',
  baseStationConfig: 'hsconfig.baseStationConfigFiles',
};
const MAX_FILES = 5000;
const PUBLISH_DELAY_MS = 150;

/** The workspace's files of each kind, as the menus know them (kept current by the same watcher). */
export interface WorkspaceFiles {
  ofKind(kind: ResourceKind): vscode.Uri[];
}

export function registerContextKeys(context: vscode.ExtensionContext): WorkspaceFiles {
  const kinds = new Map<string, ResourceKind>();
  const files: WorkspaceFiles = { ofKind: (kind) => [...kinds].filter(([, k]) => k === kind).map(([uri]) => vscode.Uri.parse(uri)) };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      for (const [kind, key] of Object.entries(KEYS)) {
        const uris = files.ofKind(kind as ResourceKind);
        void vscode.commands.executeCommand('setContext', key, [...new Set(uris.flatMap(menuPaths))]);
      }
      // The sites view shows once there is something to show (a list key is truthy even when empty).
      const any = [...kinds.values()].some((k) => k !== 'encrypted');
      void vscode.commands.executeCommand('setContext', 'hsconfig.workspaceHasFiles', any);
    }, PUBLISH_DELAY_MS);
  };
  const consider = async (uri: vscode.Uri) => {
    const kind = await kindOf(uri);
    const key = uri.toString();
    if (kinds.get(key) === kind) return;
    if (kind) kinds.set(key, kind);
    else kinds.delete(key);
    publish();
  };
  // A deleted folder takes its files with it.
  const forget = (uri: vscode.Uri) => {
    const gone = uri.toString();
    const before = kinds.size;
    for (const key of [...kinds.keys()]) if (key === gone || key.startsWith(`${gone}/`)) kinds.delete(key);
    if (kinds.size !== before) publish();
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate((u) => void consider(u)),
    watcher.onDidChange((u) => void consider(u)),
    watcher.onDidDelete(forget),
    vscode.workspace.onDidSaveTextDocument((d) => void consider(d.uri)),
    { dispose: () => timer && clearTimeout(timer) },
  );
  void candidateFiles().then(async (uris) => {
    for (const uri of uris) await consider(uri);
    publish();
  });
  return files;
}

/** The workspace's files whose names are worth reading, node_modules and .git left out. */
async function candidateFiles(): Promise<vscode.Uri[]> {
  const exclude = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;
  const [named, vendor] = await Promise.all([vscode.workspace.findFiles(CANDIDATE_GLOB, exclude, MAX_FILES), vscode.workspace.findFiles(VENDOR_CONFIG_GLOB, exclude, MAX_FILES)]);
  return [...named, ...vendor.filter((u) => isCandidateName(u.path) && !named.some((n) => n.toString() === u.toString()))];
}

/**
 * What `resourcePath` holds for this file in the workbench: its fsPath locally, its path when the extension host is
 * remote (code-server, SSH, WSL: the workbench sees vscode-remote: URIs, so `resource` would never match).
 */
function menuPaths(uri: vscode.Uri): string[] {
  return [uri.fsPath, uri.path];
}

async function kindOf(uri: vscode.Uri): Promise<ResourceKind | undefined> {
  if (uri.scheme !== 'file' || !isCandidateName(uri.path) || [...SKIPPED_FOLDERS].some((f) => uri.path.includes(`/${f}/`))) return undefined;
  try {
    return classifyHead(await readRegularFileHead(uri.fsPath, HEAD_BYTES));
  } catch {
    return undefined; // a folder, a pipe or device (never opened so as to wait on it), or gone meanwhile
  }
}
