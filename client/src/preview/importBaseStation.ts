// "Use as the Workspace's Base Station": points the hsconfig.baseStation setting at a base station's own config
// file (text P-values, XML v1 or v2), so that handset files with no config of their own in their folder or above are
// checked against it. Nothing is copied: the config stays the one place its facts are kept, so nothing can drift.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_BASE_STATION_REQUEST, type ImportBaseStationResponse } from '../../../shared/protocol/protocol';
import { registerCommand } from '../commands/registerCommand';
import { readText } from '../files/handsetFiles';

export function registerImportBaseStation(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    registerCommand('hsconfig.importBaseStation', "Use as the Workspace's Base Station", async (args) => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return void vscode.window.showWarningMessage('Open a folder first: the setting that names the base station is kept with it.');
      const source = args.uris[0] ?? (await vscode.window.showOpenDialog({ title: 'Base station configuration file', canSelectMany: false }))?.[0];
      if (!source) return;
      const from = vscode.workspace.asRelativePath(source);
      const response = await client.sendRequest<ImportBaseStationResponse>(IMPORT_BASE_STATION_REQUEST, { text: await readText(source) });
      if ('problem' in response) return void vscode.window.showErrorMessage(`${from}: ${response.problem}`);
      const value = settingValue(source, folder.uri);
      const config = vscode.workspace.getConfiguration('hsconfig', folder.uri);
      const current = config.inspect<string>('baseStation')?.workspaceValue;
      if (current && current.trim() !== '' && current !== value) {
        const choice = await vscode.window.showWarningMessage(`The workspace's base station is ${current} (setting hsconfig.baseStation). Use ${from} instead?`, { modal: true }, 'Use It');
        if (choice !== 'Use It') return;
      }
      await config.update('baseStation', value, vscode.ConfigurationTarget.Workspace);
      for (const note of response.notes) log.warn(`${from}:${note.line}: ${note.message}`);
      for (const warning of response.warnings) void vscode.window.showWarningMessage(`${from}: ${warning}`);
      const message = `${from} is now the workspace's base station (${response.summary}; profiles ${response.profiles.join(', ')}). Handset files with a config in their own folder or above keep that one.`;
      log.info(message);
      void vscode.window.showInformationMessage(message, ...(response.notes.length ? ['Show Lines'] : [])).then((c) => c && log.show(true));
    }),
  );
}

/** The setting's value for a file: relative to the workspace folder (with `/`) when inside it, else absolute. */
function settingValue(file: vscode.Uri, folder: vscode.Uri): string {
  const relative = path.relative(folder.fsPath, file.fsPath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file.fsPath : relative.split(path.sep).join('/');
}
