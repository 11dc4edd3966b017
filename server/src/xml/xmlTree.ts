// A tolerant XML tree builder in the manner of vscode-html-languageservice: it never fails, recovers from broken
// markup the way a reader would (an end tag closes the open element it names), and records UTF-16 offsets for every
// name, tag and content. Well-formedness is judged elsewhere (wellFormed.ts); this only has to be fast and forgiving.
// (A library tree builder was tried first; on a 10,000-line file it took ten times as long and most of the memory.)

import type { Span } from '../../../shared/span';

export type { Span };

export interface XmlAttribute {
  readonly name: string;
  readonly span: Span;
  readonly value?: string;
  readonly valueSpan?: Span;
}

export interface XmlElement {
  readonly name: string;
  readonly nameSpan: Span;
  closeNameSpan?: Span;
  /** The whole element, from its `<` to the end of its end tag (or where it was broken off). */
  span: Span;
  /** What lies between the start tag and the end tag; absent for `<x/>` and for a start tag without its `>`. */
  contentSpan?: Span;
  readonly selfClosing: boolean;
  /** True when an end tag with its name closed it (or it closed itself). */
  closed: boolean;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  readonly parent?: XmlElement;
}

export interface XmlDeclaration {
  readonly span: Span;
  readonly attributes: readonly XmlAttribute[];
}

export interface XmlTree {
  readonly declaration?: XmlDeclaration;
  /** The first top-level element. */
  readonly root?: XmlElement;
}

/** The elements open at a point, innermost last, with where each name stands so an end tag finds its element at once. */
class OpenElements {
  private readonly stack: XmlElement[] = [];
  private readonly depthsByName = new Map<string, number[]>();

  get innermost(): XmlElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  push(el: XmlElement): void {
    let depths = this.depthsByName.get(el.name);
    if (!depths) this.depthsByName.set(el.name, (depths = []));
    depths.push(this.stack.length);
    this.stack.push(el);
  }

  /** Pops the innermost open element with this name and hands back those opened inside it; undefined if none is open. */
  close(name: string): { el: XmlElement; inner: XmlElement[] } | undefined {
    const depth = this.depthsByName.get(name)?.at(-1);
    if (depth === undefined) return undefined;
    const inner: XmlElement[] = [];
    while (this.stack.length > depth + 1) inner.push(this.pop());
    return { el: this.pop(), inner };
  }

  drain(): XmlElement[] {
    const all = [...this.stack];
    this.stack.length = 0;
    this.depthsByName.clear();
    return all;
  }

  private pop(): XmlElement {
    const el = this.stack.pop() as XmlElement;
    this.depthsByName.get(el.name)?.pop();
    return el;
  }
}

export function buildTree(text: string): XmlTree {
  const stack = new OpenElements();
  let root: XmlElement | undefined;
  let declaration: XmlDeclaration | undefined;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) i = skipPast(text, lt + 4, '-->');
    else if (text.startsWith('<![CDATA[', lt)) i = skipPast(text, lt + 9, ']]>');
    else if (text.startsWith('<?', lt)) {
      const end = skipPast(text, lt + 2, '?>');
      if (!declaration && !root && text.startsWith('<?xml', lt) && /\s/.test(text.charAt(lt + 5))) {
        const attributesEnd = text.startsWith('?>', end - 2) ? end - 2 : end; // unterminated: to the end of the text
        declaration = { span: { start: lt, end }, attributes: attributes(text, lt + 5, attributesEnd) };
      }
      i = end;
    } else if (text.startsWith('<!', lt)) i = skipPast(text, lt + 2, '>');
    else if (text.charCodeAt(lt + 1) === 0x2f /* / */) i = endTag(text, lt, stack);
    else {
      const el = startTag(text, lt, stack.innermost);
      if (!el) {
        i = lt + 1; // a stray `<`: leave it to the well-formedness check
        continue;
      }
      if (el.parent) el.parent.children.push(el);
      else root ??= el;
      if (!el.closed) stack.push(el);
      i = el.span.end;
    }
  }
  for (const open of stack.drain()) breakOff(open, text.length);
  return { declaration, root };
}

function skipPast(text: string, from: number, terminator: string): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? text.length : end + terminator.length;
}

/** Where a tag without its `>` ends: before the next `<`, or at the end of the text. */
function tagEnd(text: string, from: number): { end: number; terminated: boolean } {
  let quote = 0;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e /* > */) return { end: j + 1, terminated: true };
    else if (c === 0x3c /* < */) return { end: j, terminated: false };
  }
  return { end: text.length, terminated: false };
}

function startTag(text: string, lt: number, parent: XmlElement | undefined): XmlElement | undefined {
  const nameEnd = endOfName(text, lt + 1);
  if (nameEnd === lt + 1) return undefined;
  const { end, terminated } = tagEnd(text, nameEnd);
  const selfClosing = terminated && text.charCodeAt(end - 2) === 0x2f;
  const attrsEnd = terminated ? end - (selfClosing ? 2 : 1) : end;
  return new Element(text, text.slice(lt + 1, nameEnd), { start: lt + 1, end: nameEnd }, { start: lt, end }, terminated && !selfClosing, selfClosing, attrsEnd, parent);
}

