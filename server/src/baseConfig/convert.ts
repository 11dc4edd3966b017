// Converts a base-station config between its three shapes (text, XML v1, XML v2): every setting keeps its P-value
// and its value, comments that stand alone come along, and what a shape cannot hold (a P-value with no v2 name, a
// value with a line break in text) is listed, never dropped silently.

import type { ConfigShape } from '../../../shared/protocol/status';
import { escapeText } from '../xml/xmlText';
import type { BaseConfigDocument, Setting } from './parser';

export interface LeftOut {
  /** As written in the source: `P2333`, or a v2 name. */
  readonly key: string;
  readonly value: string;
  /** Why the target shape cannot hold it, in a few words. */
  readonly reason: string;
}

export interface Conversion {
  readonly text: string;
  /** Settings the target shape cannot hold, in the source's order. */
  readonly leftOut: readonly LeftOut[];
  /** How many settings were written. */
  readonly written: number;
}

/** One line of the output before it is dressed for its shape: a setting, a comment, or a blank line. */
type Piece = { readonly key: string; readonly value: string } | { readonly comment: string } | 'blank';

const SHAPE_NAMES: Record<ConfigShape, string> = { text: 'text', 'xml-v1': 'XML v1', 'xml-v2': 'XML v2' };

export function shapeName(shape: ConfigShape): string {
  return SHAPE_NAMES[shape];
}

/** The document in another shape. `eol` is the line end written (the source's, as a rule). */
export function convertConfig(doc: BaseConfigDocument, to: ConfigShape, eol = '\n'): Conversion {
  const pieces: Piece[] = [];
  const leftOut: LeftOut[] = [];
  for (const item of inOrder(doc)) {
    if (item === 'blank' || !('key' in item)) {
      pieces.push(item);
      continue;
    }
    const key = keyIn(item, to);
    const reason = key === undefined ? noKeyReason(item, to) : to === 'text' && /[\r\n]/.test(item.value) ? 'its value holds a line break, which a text line cannot' : undefined;
    if (key === undefined || reason !== undefined) leftOut.push({ key: item.key, value: item.value, reason: reason ?? '' });
    else pieces.push({ key, value: item.value });
  }
  const written = pieces.filter((p) => p !== 'blank' && 'key' in p).length;
  const lines = to === 'text' ? textLines(pieces) : xmlLines(pieces, to);
  return { text: lines.join(eol) + eol, leftOut, written };
}

/** The key a setting has in a shape: its P-number in text and v1, its v2 name in v2; unknown keys stay as written where they fit. */
function keyIn(setting: Setting, to: ConfigShape): string | undefined {
  const entry = setting.entry;
  if (to === 'xml-v2') return entry ? entry.alias : /^[Pp]\d+$/.test(setting.key) ? undefined : setting.key;
  if (entry) return `P${entry.p}`;
  return /^[Pp]\d+$/.test(setting.key) ? `P${setting.key.slice(1)}` : undefined;
}

function noKeyReason(setting: Setting, to: ConfigShape): string {
  if (to === 'xml-v2') return setting.entry ? 'the vendor gives this P-value no v2 name' : 'an unknown P-number has no v2 name';
  return 'an unknown v2 name has no P-number';
}

type SourceItem = Setting | { readonly comment: string } | 'blank';

/** Settings, standalone comments (a line each) and blank lines (a run of them as one) in the source's order. */
function inOrder(doc: BaseConfigDocument): SourceItem[] {
  const comments = doc.shape === 'text' ? textComments(doc.text) : xmlComments(doc);
  const all = [...doc.settings.map((s) => ({ at: s.span.start, end: s.span.end, item: s as Setting | Comment })), ...comments.map((c) => ({ at: c.at, end: c.end, item: c }))];
  all.sort((a, b) => a.at - b.at);
  const out: SourceItem[] = [];
  let previousEnd: number | undefined;
  for (const { at, end, item } of all) {
    if (previousEnd !== undefined && /\n[ \t]*\r?\n|\r[ \t]*\r/.test(doc.text.slice(previousEnd, at))) out.push('blank');
    if ('lines' in item) out.push(...item.lines.map((comment) => ({ comment })));
    else out.push(item);
    previousEnd = end;
  }
  return out;
}

interface Comment {
  readonly at: number;
  readonly end: number;
  readonly lines: readonly string[];
}

/** `#` lines of a text config, without their `#`. */
function textComments(text: string): Comment[] {
  const out: Comment[] = [];
  const pattern = /^[ \t]*#(.*)$/gm;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push({ at: m.index, end: m.index + m[0].length, lines: [m[1].replace(/\r$/, '').trim()] });
  return out;
}

/** Comments inside the XML `<config>` that stand between its elements, with the lines of their text. */
function xmlComments(doc: BaseConfigDocument): Comment[] {
  const content = doc.config?.contentSpan;
  if (!content) return [];
  const elements = doc.config?.children.map((c) => c.span) ?? [];
  const out: Comment[] = [];
  for (let at = doc.text.indexOf('<!--', content.start); at >= 0 && at < content.end; at = doc.text.indexOf('<!--', at + 4)) {
    const close = doc.text.indexOf('-->', at + 4);
    if (close < 0 || close > content.end) break;
    if (elements.some((s) => at >= s.start && at < s.end)) continue;
    const lines = doc.text.slice(at + 4, close).split(/\r\n|\r|\n/).map((l) => l.trim());
    while (lines.length > 1 && lines[0] === '') lines.shift();
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    out.push({ at, end: close + 3, lines });
    at = close;
  }
  return out;
}

function textLines(pieces: readonly Piece[]): string[] {
  return pieces.map((p) => (p === 'blank' ? '' : 'comment' in p ? (p.comment === '' || p.comment.startsWith('#') ? `#${p.comment}` : `# ${p.comment}`) : `${p.key}=${p.value}`));
}

function xmlLines(pieces: readonly Piece[], to: 'xml-v1' | 'xml-v2'): string[] {
  const indent = '    ';
  const body = pieces.map((p) => {
    if (p === 'blank') return '';
    // `--` may not stand inside an XML comment.
    if ('comment' in p) return `${indent}<!-- ${p.comment.replace(/--/g, '- -')} -->`;
    const value = escapeText(p.value);
    return to === 'xml-v2' ? `${indent}<item name="${escapeAttribute(p.key)}">${value}</item>` : `${indent}<${p.key}>${value}</${p.key}>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<gs_provision version="1">', `  <config version="${to === 'xml-v2' ? 2 : 1}">`, ...body, '  </config>', '</gs_provision>'];
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
