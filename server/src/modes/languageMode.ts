// What a language offers the server and the CLI: one LanguageMode per language, every feature optional (the shape of
// VS Code's html-language-features). The wiring asks a document's mode and answers empty where the mode has no such
// feature; nothing outside a language's folder tests a language id.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Position,
  Range,
  SelectionRange,
  TextEdit,
} from 'vscode-languageserver-types';
import type { LinkedEditingRanges } from 'vscode-languageserver-protocol';
import type { LanguageId } from '../../../shared/languageIds';

export interface LanguageMode {
  readonly id: LanguageId;
  /** The document's problems: its own, and those it has because of other files where the mode is told of them. */
  doValidation?(document: TextDocument): Diagnostic[];
  doHover?(document: TextDocument, position: Position): Hover | null;
  doComplete?(document: TextDocument, position: Position): CompletionList | null;
  /** Quick fixes and fix-all for `diagnostics`; with `only` (LSP's context.only), what it asks for. */
  doCodeActions?(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  findDocumentSymbols?(document: TextDocument): DocumentSymbol[];
  getFoldingRanges?(document: TextDocument): FoldingRange[];
  getSelectionRanges?(document: TextDocument, positions: readonly Position[]): SelectionRange[];
  getInlayHints?(document: TextDocument, range: Range): InlayHint[];
  /** The whole document formatted, or the lines that start inside `range`. */
  format?(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[];
  getLinkedEditingRanges?(document: TextDocument, position: Position): LinkedEditingRanges | null;
  findDocumentHighlights?(document: TextDocument, position: Position): DocumentHighlight[];
  getCodeLenses?(document: TextDocument): CodeLens[];
  /** Forgets what was kept for a document that closed. */
  forget?(uri: string): void;
}