/** An element whose attributes are read when first asked for: most checks never look at them. */
class Element implements XmlElement {
  closeNameSpan?: Span;
  contentSpan?: Span;
  closed: boolean;
  readonly children: XmlElement[] = [];
  readonly #text: string;
  readonly #attributesEnd: number;
  #attributes?: readonly XmlAttribute[];

  constructor(
    text: string,
    readonly name: string,
    readonly nameSpan: Span,
    public span: Span,
    hasContent: boolean,
    readonly selfClosing: boolean,
    attributesEnd: number,
    readonly parent: XmlElement | undefined,
  ) {
    this.contentSpan = hasContent ? { start: span.end, end: span.end } : undefined;
    this.closed = selfClosing;
    this.#text = text;
    this.#attributesEnd = attributesEnd;
  }

  get attributes(): readonly XmlAttribute[] {
    return (this.#attributes ??= attributes(this.#text, this.nameSpan.end, this.#attributesEnd));
  }
}

const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;

/** Where the name that starts at `at` ends (`at` itself when none starts there), read no further than `limit`. */
function endOfName(text: string, at: number, limit = text.length): number {
  if (at >= limit || !isNameStart(text.charCodeAt(at))) return at;
  let i = at + 1;
  while (i < limit && isNameChar(text.charCodeAt(i))) i++;
  return i;
}
/** JavaScript's `\s`: what the attribute reading skipped when it was a regular expression. */
const isSpace = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/**
 * The attributes between `from` and `to`, read forgivingly: `name`, `name=value`, `name="value"` or `name='value'`;
 * anything that cannot start a name is skipped. A value that opens a quote it never closes runs to the next space,
 * and loses its first and last character as if they were quotes (the well-formedness check reports it).
 * Read character by character, without slicing the tag: it runs for nearly every tag of a document.
 */
function attributes(text: string, from: number, to: number): readonly XmlAttribute[] {
  let found: XmlAttribute[] | undefined;
  let i = from;
  while (i < to) {
    if (!isNameStart(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i = endOfName(text, start, to);
    const name = text.slice(start, i);
    const span = { start, end: i };
    let j = i;
    while (j < to && isSpace(text.charCodeAt(j))) j++;
    i = j;
    if (j >= to || text.charCodeAt(j) !== 0x3d /* = */) {
      (found ??= []).push({ name, span });
      continue;
    }
    while (++j < to && isSpace(text.charCodeAt(j)));
    const quote = j < to ? text.charCodeAt(j) : 0;
    const quoted = quote === 0x22 || quote === 0x27;
    const close = quoted ? text.indexOf(quote === 0x22 ? '"' : "'", j + 1) : -1;
    let rawEnd = j;
    if (close >= 0 && close < to) rawEnd = close + 1;
    else for (let c = text.charCodeAt(rawEnd); rawEnd < to && !isSpace(c) && c !== 0x3e; c = text.charCodeAt(++rawEnd));
    const vStart = quoted ? j + 1 : j;
    const vEnd = quoted ? Math.max(vStart, rawEnd - 1) : rawEnd;
    (found ??= []).push({ name, span, value: text.slice(vStart, vEnd), valueSpan: { start: vStart, end: vEnd } });
    i = rawEnd;
  }
  return found ?? NO_ATTRIBUTES;
}

/** Closes the innermost open element the end tag names, breaking off any opened inside it; a stray one is skipped. */
function endTag(text: string, lt: number, stack: OpenElements): number {
  const nameEnd = endOfName(text, lt + 2);
  const { end } = tagEnd(text, lt + 2);
  const closing = stack.close(text.slice(lt + 2, nameEnd)); // a nameless `</…>` finds none: no element is nameless
  if (!closing) return end;
  for (const inner of closing.inner) breakOff(inner, lt);
  const el = closing.el;
  el.closeNameSpan = { start: lt + 2, end: nameEnd };
  el.span = { start: el.span.start, end };
  if (el.contentSpan) el.contentSpan = { start: el.contentSpan.start, end: lt };
  el.closed = true;
  return end;
}

/** An element that was never closed ends where its parent's end tag, or the text, does. */
function breakOff(el: XmlElement, at: number): void {
  el.span = { start: el.span.start, end: Math.max(el.span.end, at) };
  if (el.contentSpan) el.contentSpan = { start: el.contentSpan.start, end: Math.max(el.contentSpan.start, at) };
}

/**
 * Every element of the tree, each after its children, in document order; `enter` can skip a child and its
 * siblings after it. Iterative: a document may nest deeper than the call stack reaches.
 */
export function* postOrder(root: XmlElement, enter: (child: XmlElement) => boolean = () => true): Generator<XmlElement> {
  const stack: { el: XmlElement; next: number }[] = [{ el: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const child = top.el.children[top.next];
    if (child && enter(child)) {
      top.next++;
      stack.push({ el: child, next: 0 });
    } else {
      stack.pop();
      yield top.el;
    }
  }
}

/** Every element of the tree, each before its children, in document order, with its depth (the root's is 0). */
export function* preOrder(root: XmlElement): Generator<{ el: XmlElement; depth: number }> {
  const stack = [{ el: root, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    yield top;
    for (let i = top.el.children.length - 1; i >= 0; i--) stack.push({ el: top.el.children[i], depth: top.depth + 1 });
  }
}
