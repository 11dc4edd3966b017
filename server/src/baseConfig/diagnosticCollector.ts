// Collects the diagnostics of one base-station config file, each with the fixes it carries in its data: a
// replacement of the text it covers (ReplaceData) or fixes of their own, with a title and edits elsewhere too.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, TextEdit, type DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Span } from '../xml/parser';
import type { BaseDiagnosticCode } from './codes';

export const BASE_SOURCE = 'hsconfig';

/** What a quick fix needs: the text to put in the diagnostic's range, or fixes of their own. */
export interface ReplaceData {
  readonly replacement?: string;
  /** Other likely replacements, each offered as a fix too. */
  readonly alternatives?: readonly string[];
  /** The replacement is not clearly likelier than the alternatives: no fix is preferred. */
  readonly unsure?: true;
  /** Fixes that need a title of their own or edits outside the diagnostic's range. */
  readonly fixes?: readonly FixData[];
}

export interface FixData {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one to apply without asking. */
  readonly preferred?: true;
}

/** One edit of a fix: put `text` in place of `span`. */
export interface SpanEdit {
  readonly span: Span;
  readonly text: string;
}

/** Did-you-mean guesses per file: a file with more unknown keys than this holds no typos worth the search. */
const MAX_GUESSES = 500;

export class Collector {
  readonly diagnostics: Diagnostic[] = [];
  private guesses = MAX_GUESSES;
  constructor(readonly document: TextDocument) {}

  /** Whether one more did-you-mean may be searched for (each costs a pass over the catalogue). */
  mayGuess(): boolean {
    return this.guesses-- > 0;
  }

  add(severity: DiagnosticSeverity, code: BaseDiagnosticCode, span: Span, message: string, data?: ReplaceData): void {
    const d = Diagnostic.create({ start: this.document.positionAt(span.start), end: this.document.positionAt(span.end) }, message, severity, code, BASE_SOURCE);
    if (data) d.data = data;
    this.diagnostics.push(d);
  }

  /** A fix of its own, its edits given by offsets in this document. */
  fix(title: string, edits: readonly SpanEdit[], preferred = false): FixData {
    const range = (s: Span) => ({ start: this.document.positionAt(s.start), end: this.document.positionAt(s.end) });
    return { title, edits: edits.map((e) => TextEdit.replace(range(e.span), e.text)), ...(preferred && { preferred: true as const }) };
  }
}
