// "Handset Config: Export XML Schema (XSD)": asks where to save the schema and writes it. The schema itself comes
// from the server-side generator; this file is only the dialog and the file write.

import * as vscode from 'vscode';
import { generateXsd } from '../../../server/src/schema/xsd';

export const COMMAND = 'hsconfig.exportSchema';
const FILE_NAME = 'hs_config.xsd';

export function register(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMAND, exportSchema));
}

/** Next to the open file when there is one, else in the first workspace folder. */
function defaultUri(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return vscode.Uri.joinPath(active, '..', FILE_NAME);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, FILE_NAME);
}

async function exportSchema(): Promise<void> {
  const scope = vscode.window.activeTextEditor?.document.uri;
  const profiles = vscode.workspace.getConfiguration('hsconfig', scope).get<string[]>('profiles');
  let xsd: string;
  try {
    xsd = generateXsd(profiles ? { profiles } : {});
  } catch (err) {
    void vscode.window.showErrorMessage(`Cannot export the schema: ${err instanceof Error ? err.message : String(err)} (setting hsconfig.profiles)`);
    return;
  }
  // The save dialog asks before replacing an existing file.
  const target = await vscode.window.showSaveDialog({
    defaultUri: defaultUri(),
    filters: { 'XML Schema': ['xsd'] },
    title: 'Export XML Schema (XSD) for handset files',
    saveLabel: 'Export',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(xsd));
  const open = await vscode.window.showInformationMessage(`Exported the handset file schema to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
}
