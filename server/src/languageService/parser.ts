// A parsed document: the tolerant element tree (xmlTree.ts) plus the strict verdict on well-formedness
// (wellFormed.ts), and how to read an element's value the way the base station does.

import { checkWellFormed, type SyntaxError } from './wellFormed';
import { buildTree, type Span, type XmlDeclaration, type XmlElement } from './xmlTree';

export type { Span, XmlElement, XmlDeclaration, SyntaxError };

export interface ParsedDocument {
  readonly text: string;
  readonly declaration?: XmlDeclaration;
  readonly root?: XmlElement;
  readonly syntaxError?: SyntaxError;
}

export function parseDocument(text: string): ParsedDocument {
  const { declaration, root } = buildTree(text);
  return { text, declaration, root, syntaxError: checkWellFormed(text, root) };
}

export interface ElementValue {
  /** The value as the base station reads it: markup decoded, surrounding white space removed. */
  readonly value: string;
  /** Where the value stands; the element's name when the value is empty. */
  readonly span: Span;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, cdata: string) => cdata.replace(/&/g, '&amp;'))
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      return ENTITIES[ref] ?? whole;
    });
}

/** The text value of an element. Text around any child elements counts; the children themselves do not. */
export function elementValue(text: string, el: XmlElement): ElementValue {
  const content = el.contentSpan;
  if (!content) return { value: '', span: el.nameSpan };
  let raw = '';
  let pos = content.start;
  for (const child of el.children) {
    raw += text.slice(pos, child.span.start) + ' '.repeat(child.span.end - child.span.start);
    pos = child.span.end;
  }
  raw += text.slice(pos, content.end);
  const trimmed = raw.trim();
  if (!trimmed) return { value: '', span: el.nameSpan };
  const start = content.start + raw.length - raw.trimStart().length;
  return { value: decode(trimmed).trim(), span: { start, end: start + trimmed.length } };
}

/** The declared encoding, if the XML declaration names one. */
export function declaredEncoding(declaration: XmlDeclaration): { value: string; span: Span } | undefined {
  const enc = declaration.attributes.find((a) => a.name === 'encoding');
  return enc?.value !== undefined && enc.valueSpan ? { value: enc.value, span: enc.valueSpan } : undefined;
}
