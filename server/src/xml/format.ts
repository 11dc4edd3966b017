// Formatting XML, the handset files' and the XML base-station configs' alike: one element per line, indented by
// nesting. Only the white space between markup changes: every tag, value, comment and the XML declaration is kept
// byte for byte. What could change meaning is left alone: a file that is not well-formed is not formatted at all,
// and an element with text beside its child elements keeps its inside as written (the base station reads that text,
// white space and all).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit, type FormattingOptions, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument, XmlElement } from './parser';

/** White space between two pieces of markup, and what it becomes. */
interface Gap {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Markup kept as written: an element, a comment, a processing instruction, a DOCTYPE. */
interface Piece {
  readonly start: number;
  readonly end: number;
  readonly element?: XmlElement;
  readonly comment: boolean;
}

/** The edits that format the document, or only the lines that start inside `range`. */
export function format(document: TextDocument, doc: ParsedDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  if (doc.syntaxError || !doc.root) return [];
  const gaps = new Formatter(doc.text, options).gaps(doc.root);
  const from = range ? document.offsetAt(range.start) : 0;
  const to = range ? document.offsetAt(range.end) : doc.text.length;
  return gaps
    .filter((g) => doc.text.slice(g.start, g.end) !== g.text)
    .filter((g) => !range || (g.end >= from && (g.end < to || to === doc.text.length)))
    .map((g) => TextEdit.replace({ start: document.positionAt(g.start), end: document.positionAt(g.end) }, g.text));
}

/**
 * Spaces per level: a client's tabSize held to VS Code's own range (1 to 100), 4 when it sends no number. A size of
 * 2^28 made every indent longer than a string may be, and 10^6 kept the server busy for half a minute.
 */
export function indentSize(tabSize: number): number {
  return Number.isFinite(tabSize) ? Math.min(100, Math.max(1, Math.trunc(tabSize))) : 4;
}

class Formatter {
  private readonly eol: string;
  private readonly unit: string;
  private readonly out: Gap[] = [];

  constructor(
    private readonly text: string,
    private readonly options: FormattingOptions,
  ) {
    const lf = text.indexOf('\n'); // with none (-1) or at 0, the character before it is NaN, not a CR
    this.eol = text.charCodeAt(lf - 1) === 0x0d ? '\r\n' : '\n';
    this.unit = options.insertSpaces ? ' '.repeat(indentSize(options.tabSize)) : '\t';
  }

  gaps(root: XmlElement): Gap[] {
    const start = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const prolog = this.pieces(start, root.span.start);
    const epilogue = this.pieces(root.span.end, this.text.length);
    if (!prolog || !epilogue) return []; // something unexpected beside the root: leave the whole file alone
    const top = [...prolog, { start: root.span.start, end: root.span.end, element: root, comment: false }, ...epilogue];
    let previous = start;
    top.forEach((piece, i) => {
      this.gap(previous, piece, i === 0 ? '' : this.eol, i > 0);
      if (piece.element) this.element(piece.element, 0);
      previous = piece.end;
    });
    const trailing = this.text.slice(previous);
    const finalNewline = trailing.includes('\n') || this.options.insertFinalNewline === true;
    this.out.push({ start: previous, end: this.text.length, text: finalNewline ? this.eol : '' });
    return this.out; // in document order
  }

  /** The gap before `piece`: `lineBreak`, except that a comment on the same line as what precedes it stays there. */
  private gap(from: number, piece: Piece, lineBreak: string, mayShareLine: boolean): void {
    const between = this.text.slice(from, piece.start);
    const sameLine = piece.comment && mayShareLine && !between.includes('\n');
    this.out.push({ start: from, end: piece.start, text: sameLine ? ' ' : lineBreak });
  }

  private element(el: XmlElement, depth: number): void {
    const content = el.contentSpan;
    if (!el.children.length || !content) return; // a value or an empty element: kept as written
    const pieces: Piece[] = [];
    let pos = content.start;
    for (const child of el.children) {
      const between = this.pieces(pos, child.span.start, true);
      if (!between) return; // text beside child elements: kept as written
      pieces.push(...between, { start: child.span.start, end: child.span.end, element: child, comment: false });
      pos = child.span.end;
    }
    const after = this.pieces(pos, content.end, true);
    if (!after) return;
    pieces.push(...after);
    const inner = this.eol + this.unit.repeat(depth + 1);
    let previous = content.start;
    for (const piece of pieces) {
      this.gap(previous, piece, inner, true);
      if (piece.element) this.element(piece.element, depth + 1);
      previous = piece.end;
    }
    this.out.push({ start: previous, end: content.end, text: this.eol + this.unit.repeat(depth) });
  }

  /**
   * The comments (and outside the root, processing instructions and a DOCTYPE) between `from` and `to`, if white
   * space is all that is left. Inside an element a processing instruction counts as text, as the checks read it.
   */
  private pieces(from: number, to: number, inElement = false): Piece[] | undefined {
    const found: Piece[] = [];
    let i = from;
    while (i < to) {
      const c = this.text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
        i++;
        continue;
      }
      const end = inElement && !this.text.startsWith('<!--', i) ? undefined : this.markupEnd(i);
      if (end === undefined) return undefined;
      found.push({ start: i, end, comment: this.text.startsWith('<!--', i) });
      i = end;
    }
    return found;
  }

  /** Where the markup at `at` ends. `format` runs on well-formed files only, so the terminator is always there. */
  private markupEnd(at: number): number | undefined {
    const t = this.text;
    const close = (terminator: string, from: number) => t.indexOf(terminator, from) + terminator.length;
    if (t.startsWith('<!--', at)) return close('-->', at + 4);
    if (t.startsWith('<?', at)) return close('?>', at + 2);
    if (t.startsWith('<!DOCTYPE', at)) {
      const end = close('>', at);
      return t.slice(at, end).includes('[') ? undefined : end; // an internal subset: its declarations hold `>` too
    }
    return undefined;
  }
}
