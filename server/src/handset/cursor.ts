// Where an offset stands in a parsed document: on a tag name, in a value, or between elements.

import { getElement, type ElementSpec } from './catalogue';
import { elementValue, type ParsedDocument, type Span, type XmlElement } from '../xml/parser';

export type CursorPlace =
  /** On the name in a start tag (`<hs_na|me>`) or an end tag. */
  | { readonly kind: 'tagName'; readonly element: XmlElement; readonly span: Span; readonly closing: boolean }
  /** In the value of an element the catalogue knows as a value element. */
  | { readonly kind: 'value'; readonly element: XmlElement; readonly spec: ElementSpec; readonly span: Span }
  /** Between the elements of a container; `partial` when a `<` or `</` was just typed. */
  | { readonly kind: 'content'; readonly container: XmlElement; readonly partial?: { readonly span: Span; readonly closing: boolean } }
  | { readonly kind: 'none' };

const within = (s: Span, offset: number) => s.start <= offset && offset <= s.end;

/** The deepest element whose span holds the offset (the `<` itself does not count). */
export function elementAt(root: XmlElement | undefined, offset: number): XmlElement | undefined {
  if (!root || offset <= root.span.start || offset > root.span.end) return undefined;
  let el = root;
  for (;;) {
    const child = el.children.find((c) => c.span.start < offset && offset <= c.span.end);
    if (!child) return el;
    el = child;
  }
}

export function placeAt(doc: ParsedDocument, offset: number): CursorPlace {
  const el = elementAt(doc.root, offset);
  if (!el) return { kind: 'none' };
  if (within(el.nameSpan, offset)) return { kind: 'tagName', element: el, span: el.nameSpan, closing: false };
  if (el.closeNameSpan && within(el.closeNameSpan, offset)) return { kind: 'tagName', element: el, span: el.closeNameSpan, closing: true };
  if (!el.contentSpan || !within(el.contentSpan, offset)) return { kind: 'none' };
  const partial = partialTag(doc.text, el.contentSpan.start, offset);
  const spec = getElement(el.name);
  if (spec?.value && !partial && el.children.length === 0) {
    const v = elementValue(doc.text, el);
    const span = v.value ? v.span : { start: offset, end: offset };
    return { kind: 'value', element: el, spec, span: within(span, offset) ? span : { start: offset, end: offset } };
  }
  return { kind: 'content', container: el, partial };
}

/** A `<` or `</` typed right before the cursor, with any name after it: what a completion replaces. */
function partialTag(text: string, from: number, offset: number): { span: Span; closing: boolean } | undefined {
  const m = /<(\/?)([\w.:-]*)$/.exec(text.slice(from, offset));
  if (!m) return undefined;
  const start = from + m.index + 1 + m[1].length;
  const rest = /^[\w.:-]+/.exec(text.slice(offset))?.[0].length ?? 0;
  return { span: { start, end: offset + rest }, closing: m[1] === '/' };
}
