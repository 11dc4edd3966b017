// Gives the hsconfig language to any XML or plain-text document whose root element is <hs_config>, whatever its
// file name. A document switched once is never switched again, so a user who picks another language keeps it.

import * as vscode from 'vscode';
import { isHandsetText } from '../../server/src/languageService/handsetFiles';

export const LANGUAGE_ID = 'hsconfig';
const CANDIDATE_LANGUAGES = new Set(['xml', 'plaintext']);

export function registerLanguageDetection(context: vscode.ExtensionContext): void {
  const switched = new Set<string>();

  const consider = (doc: vscode.TextDocument) => {
    if (!CANDIDATE_LANGUAGES.has(doc.languageId)) return;
    if (!vscode.workspace.getConfiguration('hsconfig', doc.uri).get<boolean>('detectLanguage', true)) return;
    const key = doc.uri.toString();
    if (switched.has(key)) return;
    if (!isHandsetText(doc.getText(new vscode.Range(0, 0, 200, 0)))) return;
    switched.add(key);
    void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  };

  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    // A new, empty file becomes a handset file once its root is typed or a snippet inserts it.
    vscode.workspace.onDidChangeTextDocument((e) => consider(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.languageId !== LANGUAGE_ID) switched.delete(doc.uri.toString());
    }),
  );
}
