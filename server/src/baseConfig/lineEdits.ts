// Edits by whole lines for the quick fixes of base-station configs: delete a line, put a line above or below one,
// in the file's own line ending and indentation.

import type { Span } from '../xml/parser';
import type { SpanEdit } from './diagnosticCollector';
import { afterLineBreak, lineEnd, lineStart } from './parser';
import type { PValueEntry } from './types';
import type { ConfigShape } from '../../../shared/protocol/status';

/** The file's line ending: the first one it uses (`\n` for a file of one line). */
export function eolOf(text: string): string {
  const at = lineEnd(text, 0);
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) !== 10 ? '\r' : text.startsWith('\r\n', at) ? '\r\n' : '\n';
}

/** The spaces and tabs before `span` on its line, when nothing else stands there; else none. */
function indentOf(text: string, span: Span): string {
  const start = lineStart(text, span.start);
  return start < 0 ? '' : text.slice(start, span.start);
}

/** Deletes what `span` holds: its whole line with the line break when it stands alone on it, else just the span. */
export function deleteLine(text: string, span: Span): SpanEdit {
  const start = lineStart(text, span.start);
  let end = span.end;
  while (text.charCodeAt(end) === 0x20 || text.charCodeAt(end) === 0x09) end++;
  const next = afterLineBreak(text, end);
  if (start < 0 || (next < 0 && end < text.length)) return { span, text: '' };
  return { span: { start, end: next < 0 ? end : next }, text: '' };
}

/** Puts `line` on a line of its own above the line of `span`, indented as it is. */
export function lineAbove(text: string, span: Span, line: string): SpanEdit {
  const start = lineStart(text, span.start);
  const at = start < 0 ? span.start : start;
  return { span: { start: at, end: at }, text: `${indentOf(text, span)}${line}${eolOf(text)}` };
}

/** Puts `line` on a line of its own below `span` (a setting), indented as it is. */
export function lineBelow(text: string, span: Span, line: string): SpanEdit {
  return { span: { start: span.end, end: span.end }, text: `${eolOf(text)}${indentOf(text, span)}${line}` };
}

/** A setting as a file of this shape writes it: `P145=0`, `<P145>0</P145>` or `<item name="…">0</item>`. */
export function settingText(shape: ConfigShape, entry: PValueEntry, value: string): string | undefined {
  if (shape === 'text') return `P${entry.p}=${value}`;
  if (shape === 'xml-v1') return `<P${entry.p}>${value}</P${entry.p}>`;
  return entry.alias ? `<item name="${entry.alias}">${value}</item>` : undefined;
}
