// The two commonest well-formedness slips, found at the character itself: a bare `&` (one that starts no entity or
// character reference, as in `R&D`) and a stray `<` in text (as in `a < b`). A conformant parser stumbles on them
// and reports something later (often "never closed" at the end of the file); here each is named where it stands,
// with the reference that writes it, and the text can be checked on as if it had been written so.

import type { Span } from './xmlTree';

export interface MarkupSlip {
  readonly span: Span;
  readonly message: string;
  /** What writes the character in XML: `&amp;` or `&lt;`. */
  readonly replacement: string;
}

/** At most this many are named: a file of thousands is one mistake made many times, and each costs a diagnostic. */
const MAX_SLIPS = 100;

const AMPERSAND = { message: '"&" must be written &amp; in XML: a bare & starts an entity reference such as &lt;.', replacement: '&amp;' };
const LESS_THAN = { message: '"<" must be written &lt; in XML: a bare < starts a tag.', replacement: '&lt;' };

/** Every bare `&` and stray `<`, in document order; `all` holds the offset of each, even past the first MAX_SLIPS. */
export function findMarkupSlips(text: string): { slips: MarkupSlip[]; all: number[] } {
  const all: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x26 /* & */) {
      const end = referenceEnd(text, i);
      if (end < 0) all.push(i);
      i = end < 0 ? i + 1 : end;
    } else if (c === 0x3c /* < */) i = markupEnd(text, i, all);
    else i++;
  }
  const slips = all.slice(0, MAX_SLIPS).map((at) => ({ span: { start: at, end: at + 1 }, ...(text.charCodeAt(at) === 0x26 ? AMPERSAND : LESS_THAN) }));
  return { slips, all };
}

/** The text with each slip's character made a space: the same length, so every later offset stays where it was. */
export function withoutSlips(text: string, offsets: readonly number[]): string {
  if (offsets.length === 0) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const at of offsets) {
    pieces.push(text.slice(from, at), ' ');
    from = at + 1;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
/** A name character as far as a reference goes; non-ASCII letters count too, so `&é;` is left to the parser. */
const isNameChar = (c: number) => isAsciiLetter(c) || isDigit(c) || c === 0x5f || c === 0x3a || c === 0x2e || c === 0x2d || c > 0x7f;

/** Past the `;` of the reference that starts at `amp` (`&name;`, `&#10;`, `&#xA;`); -1 when none starts there. */
function referenceEnd(text: string, amp: number): number {
  let i = amp + 1;
  if (text.charCodeAt(i) === 0x23 /* # */) {
    const hex = text.charCodeAt(i + 1) === 0x78; /* x */
    i += hex ? 2 : 1;
    const digits = i;
    while (i < text.length && (hex ? isHex : isDigit)(text.charCodeAt(i))) i++;
    return i > digits && text.charCodeAt(i) === 0x3b ? i + 1 : -1;
  }
  const c = text.charCodeAt(i);
  if (!(isAsciiLetter(c) || c === 0x5f || c === 0x3a || c > 0x7f)) return -1;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 0x3b /* ; */ ? i + 1 : -1;
}

/**
 * Past the markup that starts at `lt`: a comment, CDATA, a processing instruction or declaration are skipped whole; a
 * tag to its `>` (outside quotes), with any bare `&` in its attribute values noted. A `<` that starts none of these
 * (a space, a digit or `=` after it) is a stray one.
 */
function markupEnd(text: string, lt: number, all: number[]): number {
  if (text.startsWith('<!--', lt)) return skipPast(text, lt + 4, '-->');
  if (text.startsWith('<![CDATA[', lt)) return skipPast(text, lt + 9, ']]>');
  if (text.startsWith('<?', lt)) return skipPast(text, lt + 2, '?>');
  if (text.startsWith('<!', lt)) return skipPast(text, lt + 2, '>');
  const next = text.charCodeAt(lt + 1);
  if (!(isAsciiLetter(next) || next === 0x5f || next === 0x3a || next === 0x2f || next > 0x7f)) {
    all.push(lt);
    return lt + 1;
  }
  return tagEnd(text, lt + 1, all);
}

/** Past the tag's `>`, or at the next `<` outside quotes (a broken tag), noting bare `&`s in quoted values. */
function tagEnd(text: string, from: number, all: number[]): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 0x26 && referenceEnd(text, i) < 0) all.push(i);
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e /* > */) return i + 1;
    else if (c === 0x3c /* < */) return i;
  }
  return text.length;
}

function skipPast(text: string, from: number, terminator: string): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? text.length : end + terminator.length;
}
