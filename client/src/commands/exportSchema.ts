// "Handset Config: Export XML Schema (XSD)": asks where to save the schema and writes it, for the same profile names
// the editor checks the open file against (its site's base station's, else its project file's, else the setting's),
// and says which it used. The schema itself comes from the server, which has the catalogue; this file is only the
// dialog and the file write.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SCHEMA_REQUEST, type SchemaResponse } from '../../../shared/protocol/protocol';
import { describeProfileSource, inFolder, profileSource } from '../language/baseStationChanges';
import { writeAtomically } from '../files/handsetFiles';
import { registerCommand } from './registerCommand';

export const COMMAND = 'hsconfig.exportSchema';
const FILE_NAME = 'hs_config.xsd';

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(registerCommand(COMMAND, 'Export XML Schema', () => exportSchema(client)));
}

/** Next to the open file when there is one, else in the first workspace folder. */
function defaultUri(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return vscode.Uri.joinPath(active, '..', FILE_NAME);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, FILE_NAME);
}

/** The file whose site names the profiles: the open file, else one in the first workspace folder. */
function siteFile(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return active;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && inFolder(folder);
}

async function exportSchema(client: LanguageClient): Promise<void> {
  const source = await profileSource(client, siteFile());
  const from = describeProfileSource(source);
  const schema = await client.sendRequest<SchemaResponse>(SCHEMA_REQUEST, { profiles: [...source.profiles] });
  if ('problem' in schema) {
    void vscode.window.showErrorMessage(`Cannot export the schema: ${schema.problem} (profile names from ${from})`);
    return;
  }
  const { xsd } = schema;
  // The save dialog asks before replacing an existing file.
  const target = await vscode.window.showSaveDialog({
    defaultUri: defaultUri(),
    filters: { 'XML Schema': ['xsd'] },
    title: `Export XML Schema (XSD) for handset files (profiles from ${from})`,
    saveLabel: 'Export',
  });
  if (!target) return;
  await writeAtomically(target, new TextEncoder().encode(xsd), true);
  const open = await vscode.window.showInformationMessage(
    `Exported the handset file schema to ${vscode.workspace.asRelativePath(target)}, with the profile names of ${from}: ${source.profiles.join(', ')}.`,
    'Open',
  );
  if (open) await vscode.window.showTextDocument(target);
}
