// The LSP requests every language answers through its mode: each handler asks the document's mode, answers empty
// where the mode has no such feature, and honours the editor switches (format, code lens).

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageModes } from '../modes/languageModes';
import type { EditorSettings } from './editorSettings';

export function registerModeFeatures(connection: Connection, documents: TextDocuments<TextDocument>, modes: LanguageModes, editor: () => EditorSettings): void {
  const withDocument =
    <P extends { textDocument: { uri: string } }, R>(handler: (doc: TextDocument, params: P) => R, fallback: R) =>
    (params: P): R => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? handler(doc, params) : fallback;
    };
  const mode = (doc: TextDocument) => modes.modeFor(doc);
  connection.onHover(withDocument((doc, p) => mode(doc)?.doHover?.(doc, p.position) ?? null, null));
  connection.onCompletion(withDocument((doc, p) => mode(doc)?.doComplete?.(doc, p.position) ?? null, null));
  connection.onCodeAction(withDocument((doc, p) => mode(doc)?.doCodeActions?.(doc, p.range, p.context.diagnostics, p.context.only) ?? [], []));
  connection.onDocumentSymbol(withDocument((doc) => mode(doc)?.findDocumentSymbols?.(doc) ?? [], []));
  connection.onFoldingRanges(withDocument((doc) => mode(doc)?.getFoldingRanges?.(doc) ?? [], []));
  connection.onSelectionRanges(withDocument((doc, p) => mode(doc)?.getSelectionRanges?.(doc, p.positions) ?? [], []));
  connection.onDocumentFormatting(withDocument((doc, p) => (editor().format ? (mode(doc)?.format?.(doc, p.options) ?? []) : []), []));
  connection.onDocumentRangeFormatting(withDocument((doc, p) => (editor().format ? (mode(doc)?.format?.(doc, p.options, p.range) ?? []) : []), []));
  connection.languages.onLinkedEditingRange(withDocument((doc, p) => mode(doc)?.getLinkedEditingRanges?.(doc, p.position) ?? null, null));
  connection.onCodeLens(withDocument((doc) => (editor().codeLens ? (mode(doc)?.getCodeLenses?.(doc) ?? []) : []), []));
  connection.onDocumentHighlight(withDocument((doc, p) => mode(doc)?.findDocumentHighlights?.(doc, p.position) ?? [], []));
  connection.languages.inlayHint.on(withDocument((doc, p) => mode(doc)?.getInlayHints?.(doc, p.range) ?? [], []));
}
