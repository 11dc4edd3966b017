// Language status items: which handset the active file is for and how many lines it sets; where the profile names
// the checks use come from (the base-station file or the setting). Both follow the base-station file.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './languageDetection';
import type { DocumentStatus } from '../../server/src/languageService/status';
import { DOCUMENT_STATUS_REQUEST, type ProfileSource } from '../../server/src/protocol';
import { onDidChangeBaseStation, profileSource } from './baseStationChanges';

export function registerLanguageStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const handset = vscode.languages.createLanguageStatusItem('hsconfig.handset', { language: LANGUAGE_ID });
  handset.name = 'Handset Config: handset';
  const profiles = vscode.languages.createLanguageStatusItem('hsconfig.profiles', { language: LANGUAGE_ID });
  profiles.name = 'Handset Config: profiles';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    showProfiles(profiles, await profileSource(client));
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
    const status = await client.sendRequest<DocumentStatus | null>(DOCUMENT_STATUS_REQUEST, { textDocument: { uri: editor.document.uri.toString() } });
    const lines = status?.lines ?? 0;
    handset.text = `$(device-mobile) ${status?.ipei ?? 'no IPEI'}`;
    handset.detail = `${status?.handsetName ? `${status.handsetName} · ` : ''}${lines} ${lines === 1 ? 'line' : 'lines'}`;
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update().catch(() => undefined), 300);
  };

  context.subscriptions.push(
    handset,
    profiles,
    vscode.window.onDidChangeActiveTextEditor(later),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && later()),
    onDidChangeBaseStation(later),
    { dispose: () => timer && clearTimeout(timer) },
  );
  later();
}

/** Short text (the item has little room); the names and the full path in the detail and tooltip. */
function showProfiles(item: vscode.LanguageStatusItem, source: ProfileSource): void {
  const names = source.profiles.join(', ');
  if (source.from === 'baseStation' && source.file) {
    const file = vscode.Uri.file(source.file);
    item.text = `Profiles: ${file.path.split('/').pop()}`;
    item.detail = names;
    item.command = { title: 'Open', command: 'vscode.open', arguments: [file], tooltip: `Profile names from the base-station file ${vscode.workspace.asRelativePath(file)}` };
    item.severity = vscode.LanguageStatusSeverity.Information;
    return;
  }
  item.text = 'Profiles: setting';
  item.detail = source.problem ? `${names} (the base-station file is not usable: ${source.problem})` : names;
  item.severity = source.problem ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  item.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['hsconfig.profiles'], tooltip: 'Profile names from the hsconfig.profiles setting (no base-station file)' };
}
