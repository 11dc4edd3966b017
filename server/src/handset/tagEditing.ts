// Editing a tag as one: the start and end tag names for linked editing and highlights, and the end tag to insert when
// a start tag's `>` (or an end tag's `</`) is typed, the way VS Code's HTML support does it.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlightKind, type DocumentHighlight, type Position, type Range } from 'vscode-languageserver-types';
import { elementAt } from './cursor';
import type { ParsedDocument, Span, XmlElement } from '../xml/parser';

/** LSP's LinkedEditingRanges (its type lives in the protocol package, not the types one). */
export interface LinkedEditingRanges {
  readonly ranges: Range[];
  readonly wordPattern?: string;
}

/** What a tag name may be; VS Code stops linked editing when an edit leaves it. */
const TAG_NAME_PATTERN = '[A-Za-z_:][\\w.:-]*';

/** The start and end tag names of the element whose name the position is on, when it has both. */
function matchingTagNames(document: TextDocument, doc: ParsedDocument, position: Position): Range[] | undefined {
  const offset = document.offsetAt(position);
  const el = elementOfTagName(doc.root, offset);
  if (!el?.closeNameSpan) return undefined;
  const range = (s: Span) => ({ start: document.positionAt(s.start), end: document.positionAt(s.end) });
  return [range(el.nameSpan), range(el.closeNameSpan)];
}

function elementOfTagName(root: XmlElement | undefined, offset: number): XmlElement | undefined {
  const on = (s: Span | undefined) => s !== undefined && s.start <= offset && offset <= s.end;
  for (let el = elementAt(root, offset); el; el = el.parent) {
    if (on(el.nameSpan) || on(el.closeNameSpan)) return el;
  }
  return undefined;
}

export function getLinkedEditingRanges(document: TextDocument, doc: ParsedDocument, position: Position): LinkedEditingRanges | null {
  const ranges = matchingTagNames(document, doc, position);
  return ranges ? { ranges, wordPattern: TAG_NAME_PATTERN } : null;
}

export function findDocumentHighlights(document: TextDocument, doc: ParsedDocument, position: Position): DocumentHighlight[] {
  return (matchingTagNames(document, doc, position) ?? []).map((range) => ({ range, kind: DocumentHighlightKind.Read }));
}

/**
 * The snippet to insert at `position` right after a `>` or `</` was typed: `$0</name>` after the `>` of a start tag
 * whose element has no end tag, `name>` after a `</` inside such an element; null otherwise.
 */
export function doTagComplete(document: TextDocument, doc: ParsedDocument, position: Position): string | null {
  const offset = document.offsetAt(position);
  const text = doc.text;
  if (offset < 2 || insideCommentOrCdata(text, offset)) return null;
  if (text.charAt(offset - 1) === '>') {
    const el = elementAt(doc.root, offset);
    const justOpened = el && !el.selfClosing && !el.closed && el.contentSpan?.start === offset;
    return justOpened ? `$0</${el.name}>` : null;
  }
  if (text.slice(offset - 2, offset) === '</') {
    let el = elementAt(doc.root, offset - 2);
    // Typed inside a tag (an attribute value, say), not between elements: nothing to close.
    if (!el?.contentSpan || el.contentSpan.start > offset - 2) return null;
    while (el?.closed) el = el.parent;
    if (!el || /^\s*[\w.:-]*>/.test(text.slice(offset))) return null;
    return `${el.name}>`;
  }
  return null;
}

function insideCommentOrCdata(text: string, offset: number): boolean {
  const inside = (start: string, end: string) => {
    const at = text.lastIndexOf(start, offset - 1);
    if (at < 0) return false;
    const close = text.indexOf(end, at + start.length);
    return close < 0 || close + end.length > offset;
  };
  return inside('<!--', '-->') || inside('<![CDATA[', ']]>');
}
