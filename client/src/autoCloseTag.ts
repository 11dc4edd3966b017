// Closes a tag as it is typed, as VS Code's HTML support does: after a `>` or `</` typed in a handset file, the
// server says what to insert (the end tag, or the rest of its name), and it goes in as a snippet, one undo step.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HANDSET_LANGUAGE_ID } from '../../shared/languageIds';
import { AUTO_CLOSE_TAG_REQUEST } from '../../shared/protocol/protocol';

const DELAY_MS = 50;

export function registerAutoCloseTag(context: vscode.ExtensionContext, client: LanguageClient): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (timer) clearTimeout(timer);
      const editor = vscode.window.activeTextEditor;
      if (!editor || e.document !== editor.document || e.document.languageId !== HANDSET_LANGUAGE_ID || e.contentChanges.length !== 1) return;
      if (e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo) return;
      if (!vscode.workspace.getConfiguration('hsconfig', e.document.uri).get<boolean>('autoClosingTags', true)) return;
      const change = e.contentChanges[0];
      if (change.rangeLength !== 0 || (change.text !== '>' && change.text !== '/')) return;
      const position = change.range.start.translate(0, 1);
      const version = e.document.version;
      timer = setTimeout(() => void closeTag(client, editor, position, version).catch(() => undefined), DELAY_MS);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

async function closeTag(client: LanguageClient, editor: vscode.TextEditor, position: vscode.Position, version: number): Promise<void> {
  const { document } = editor;
  const params = { textDocument: { uri: document.uri.toString() }, position: { line: position.line, character: position.character } };
  const snippet = await client.sendRequest<string | null>(AUTO_CLOSE_TAG_REQUEST, params);
  const unchanged = document.version === version && editor === vscode.window.activeTextEditor && editor.selection.active.isEqual(position);
  if (snippet && unchanged) await editor.insertSnippet(new vscode.SnippetString(snippet), position, { undoStopBefore: false, undoStopAfter: false });
}
