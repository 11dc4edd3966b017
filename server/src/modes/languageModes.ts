// One LanguageMode per language the server speaks, picked by the document's language id (the pattern of VS Code's
// html-language-features): the handset language (hsconfig) and the base station's config (hsconfig-base).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { BASE_LANGUAGE_ID, type BaseConfigService } from '../baseConfig/baseConfigService';
import type { LanguageService } from '../handset/languageService';

export interface LanguageMode {
  readonly id: string;
  doValidation(document: TextDocument): Diagnostic[];
  doHover(document: TextDocument, position: Position): Hover | null;
  doComplete(document: TextDocument, position: Position): CompletionList | null;
  doCodeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument): FoldingRange[];
  getSelectionRanges?(document: TextDocument, positions: readonly Position[]): SelectionRange[];
  getInlayHints?(document: TextDocument, range: Range): InlayHint[];
  forget(uri: string): void;
}

export const HANDSET_LANGUAGE_ID = 'hsconfig';

export interface LanguageModes {
  /** The mode of a document's language; the handset language for any id the server does not know. */
  modeFor(document: TextDocument): LanguageMode;
  forget(uri: string): void;
}

export function getLanguageModes(handset: LanguageService, base: BaseConfigService): LanguageModes {
  // A Map, not an object: a client may send any language id, `__proto__` and `constructor` included.
  const handsetMode: LanguageMode = { id: HANDSET_LANGUAGE_ID, ...handset };
  const modes = new Map<string, LanguageMode>([
    [HANDSET_LANGUAGE_ID, handsetMode],
    [BASE_LANGUAGE_ID, { id: BASE_LANGUAGE_ID, ...base }],
  ]);
  return {
    modeFor: (document) => modes.get(document.languageId) ?? handsetMode,
    forget: (uri) => modes.forEach((m) => m.forget(uri)),
  };
}
