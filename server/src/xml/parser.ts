// A parsed document: the tolerant element tree (xmlTree.ts) plus the strict verdict on well-formedness
// (wellFormed.ts, with the bare `&` and stray `<` named where they stand: markupSlips.ts), and how to read an
// element's value the way the base station does.

import { findMarkupSlips, withoutSlips, type MarkupSlip } from './markupSlips';
import { checkWellFormed, type SyntaxError } from './wellFormed';
import { buildTree, type Span, type XmlDeclaration, type XmlElement } from './xmlTree';

export type { Span, XmlElement, XmlDeclaration, SyntaxError, MarkupSlip };

export interface ParsedDocument {
  readonly text: string;
  readonly declaration?: XmlDeclaration;
  readonly root?: XmlElement;
  /** The first well-formedness error, a markup slip or another: the document is well-formed when there is none. */
  readonly syntaxError?: SyntaxError;
  /** Each bare `&` and stray `<` (the first hundred), where it stands, with the reference that writes it. */
  readonly markupSlips: readonly MarkupSlip[];
  /** The first error but those slips: when there is none, the slips are all that is wrong and checks can go on. */
  readonly otherSyntaxError?: SyntaxError;
}

export function parseDocument(text: string): ParsedDocument {
  const tree = buildTree(text);
  const { slips, all } = findMarkupSlips(text);
  // The parser reads the text with each slip blanked out (same length, same offsets), so that what it finds is the
  // first mistake after them, not the confusion they cause (a bare & read as "never closed" at the end of the file).
  const other = checkWellFormed(withoutSlips(text, all), tree);
  const slip = slips[0];
  const first = slip && !(other && other.span.start < slip.span.start) ? { message: slip.message, span: slip.span } : other;
  return { text, ...tree, syntaxError: first, markupSlips: slips, otherSyntaxError: other };
}

export interface ElementValue {
  /** The value as the base station reads it: markup decoded, surrounding white space removed. */
  readonly value: string;
  /** Where the value stands; the element's name when the value is empty. */
  readonly span: Span;
}

const ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** The character a reference names; a reference to no character (above U+10FFFF) stays as written: the
 * well-formedness check reports it. */
function characterReference(ref: string, whole: string): string {
  const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

function decode(raw: string): string {
  if (!raw.includes('&') && !raw.includes('<')) return raw;
  return raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, cdata: string) => cdata.replace(/&/g, '&amp;'))
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
      if (ref.startsWith('#')) return characterReference(ref, whole);
      return ENTITIES.get(ref) ?? whole;
    });
}

/**
 * The text value of an element. Text around any child elements counts (each child reads as one space); the
 * children themselves do not. Linear in the element's own text, so checking every element of a deep document is too.
 */
export function elementValue(text: string, el: XmlElement): ElementValue {
  const content = el.contentSpan;
  if (!content) return { value: '', span: el.nameSpan };
  if (el.children.length === 0) {
    const raw = text.slice(content.start, content.end);
    const trimmed = raw.trim();
    if (trimmed === '') return { value: '', span: el.nameSpan };
    const start = content.start + raw.length - raw.trimStart().length;
    return { value: decode(trimmed).trim(), span: { start, end: start + trimmed.length } };
  }
  const pieces: Span[] = [];
  let pos = content.start;
  for (const child of el.children) {
    pieces.push({ start: pos, end: child.span.start });
    pos = child.span.end;
  }
  pieces.push({ start: pos, end: content.end });
  const hasText = (p: Span) => /\S/.test(text.slice(p.start, p.end));
  const first = pieces.findIndex(hasText);
  if (first < 0) return { value: '', span: el.nameSpan };
  let last = pieces.length - 1;
  while (!hasText(pieces[last])) last--;
  const head = text.slice(pieces[first].start, pieces[first].end);
  const tail = text.slice(pieces[last].start, pieces[last].end);
  const start = pieces[first].start + head.length - head.trimStart().length;
  const end = pieces[last].start + tail.trimEnd().length;
  const raw = pieces
    .slice(first, last + 1)
    .map((p) => text.slice(Math.max(p.start, start), Math.min(p.end, end)))
    .join(' ');
  return { value: decode(raw).trim(), span: { start, end } };
}

/** The declared encoding, if the XML declaration names one. */
export function declaredEncoding(declaration: XmlDeclaration): { value: string; span: Span } | undefined {
  const enc = declaration.attributes.find((a) => a.name === 'encoding');
  return enc?.value !== undefined && enc.valueSpan ? { value: enc.value, span: enc.valueSpan } : undefined;
}
