// Gives the hsconfig language to any XML or plain-text document whose root element is <hs_config>, and the
// hsconfig-base language to a base station's config file (XML rooted in <gs_provision>, or text made of Pnnn=value
// lines, or the vendor's cfg<MAC> name). A document switched once is never switched again, so a user who picks another
// language keeps it.

import * as vscode from 'vscode';
import { detectedLanguage, isCandidateLanguage } from './detectedLanguage';
import { LANGUAGE_IDS } from '../../../shared/languageIds';
import { DETECTION_LINES } from '../../../shared/detect/language';


export function registerLanguageDetection(context: vscode.ExtensionContext): void {
  const switched = new Set<string>();

  const consider = (doc: vscode.TextDocument) => {
    if (!isCandidateLanguage(doc.languageId)) return;
    if (!vscode.workspace.getConfiguration('hsconfig', doc.uri).get<boolean>('detectLanguage', true)) return;
    const key = doc.uri.toString();
    if (switched.has(key)) return;
    const target = detectedLanguage(doc.languageId, doc.getText(new vscode.Range(0, 0, DETECTION_LINES, 0)), doc.uri.toString());
    if (!target) return;
    switched.add(key);
    void vscode.languages.setTextDocumentLanguage(doc, target);
  };

  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    // A new, empty file becomes a handset file once its root is typed or a snippet inserts it.
    vscode.workspace.onDidChangeTextDocument((e) => consider(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (!(LANGUAGE_IDS as readonly string[]).includes(doc.languageId)) switched.delete(doc.uri.toString());
    }),
  );
}
