// The pure language service: no `vscode` import, no connection. It takes TextDocuments and returns LSP objects,
// in the manner of vscode-json-languageservice.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind } from 'vscode-languageserver-types';
import type {
  CodeAction,
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
import { doCodeActions } from './codeActions';
import { fixAllActions, fixesOfKind, hasSureFix, wants } from './fixAll';
import { doComplete } from './completion';
import { getFoldingRanges, getSelectionRanges } from './folding';
import { format } from '../xml/format';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';
import { parseDocument, type ParsedDocument } from '../xml/parser';
import { getModelCache } from '../modes/modelCache';
import type { HandsetParticipants } from './participants';
import { DEFAULT_SETTINGS, effectiveSettings, type LanguageSettings } from './settings';
import { getDocumentStatus } from './status';
import type { DocumentStatus } from '../../../shared/protocol/status';
import { findDocumentSymbols } from './symbols';
import { doTagComplete, findDocumentHighlights, getLinkedEditingRanges, type LinkedEditingRanges } from './tagEditing';
import { SOURCE, validate } from './validate';

export interface LanguageService {
  configure(settings: Partial<LanguageSettings>): void;
  /** The settings as configured, before any document's site. */
  readonly settings: LanguageSettings;
  /** The settings a document is checked with: the configured ones, with its site's facts. */
  settingsFor(uri: string): LanguageSettings;
  doValidation(document: TextDocument): Diagnostic[];
  doHover(document: TextDocument, position: Position): Hover | null;
  doComplete(document: TextDocument, position: Position): CompletionList;
  /** Quick fixes for `diagnostics`, fix-all of a kind among them; with `only` (LSP's context.only), what it asks for. */
  doCodeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument): FoldingRange[];
  getSelectionRanges(document: TextDocument, positions: readonly Position[]): SelectionRange[];
  getInlayHints(document: TextDocument, range: Range): InlayHint[];
  getDocumentStatus(document: TextDocument): DocumentStatus;
  /** Formats the whole document, or the lines that start inside `range`; nothing for a file that is not well-formed. */
  format(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[];
  /** The start and end tag names to edit as one, when the position is on either. */
  getLinkedEditingRanges(document: TextDocument, position: Position): LinkedEditingRanges | null;
  /** The matching start and end tag names, when the position is on either. */
  findDocumentHighlights(document: TextDocument, position: Position): DocumentHighlight[];
  /** The snippet that closes the tag just opened by typing `>` or `</` before `position`, or null. */
  doTagComplete(document: TextDocument, position: Position): string | null;
  /** Every sure fix of the problems of `code` in the document, as one list of edits (none: the kind has no sure fix). */
  fixAllOfKind(document: TextDocument, code: string): { edits: TextEdit[]; fixed: Diagnostic[] };
  /** The document's parse, from the one model cache (for the code lens and other features outside this folder). */
  parse(document: TextDocument): ParsedDocument;
  /** Forgets what was cached for a document that closed. */
  forget(uri: string): void;
}

export function getLanguageService(initial: Partial<LanguageSettings> = {}, participants: HandsetParticipants = {}): LanguageService {
  let configured: LanguageSettings = { ...DEFAULT_SETTINGS, ...initial };
  let settings = effectiveSettings(configured);
  const site = participants.site;
  const settingsFor = (uri: string): LanguageSettings => (site ? effectiveSettings({ ...configured, ...site(uri) }) : settings);
  /** Every feature of one document version shares one parse. */
  const cache = getModelCache((document) => parseDocument(document.getText()));
  const parse = (document: TextDocument): ParsedDocument => cache.get(document);

  return {
    configure(update) {
      configured = { ...configured, ...update };
      settings = effectiveSettings(configured);
    },
    get settings() {
      return settings;
    },
    settingsFor,
    doValidation: (document) => validate(document, settingsFor(document.uri), () => parse(document)),
    doHover: (document, position) => doHover(document, parse(document), document.offsetAt(position), settingsFor(document.uri), participants.hover),
    doComplete: (document, position) => doComplete(document, parse(document), document.offsetAt(position), settingsFor(document.uri)),
    doCodeActions: (document, _range, diagnostics, only) => {
      const settings = settingsFor(document.uri);
      let all: Diagnostic[] | undefined;
      const current = () => (all ??= validate(document, settings, () => parse(document)));
      const fixesFor = (ds: readonly Diagnostic[]) => doCodeActions(document, parse(document), ds, settings);
      const requested = withData(diagnostics, current);
      const quickFixes = wants(only, CodeActionKind.QuickFix) ? fixesFor(requested) : [];
      return [...quickFixes, ...fixAllActions(document, requested, current(), fixesFor, only)];
    },
    findDocumentSymbols: (document) => findDocumentSymbols(document, parse(document)),
    getFoldingRanges: (document) => getFoldingRanges(document, parse(document)),
    getSelectionRanges: (document, positions) => getSelectionRanges(document, parse(document), positions),
    getInlayHints: (document, range) => (configured.inlayHints ? getInlayHints(document, parse(document), range) : []),
    getDocumentStatus: (document) => getDocumentStatus(parse(document)),
    format: (document, options, range) => (document.getText().length > configured.maxDocumentSize ? [] : format(document, parse(document), options, range)),
    getLinkedEditingRanges: (document, position) => getLinkedEditingRanges(document, parse(document), position),
    findDocumentHighlights: (document, position) => findDocumentHighlights(document, parse(document), position),
    doTagComplete: (document, position) => doTagComplete(document, parse(document), position),
    fixAllOfKind: (document, code) => {
      if (!hasSureFix(code)) return { edits: [], fixed: [] };
      const settings = settingsFor(document.uri);
      return fixesOfKind(document, code, validate(document, settings, () => parse(document)), (ds) => doCodeActions(document, parse(document), ds, settings));
    },
    parse,
    forget: cache.onDocumentRemoved,
  };
}

/**
 * Clients need not send a diagnostic's `data` back with a code-action request (many drop it): take it from our own
 * diagnostic with the same code at the same place.
 */
function withData(diagnostics: readonly Diagnostic[], current: () => Diagnostic[]): Diagnostic[] {
  let own: Diagnostic[] | undefined;
  const same = (a: Diagnostic, b: Diagnostic) =>
    a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
  return diagnostics.map((d) => {
    if (d.data !== undefined || d.source !== SOURCE) return d;
    own ??= current();
    const match = own.find((o) => same(o, d));
    return match ? { ...d, data: match.data } : d;
  });
}

export type { LanguageSettings } from './settings';

export { Code, type DiagnosticCode } from './codes';
