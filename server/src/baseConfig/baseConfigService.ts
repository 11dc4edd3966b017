// The base-station config language service: pure (no `vscode`, no connection), one parse per document version
// through the one bounded model cache (modes/modelCache.ts).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, FormattingOptions, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { formatBaseConfig } from './format';
import { doBaseComplete } from './completion';
import { doBaseHover } from './hover';
import { baseCodeActions, baseFolding, baseSymbols, FIXABLE_CODES } from './outline';
import { parseBaseConfig, type BaseConfigDocument } from './parser';
import { getBaseConfigStatus } from './status';
import type { BaseConfigStatus } from '../../../shared/protocol/status';
import { validateBaseConfig } from './validate';
import { getModelCache } from '../modes/modelCache';

const MAX_SIZE = 10_000_000;

export interface BaseConfigService {
  doValidation(document: TextDocument): Diagnostic[];
  doHover(document: TextDocument, position: Position): Hover | null;
  doComplete(document: TextDocument, position: Position): CompletionList;
  doCodeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument): FoldingRange[];
  /** The whole document formatted, or the lines that start inside `range`. */
  format(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[];
  /** What the language status item shows: shape, P-values, the catalogue's firmware, problems. */
  getStatus(document: TextDocument): BaseConfigStatus;
  /** The parse of a document, for features outside this folder (cross-file navigation). */
  parse(document: TextDocument): BaseConfigDocument;
  forget(uri: string): void;
}

export function getBaseConfigService(): BaseConfigService {
  // The model holds the parse and, once asked for, the diagnostics: code actions and the status ask again for what
  // the check of this version already found.
  const cache = getModelCache<{ readonly parsed: BaseConfigDocument; diagnostics?: Diagnostic[] }>((document) => {
    const text = document.getText();
    return { parsed: parseBaseConfig(text.length > MAX_SIZE ? '' : text) };
  });
  const parse = (document: TextDocument): BaseConfigDocument => cache.get(document).parsed;
  const validate = (document: TextDocument): Diagnostic[] => {
    const model = cache.get(document);
    return (model.diagnostics ??= validateBaseConfig(document, model.parsed)).slice();
  };
  return {
    doValidation: validate,
    doHover: (document, position) => doBaseHover(document, parse(document), document.offsetAt(position)),
    doComplete: (document, position) => doBaseComplete(document, parse(document), document.offsetAt(position)),
    doCodeActions: (document, _range, diagnostics) => baseCodeActions(document, withData(document, diagnostics, () => validate(document))),
    findDocumentSymbols: (document) => baseSymbols(document, parse(document)),
    getFoldingRanges: (document) => baseFolding(document, parse(document)),
    format: (document, options, range) => formatBaseConfig(document, parse(document), options, range),
    getStatus: (document) => getBaseConfigStatus(parse(document), validate(document)),
    parse,
    forget: cache.onDocumentRemoved,
  };
}

/** Clients may drop a diagnostic's data: take it back from our own diagnostic with the same code and place. */
function withData(document: TextDocument, diagnostics: readonly Diagnostic[], current: () => Diagnostic[]): Diagnostic[] {
  let own: Map<string, Diagnostic> | undefined;
  const key = (d: Diagnostic) => `${d.code}@${document.offsetAt(d.range.start)}-${document.offsetAt(d.range.end)}`;
  return diagnostics.map((d) => {
    // Only a diagnostic some fix keys on needs its data; the others are passed as they came.
    if (d.data !== undefined || typeof d.code !== 'string' || !FIXABLE_CODES.has(d.code)) return d;
    own ??= new Map(current().map((o) => [key(o), o]));
    return own.get(key(d)) ?? d;
  });
}
