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
import type { Span } from '../../../shared/span';

/** A profile name in a document: where a handset line uses it, or where a base-station config defines it. */
export interface ProfileNameAt {
  readonly name: string;
  /** The value's place (an empty span inside an empty value). */
  readonly span: Span;
  readonly role: 'use' | 'definition';
  /** For a definition: the profile's number, 1–4. */
  readonly profile?: number;
}

/** How a language takes part in profile-name links (definition, references, rename); contributed at construction. */
export interface ProfileLinks {
  /** The profile name at an offset, if the offset is on one. */
  nameAt(document: TextDocument, offset: number): ProfileNameAt | undefined;
  /** Every profile name the document defines (a language that defines none has no such method). */
  definitions?(document: TextDocument): ProfileNameAt[];
  /** The text that writes `name` into this document's value (escaped as the document's syntax needs). */
  written(document: TextDocument, name: string): string;
}

/** The id of the mode of a file that is neither language (unrecognisedMode.ts): no document is routed to it by id. */
export const UNRECOGNISED_ID = 'hsconfig-unrecognised';

export interface LanguageMode {
  readonly id: LanguageId | typeof UNRECOGNISED_ID;
  /** Other ids of the same language (the config language has one for text and one for XML). */
  readonly otherIds?: readonly LanguageId[];
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
  /** Profile-name links (a cross-language contribution). */
  readonly profileLinks?: ProfileLinks;
  /** Forgets what was kept for a document that closed. */
  forget?(uri: string): void;
}
