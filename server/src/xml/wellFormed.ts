// Well-formedness, judged by saxes, a conformant XML parser, and told in plain words at the place it stopped.

import { SaxesParser } from 'saxes';
import { postOrder, type Span, type XmlDeclaration, type XmlElement, type XmlTree } from './xmlTree';

export interface SyntaxError {
  readonly message: string;
  readonly span: Span;
}

/** The first well-formedness error (XML parsers must stop at the first one), or `undefined`. */
export function checkWellFormed(text: string, tree: XmlTree): SyntaxError | undefined {
  const parser = new SaxesParser();
  let first: SyntaxError | undefined;
  parser.on('error', (err) => {
    // Only the first counts; describing each of thousands of later ones would cost a walk of the tree each.
    if (!first) first = describe(text, err.message, parser.position, tree);
  });
  try {
    parser.write(text).close();
  } catch {
    // saxes itself can trip over broken input (a lone surrogate inside a processing instruction, for one).
    first ??= describe(text, 'disallowed character.', parser.position, tree);
  }
  return first;
}

// The beginnings of the messages whose place is found from the tree or the text rather than the parser's position.
const UNEXPECTED_CLOSE = 'unexpected close tag';
const UNCLOSED = 'unclosed tag: ';
const BAD_REFERENCE = 'malformed character entity';
const BAD_VERSION = 'version number must match';

/** The parser's messages (after their position) that have plainer words, by how they begin; `rest` is what follows. */
const PLAIN_MESSAGES: readonly [string, (rest: string) => string][] = [
  [UNEXPECTED_CLOSE, () => 'This end tag does not match the element that is open here.'],
  ['unmatched closing tag: ', (rest) => `</${rest.slice(0, -1)}> closes an element that was never opened.`],
  [UNCLOSED, (rest) => `<${rest}> is never closed: add </${rest}>.`],
  ['documents may contain only one root', () => 'Only one root element is allowed: everything belongs inside <hs_config>.'],
  ['text data outside of root node', () => 'Text outside the root element is not allowed.'],
  ['document must contain a root element', () => 'The document has no root element: it should hold <hs_config>.'],
  ['disallowed character', () => 'This character is not allowed here in XML.'],
  [BAD_REFERENCE, () => 'This character reference names no character XML allows (the highest is &#x10FFFF;): write the character itself, in UTF-8.'],
  ['undefined entity', () => "Unknown entity: write &amp; for '&', &lt; for '<' and &gt; for '>'."],
  ['unquoted attribute value', () => 'Attribute values must be in quotes.'],
  ['an XML declaration must be at the start', () => 'The XML declaration <?xml … ?> must be the very first thing in the file.'],
  [BAD_VERSION, () => 'XML has only version 1.0 (1.x at most): write <?xml version="1.0" encoding="UTF-8"?>.'],
  ['duplicate attribute: ', (rest) => `The attribute '${rest.slice(0, -1)}' is given twice.`],
];

function describe(text: string, raw: string, offset: number, { declaration, root }: XmlTree): SyntaxError {
  const bare = raw.replace(/^\d+:\d+: /, '');
  const [start, plain] = PLAIN_MESSAGES.find(([begin]) => bare.startsWith(begin)) ?? [];
  const known = plain?.(bare.slice(start?.length));
  const open = start === UNCLOSED && root ? findUnclosed(root, bare.slice(start.length)) : undefined;
  const version = start === BAD_VERSION ? versionWritten(declaration) : undefined;
  const span = open?.nameSpan ?? version ?? (start === BAD_REFERENCE ? referenceBefore(text, offset) : spanBefore(text, offset));
  const pending = start === UNEXPECTED_CLOSE && root ? innermostUnclosed(root, span.start) : undefined;
  return {
    message: pending
      ? `${text.slice(span.start, span.end)} does not match the open element <${pending.name}>: close that with </${pending.name}> first.`
      : (known ?? `Not well-formed XML: ${bare.replace(/\.$/, '')}.`),
    span,
  };
}

/** The version the declaration gives, or its name when the value is empty. */
function versionWritten(declaration: XmlDeclaration | undefined): Span | undefined {
  const version = declaration?.attributes.find((a) => a.name === 'version');
  return version?.value ? version.valueSpan : version?.span;
}

/** The deepest element opened before `offset` that no end tag closed. */
function innermostUnclosed(root: XmlElement, offset: number): XmlElement | undefined {
  for (const el of postOrder(root, (child) => child.span.start < offset)) if (!el.closed && el.span.start < offset) return el;
  return undefined;
}

/** The innermost element with that name and no end tag, where an "unclosed tag" error belongs. */
function findUnclosed(root: XmlElement, name: string): XmlElement | undefined {
  for (const el of postOrder(root)) if (el.name === name && !el.closed) return el;
  return undefined;
}

/** The character reference (`&#…;`) that ends at the offset. */
function referenceBefore(text: string, offset: number): Span {
  const end = Math.min(Math.max(offset, 0), text.length);
  const amp = text.lastIndexOf('&', end - 1);
  return amp >= 0 && end - amp <= 64 ? { start: amp, end } : spanBefore(text, offset);
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
