// Opening the copied workspace fixtures and reading what the extension did with them.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil, WAIT_MS } from './waits';

export const EXTENSION_ID = 'hsconfig.hsconfig';
export const LANGUAGE_ID = 'hsconfig';

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a fixture in an editor and waits until the document has `languageId`. */
export async function openInLanguage(name: string, languageId: string): Promise<vscode.TextDocument> {
  const uri = fixtureUri(name);
  await vscode.window.showTextDocument(uri);
  return waitUntil(() => `${name} to have language "${languageId}" (it has "${openDocument(uri)?.languageId}")`, [vscode.workspace.onDidOpenTextDocument], () => {
    const doc = openDocument(uri);
    return doc?.languageId === languageId ? doc : undefined;
  });
}

export function hsconfigDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'hsconfig');
}

/** Waits until the hsconfig diagnostics of `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  const name = uri.path.split('/').pop();
  return waitUntil(`${what} in ${name}`, [vscode.languages.onDidChangeDiagnostics], () => {
    const ds = hsconfigDiagnostics(uri);
    return accept(ds) ? ds : undefined;
  }, timeoutMs);
}

export function diagnosticCode(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Replaces the first occurrence of `from` in the document with `to`, as a user's edit would. */
export async function replaceText(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const offset = doc.getText().indexOf(from);
  assert.ok(offset >= 0, `"${from}" is not in ${doc.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${doc.uri.path} was not applied`);
}
