// Turns document text into the small element tree the language service works on. Two parsers, each for what it is
// good at: @xml-tools builds a tree with offsets even for broken input (so hover and completion work while typing);
// saxes, a conformant XML parser, decides well-formedness and says where it stopped.

import { parse, type DocumentCstNode } from '@xml-tools/parser';
import { buildAst, type XMLElement } from '@xml-tools/ast';
import { SaxesParser } from 'saxes';

/** A half-open range of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface XmlElement {
  readonly name: string;
  readonly nameSpan: Span;
  readonly closeNameSpan?: Span;
  /** The whole element, from `<` to the final `>`. */
  readonly span: Span;
  /** What lies between the start and end tag; absent for `<x/>` and for elements broken off. */
  readonly contentSpan?: Span;
  readonly selfClosing: boolean;
  readonly attributes: readonly { readonly name: string; readonly span: Span }[];
  readonly children: XmlElement[];
  readonly parent?: XmlElement;
}

export interface XmlDeclaration {
  readonly span: Span;
  readonly encoding?: { readonly value: string; readonly span: Span };
}

export interface SyntaxError {
  readonly message: string;
  readonly span: Span;
}

export interface ParsedDocument {
  readonly text: string;
  readonly declaration?: XmlDeclaration;
  readonly root?: XmlElement;
  /** The first well-formedness error, if any: XML parsers must stop at the first one. */
  readonly syntaxError?: SyntaxError;
}

export function parseDocument(text: string): ParsedDocument {
  const { cst, tokenVector } = parse(text);
  const ast = buildAst(cst as DocumentCstNode, tokenVector);
  const root = ast.rootElement?.type === 'XMLElement' ? toElement(ast.rootElement, undefined) : undefined;
  const declaration = ast.prolog
    ? {
        span: inclusive(ast.prolog.position),
        encoding: declarationEncoding(ast.prolog.attributes),
      }
    : undefined;
  return { text, declaration, root, syntaxError: checkWellFormed(text, root) };
}

function inclusive(p: { startOffset: number; endOffset: number }): Span {
  return { start: p.startOffset, end: p.endOffset + 1 };
}

function declarationEncoding(
  attributes: readonly { key: unknown; value: unknown; syntax: { value?: { startOffset: number; endOffset: number } } }[],
): XmlDeclaration['encoding'] {
  const enc = attributes.find((a) => a.key === 'encoding');
  if (!enc || typeof enc.value !== 'string' || !enc.syntax.value) return undefined;
  // The value token includes its quotes.
  const quoted = inclusive(enc.syntax.value);
  return { value: enc.value, span: { start: quoted.start + 1, end: quoted.end - 1 } };
}

function toElement(node: XMLElement, parent: XmlElement | undefined): XmlElement | undefined {
  const open = node.syntax.openName;
  if (!open) return undefined;
  const nameSpan = inclusive(open);
  const name = open.image;
  const selfClosing = node.syntax.isSelfClosing === true;
  const openBody = node.syntax.openBody;
  const closeBody = node.syntax.closeBody;
  const contentSpan =
    !selfClosing && openBody && closeBody ? { start: openBody.endOffset + 1, end: closeBody.startOffset } : undefined;
  const element: XmlElement = {
    name,
    nameSpan,
    closeNameSpan: node.syntax.closeName ? inclusive(node.syntax.closeName) : undefined,
    span: inclusive(node.position),
    contentSpan,
    selfClosing,
    attributes: node.attributes.flatMap((a) =>
      typeof a.key === 'string' && a.syntax.key ? [{ name: a.key, span: inclusive(a.syntax.key) }] : [],
    ),
    children: [],
    parent,
  };
  for (const child of node.subElements) {
    const c = toElement(child, element);
    if (c) element.children.push(c);
  }
  return element;
}

function checkWellFormed(text: string, root: XmlElement | undefined): SyntaxError | undefined {
  const parser = new SaxesParser();
  let first: SyntaxError | undefined;
  parser.on('error', (err) => {
    if (!first) first = describeSyntaxError(text, err.message, parser.position, root);
  });
  try {
    parser.write(text).close();
  } catch (err) {
    // saxes throws only if an error handler rethrows; keep whatever it reported first.
    if (!first) first = { message: String(err), span: { start: 0, end: Math.min(1, text.length) } };
  }
  return first;
}

const PLAIN_MESSAGES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unexpected close tag/, () => 'This closing tag does not match the element that is open here.'],
  [/^unmatched closing tag: (.*)\.$/, (m) => `\`</${m[1]}>\` closes an element that was never opened.`],
  [/^unclosed tag: (.*)$/, (m) => `\`<${m[1]}>\` is never closed: add \`</${m[1]}>\`.`],
  [/^documents may contain only one root/, () => 'Only one root element is allowed: everything belongs inside `<hs_config>`.'],
  [/^text data outside of root node/, () => 'Text outside the root element is not allowed.'],
  [/^document must contain a root element/, () => 'The document has no root element: it should start with `<hs_config>`.'],
  [/^disallowed character/, () => 'This character is not allowed in an XML document.'],
  [/^undefined entity/, () => 'Unknown entity: write `&amp;` for `&`, `&lt;` for `<` and `&gt;` for `>`.'],
  [/^unquoted attribute value/, () => 'Attribute values must be in quotes.'],
  [/^an XML declaration must be at the start/, () => 'The XML declaration `<?xml … ?>` must be the very first thing in the file.'],
  [/^duplicate attribute: (.*)\.$/, (m) => `The attribute \`${m[1]}\` is given twice.`],
];

function describeSyntaxError(text: string, raw: string, offset: number, root: XmlElement | undefined): SyntaxError {
  const bare = raw.replace(/^\d+:\d+: /, '');
  let message = `Not well-formed XML: ${bare}`;
  for (const [re, plain] of PLAIN_MESSAGES) {
    const m = re.exec(bare);
    if (m) {
      message = plain(m);
      break;
    }
  }
  const unclosed = /^unclosed tag: (.*)$/.exec(bare);
  const open = unclosed && root ? findUnclosed(root, unclosed[1]) : undefined;
  return { message, span: open ? open.nameSpan : spanBefore(text, offset) };
}

/** The innermost element with that name and no end tag, where an "unclosed tag" error belongs. */
function findUnclosed(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    const found = findUnclosed(c, name);
    if (found) return found;
  }
  return el.name === name && !el.selfClosing && !el.closeNameSpan ? el : undefined;
}

/** The markup the parser had just read when it stopped: the whole tag if it stopped right after one. */
function spanBefore(text: string, offset: number): Span {
  const end = Math.min(Math.max(offset, 0), text.length);
  if (end === 0) return { start: 0, end: Math.min(1, text.length) };
  if (text[end - 1] === '>') {
    const lt = text.lastIndexOf('<', end - 1);
    if (lt >= 0) return { start: lt, end };
  }
  return { start: end - 1, end };
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

/** The text value of a leaf element. Text around any child elements counts; the children themselves do not. */
export function elementValue(text: string, el: XmlElement): ElementValue {
  const content = el.contentSpan;
  if (!content) return { value: '', span: el.nameSpan };
  let raw = '';
  let pos = content.start;
  for (const child of el.children) {
    raw += text.slice(pos, child.span.start);
    raw += ' '.repeat(child.span.end - child.span.start);
    pos = child.span.end;
  }
  raw += text.slice(pos, content.end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!trimmed) return { value: '', span: el.nameSpan };
  const start = content.start + lead;
  return { value: decode(trimmed).trim(), span: { start, end: start + trimmed.length } };
}
