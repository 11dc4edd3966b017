// The pure language service: no `vscode` import, no connection. It takes TextDocuments and returns LSP objects,
// in the manner of vscode-json-languageservice.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Position,
  Range,
  SelectionRange,
} from 'vscode-languageserver-types';
import { doCodeActions } from './codeActions';
import { doComplete } from './completion';
import { getFoldingRanges, getSelectionRanges } from './folding';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';
import { parseDocument, type ParsedDocument } from './parser';
import { DEFAULT_SETTINGS, type LanguageSettings } from './settings';
import { getDocumentStatus, type DocumentStatus } from './status';
import { findDocumentSymbols } from './symbols';
import { validate } from './validate';

export interface LanguageService {
  configure(settings: Partial<LanguageSettings>): void;
  readonly settings: LanguageSettings;
  doValidation(document: TextDocument): Diagnostic[];
  doHover(document: TextDocument, position: Position): Hover | null;
  doComplete(document: TextDocument, position: Position): CompletionList;
  doCodeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument): FoldingRange[];
  getSelectionRanges(document: TextDocument, positions: readonly Position[]): SelectionRange[];
  getInlayHints(document: TextDocument, range: Range): InlayHint[];
  getDocumentStatus(document: TextDocument): DocumentStatus;
  /** Forgets what was cached for a document that closed. */
  forget(uri: string): void;
}

export function getLanguageService(initial: Partial<LanguageSettings> = {}): LanguageService {
  let settings: LanguageSettings = { ...DEFAULT_SETTINGS, ...initial };
  const cache = new Map<string, { version: number; text: string; parsed: ParsedDocument }>();

  /** Every feature of one document version shares one parse. */
  const parse = (document: TextDocument): ParsedDocument => {
    const hit = cache.get(document.uri);
    const text = document.getText();
    if (hit && hit.version === document.version && hit.text === text) return hit.parsed;
    const parsed = parseDocument(text);
    cache.set(document.uri, { version: document.version, text, parsed });
    return parsed;
  };

  return {
    configure(update) {
      settings = { ...settings, ...update };
    },
    get settings() {
      return settings;
    },
    doValidation: (document) => validate(document, settings, () => parse(document)),
    doHover: (document, position) => doHover(document, parse(document), document.offsetAt(position), settings),
    doComplete: (document, position) => doComplete(document, parse(document), document.offsetAt(position), settings),
    doCodeActions: (document, _range, diagnostics) => doCodeActions(document, parse(document), diagnostics, settings),
    findDocumentSymbols: (document) => findDocumentSymbols(document, parse(document)),
    getFoldingRanges: (document) => getFoldingRanges(document, parse(document)),
    getSelectionRanges: (document, positions) => getSelectionRanges(document, parse(document), positions),
    getInlayHints: (document, range) => (settings.inlayHints ? getInlayHints(document, parse(document), range) : []),
    getDocumentStatus: (document) => getDocumentStatus(parse(document)),
    forget: (uri) => void cache.delete(uri),
  };
}

export type { LanguageSettings } from './settings';
export type { DocumentStatus } from './status';
export { Code, type DiagnosticCode } from './codes';
