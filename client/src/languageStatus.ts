// A language status item: which handset the active file is for, how many lines it sets, where profile names come from.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './languageDetection';
import type { DocumentStatus } from '../../server/src/languageService/status';
import { DOCUMENT_STATUS_REQUEST } from '../../server/src/protocol';

export function registerLanguageStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.languages.createLanguageStatusItem('hsconfig.handset', { language: LANGUAGE_ID });
  item.name = 'Handset Config';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
    const status = await client.sendRequest<DocumentStatus | null>(DOCUMENT_STATUS_REQUEST, { textDocument: { uri: editor.document.uri.toString() } });
    const profiles = vscode.workspace.getConfiguration('hsconfig', editor.document.uri).get<string[]>('profiles', []);
    const lines = status?.lines ?? 0;
    item.text = `$(device-mobile) ${status?.ipei ?? 'no IPEI'} · ${lines} ${lines === 1 ? 'line' : 'lines'}`;
    item.detail = `${status?.handsetName ? `${status.handsetName} · ` : ''}profiles from the hsconfig.profiles setting: ${profiles.join(', ')}`;
    item.command = { title: 'Profiles', command: 'workbench.action.openSettings', arguments: ['hsconfig.profiles'] };
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update().catch(() => undefined), 300);
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(later),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && later()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('hsconfig') && later()),
    { dispose: () => timer && clearTimeout(timer) },
  );
  later();
}
