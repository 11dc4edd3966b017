// "Import Base Station Configuration": the base station's own config file (text P-values, XML v1 or v2) becomes the
// workspace's base-station model file, which checks, hover and the preview then use.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { IMPORT_BASE_STATION_REQUEST, type ImportBaseStationResponse } from '../../../shared/protocol/protocol';
import { registerCommand } from '../commands/registerCommand';
import { exists, readText, writeAtomically } from '../files/handsetFiles';
import { baseStationPath } from '../files/settingPath';

export function registerImportBaseStation(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    registerCommand('hsconfig.importBaseStation', 'Import Base Station Configuration', async (args) => {
      const uri = args.uris[0];
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return void vscode.window.showWarningMessage('Open a folder first: the base-station file is kept in it.');
      const source = uri ?? (await vscode.window.showOpenDialog({ title: 'Base station configuration file', canSelectMany: false }))?.[0];
      if (!source) return;
      const response = await client.sendRequest<ImportBaseStationResponse>(IMPORT_BASE_STATION_REQUEST, { text: await readText(source) });
      if ('problem' in response) return void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(source)}: ${response.problem}`);
      // Where the language server reads it (trimmed; the default path when empty; absolute on every platform).
      const setting = baseStationPath(vscode.workspace.getConfiguration('hsconfig', folder.uri).get('baseStation'));
      const target = 'absolute' in setting ? vscode.Uri.file(setting.absolute) : vscode.Uri.joinPath(folder.uri, ...setting.segments);
      if (await exists(target)) {
        const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} exists. Replace it with the imported base station?`, { modal: true }, 'Replace');
        if (choice !== 'Replace') return;
      }
      await writeAtomically(target, Buffer.from(response.json, 'utf8'), true);
      // Told at once: a file watcher can miss a file written right after its folder (.vscode/) was created.
      void client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: target.toString(), type: FileChangeType.Changed }] });
      await vscode.window.showTextDocument(target, { preview: false });
      const from = vscode.workspace.asRelativePath(source);
      for (const note of response.notes) log.warn(`${from}:${note.line}: ${note.message}`);
      for (const warning of response.warnings) void vscode.window.showWarningMessage(`${from}: ${warning}`);
      const details = response.notes.length ? ['Show Lines'] : [];
      const message = `Imported ${from} (${response.summary}) into ${vscode.workspace.asRelativePath(target)}.`;
      log.info(message);
      void vscode.window.showInformationMessage(message, ...details).then((c) => c && log.show(true));
    }),
  );
}
