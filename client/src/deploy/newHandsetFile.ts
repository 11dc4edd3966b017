// "New Handset File": asks for the IPEI (hex, or the decimal number on the handset's label) and writes a correct
// file named as the base station requests it, in the folder clicked in the Explorer (else the active file's folder,
// else the first workspace folder). An existing file is replaced only when the user says so.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ipeiReadingProblem, readIpei } from '../../../shared/domain/ipeiInput';
import { NEW_HANDSET_FILE_REQUEST, type NewHandsetFileParams, type NewHandsetFileResponse } from '../../../shared/protocol/protocol';
import { registerCommand } from '../commands/registerCommand';
import { exists, writeAtomically } from '../files/handsetFiles';

export function registerNewHandsetFile(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(registerCommand('hsconfig.newHandsetFile', 'New Handset File', (target) => newHandsetFile(client, target.uris[0])));
}

async function newHandsetFile(client: LanguageClient, clicked?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const base = await targetFolder(clicked);
  if (!base) return void vscode.window.showWarningMessage('Open a folder first: the new handset file is written into it.');
  const value = await vscode.window.showInputBox({
    title: 'New Handset File',
    prompt: "The handset's IPEI: 10 hex digits (02c332b510) or the 13-digit decimal number on its label (11315 0177424 2)",
    ignoreFocusOut: true,
    validateInput: (v) => {
      const r = readIpei(v);
      return 'problem' in r ? r.problem : ipeiReadingProblem(r);
    },
  });
  if (!value) return undefined;
  const reading = readIpei(value);
  if ('problem' in reading) return undefined;
  const config = vscode.workspace.getConfiguration('hsconfig', base);
  const params: NewHandsetFileParams = { ipei: reading.hex, folder: base.toString(), prefix: config.get<string>('handsetFilePrefix', 'ipei_'), postfix: config.get<string>('handsetFilePostfix', '') };
  const file = await client.sendRequest<NewHandsetFileResponse>(NEW_HANDSET_FILE_REQUEST, params);
  if ('problem' in file) return void vscode.window.showErrorMessage(`No file written: ${file.problem}`);
  const target = vscode.Uri.joinPath(base, ...file.folder.split('/').filter((s) => s !== ''), file.name);
  const shown = vscode.workspace.asRelativePath(target);
  if (await exists(target)) {
    const choice = await vscode.window.showWarningMessage(`${shown} already exists. Replace it with a new file for IPEI ${reading.hex}?`, { modal: true }, 'Replace', 'Open It');
    if (choice === 'Open It') await vscode.window.showTextDocument(target, { preview: false });
    if (choice !== 'Replace') return undefined;
  }
  await writeAtomically(target, Buffer.from(file.text, 'utf8'), true);
  const editor = await vscode.window.showTextDocument(target, { preview: false });
  const end = editor.document.lineAt(Math.max(0, editor.document.lineCount - 3)).range.end;
  editor.selection = new vscode.Selection(end, end);
  void vscode.window.showInformationMessage(`Wrote ${shown}, named as ${file.namedBy} says the base station requests it.`);
  return target;
}

async function targetFolder(clicked?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (clicked instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(clicked);
    return stat.type & vscode.FileType.Directory ? clicked : vscode.Uri.joinPath(clicked, '..');
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
  return (await folderOfHandsetFiles()) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

/**
 * Where the workspace keeps its handset files: the folder of the shallowest file named with the handset-file prefix,
 * leaving out the encryption output folder (from the walkthrough, a new file went to the workspace root beside
 * them rather than into `handsets/`).
 */
async function folderOfHandsetFiles(): Promise<vscode.Uri | undefined> {
  const config = vscode.workspace.getConfiguration('hsconfig');
  const prefix = config.get<string>('handsetFilePrefix', 'ipei_').replace(/[{}[\]*?,]/g, '');
  const encrypted = `/${config.get<string>('encryption.outputFolder', 'encrypted')}/`;
  const found = await vscode.workspace.findFiles(`**/${prefix}*.xml`, '**/node_modules/**', 200);
  const depth = (u: vscode.Uri) => u.path.split('/').length;
  const best = found.filter((u) => !u.path.includes(encrypted)).sort((a, b) => depth(a) - depth(b) || a.path.localeCompare(b.path))[0];
  return best && vscode.Uri.joinPath(best, '..');
}
