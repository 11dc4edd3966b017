// Reads a base-station configuration file in any of its three shapes (text `Pnnn=value`, XML v1 `<P27762>`, XML v2
// `<item name="profile.1.name">`) into settings with the places they stand. The one reader of these files: the
// editor, the CLI and the base-station model import (baseStation/importConfig.ts) all read through it.
// XML goes through the tolerant scanner the handset language uses (xmlTree.ts), not a DOM: the editor needs every
// name's and value's place, and the vendor's own files are not always well-formed (see docs/architecture.md).

import { elementValue, parseDocument, type ParsedDocument, type Span, type XmlElement } from '../xml/parser';
import { lookup } from './catalogue';
import type { PValueEntry } from './types';
import type { ConfigShape } from '../../../shared/protocol/status';
import { isXmlConfigText } from '../../../shared/detect/baseConfigText';


export interface Setting {
  /** As written: `P27762`, or a v2 item name. */
  readonly key: string;
  readonly entry?: PValueEntry;
  readonly keySpan: Span;
  readonly value: string;
  /** Where the value stands; an empty span right after `=` (or inside the element) when the value is empty. */
  readonly valueSpan: Span;
  /** The whole line or element. */
  readonly span: Span;
  /** Text lines only: `P1 = 2` has spaces around its `=`. */
  readonly spacedEquals?: boolean;
  /** Text lines only: the spaces and tabs after a non-empty value, which the base station keeps as part of it. */
  readonly trailing?: Span;
}

/** A text line that is neither a setting nor a comment, or a P-number without `=`. */
export interface MalformedLine {
  readonly span: Span;
  readonly kind: 'not-a-setting' | 'no-equals';
  readonly text: string;
}

export interface Heading {
  readonly title: string;
  readonly span: Span;
}

export interface BaseConfigDocument {
  readonly text: string;
  readonly shape: ConfigShape;
  readonly settings: readonly Setting[];
  readonly malformed: readonly MalformedLine[];
  /** Text files: `##  Section  ##` headings; XML: one-line comments that stand alone, as the v2 template's do. */
  readonly headings: readonly Heading[];
  /** XML only. */
  readonly xml?: ParsedDocument;
  /** XML only: the `<config>` element the settings were read from. */
  readonly config?: XmlElement;
}

export function parseBaseConfig(text: string): BaseConfigDocument {
  return isXmlConfigText(text) ? readXml(text) : readText(text);
}

// Every pattern here runs on a user's line of any length, so none may backtrack more than linearly (the lint rule
// regexp/no-super-linear-backtracking holds them to it). The line is trimmed already: its trailing spaces are kept apart (Setting.trailing).
// A lower-case p is read as a key too, so that the check can name the slip (the base station wants a capital P).
const SETTING_KEY = /^([Pp]\d+|[A-Za-z_][\w.]*)([ \t]*)=/;
const BARE_P = /^[Pp]\d+$/;

export interface SettingLine {
  readonly key: string;
  /** The spaces and tabs before and after the `=`. */
  readonly before: string;
  readonly after: string;
  readonly value: string;
}

/**
 * `P27762=x`, or a v2 name (`profile.1.name`: a dot after the first character and before the last), then `=` and
 * the value. A line holding U+2028 or U+2029 is none: an editor shows it as two lines.
 */
export function settingLine(line: string): SettingLine | undefined {
  const s = SETTING_KEY.exec(line);
  if (!s || !(BARE_P.test(s[1]) || s[1].slice(1, -1).includes('.'))) return undefined;
  const rest = line.slice(s[0].length);
  if (/[\u2028\u2029]/.test(rest)) return undefined;
  const value = rest.replace(/^[ \t]+/, '');
  return { key: s[1], before: s[2], after: rest.slice(0, rest.length - value.length), value };
}

/** `##  Section  ##`: the title between two runs of at least two `#`, trimmed; none when it is empty or starts with `#`. */
function headingTitle(line: string): string | undefined {
  let from = 0;
  while (line.charCodeAt(from) === 0x23) from++;
  let to = line.length;
  while (to > from && line.charCodeAt(to - 1) === 0x23) to--;
  const title = line.slice(from, to).trim();
  return from >= 2 && line.length - to >= 2 && title !== '' && !title.startsWith('#') ? title : undefined;
}

function readText(text: string): BaseConfigDocument {
  const settings: Setting[] = [];
  const malformed: MalformedLine[] = [];
  const headings: Heading[] = [];
  for (const { start: lineStart, end: lineEnd } of lines(text)) {
    const raw = text.slice(lineStart, lineEnd);
    const line = raw.trim();
    if (line === '') continue;
    const start = lineStart + raw.indexOf(line.charAt(0));
    const span = { start, end: start + line.length };
    if (line.charCodeAt(0) === 0x23 /* # */) {
      const title = headingTitle(line);
      if (title !== undefined) headings.push({ title, span });
      continue;
    }
    const s = settingLine(line);
    if (s) {
      const { key, value } = s;
      const valueStart = start + key.length + s.before.length + 1 + s.after.length;
      settings.push({
        key,
        entry: lookup(key),
        keySpan: { start, end: start + key.length },
        value,
        valueSpan: { start: valueStart, end: valueStart + value.length },
        span,
        ...(s.before || s.after ? { spacedEquals: true } : {}),
        ...(value !== '' && span.end < lineEnd ? { trailing: { start: span.end, end: lineEnd } } : {}),
      });
    } else malformed.push({ span, kind: BARE_P.test(line) ? 'no-equals' : 'not-a-setting', text: line });
  }
  return { text, shape: 'text', settings, malformed, headings };
}

/** Each line's bounds, without its end of line (`\r\n`, `\n` or `\r`). */
function* lines(text: string): Generator<Span> {
  let pos = 0;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    yield { start: pos, end };
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

function readXml(text: string): BaseConfigDocument {
  const xml = parseDocument(text);
  const root = xml.root;
  const config = root?.name === 'config' ? root : root?.name === 'gs_provision' ? root.children.find((c) => c.name === 'config') : undefined;
  const version = config?.attributes.find((a) => a.name === 'version')?.value;
  const items = config?.children.filter((c) => c.name === 'item') ?? [];
  const shape: ConfigShape = version === '2' || (version === undefined && items.length > 0) ? 'xml-v2' : 'xml-v1';
  const settings: Setting[] = [];
  for (const el of config?.children ?? []) {
    const setting = shape === 'xml-v2' ? itemSetting(text, el) : elementSetting(text, el);
    if (setting) settings.push(setting);
  }
  return { text, shape, settings, malformed: [], headings: xmlHeadings(text, config), xml, config };
}

function elementSetting(text: string, el: XmlElement): Setting | undefined {
  if (el.name === 'item') return undefined;
  const { value, span } = elementValue(text, el);
  return { key: el.name, entry: lookup(el.name), keySpan: el.nameSpan, value, valueSpan: valuePlace(el, value, span), span: el.span };
}

function itemSetting(text: string, el: XmlElement): Setting | undefined {
  if (el.name !== 'item') return undefined;
  const name = el.attributes.find((a) => a.name === 'name');
  if (name?.value === undefined || !name.valueSpan) return undefined;
  const { value, span } = elementValue(text, el);
  return { key: name.value, entry: lookup(name.value), keySpan: name.valueSpan, value, valueSpan: valuePlace(el, value, span), span: el.span };
}

/** An empty value's place is the empty content (`<P1></P1>`), or the element's name when it has none. */
function valuePlace(el: XmlElement, value: string, span: Span): Span {
  if (value !== '') return span;
  return el.contentSpan ? { start: el.contentSpan.start, end: el.contentSpan.start } : el.nameSpan;
}

/** A comment alone on its line with a blank line after it heads a section (`<!-- Profile 1/General Settings -->`). */
function xmlHeadings(text: string, config: XmlElement | undefined): Heading[] {
  if (!config?.contentSpan) return [];
  const { start, end } = config.contentSpan;
  const found: Heading[] = [];
  // Only comments are tried, each read by hand from its line: a regular expression for the whole shape backtracked
  // cubically on a long line of spaces, and one run over the whole text cost more than the rest of the reading.
  for (let at = text.indexOf('<!--', start); at >= 0 && at < end; ) {
    const lone = lineStart(text, at) >= start ? loneComment(text, at) : undefined;
    if (!lone) {
      at = text.indexOf('<!--', at + 4);
      continue;
    }
    if (lone.title.includes('/') || lone.title.endsWith('Settings')) found.push({ title: lone.title, span: { start: at, end: lone.end } });
    at = text.indexOf('<!--', lone.next);
  }
  return found;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * The comment at `at` when it ends its line (only spaces and tabs after its `-->`) and a blank line follows: its
 * title (trimmed of spaces and tabs), where it ends, and where the text after the blank line starts.
 */
function loneComment(text: string, at: number): { title: string; end: number; next: number } | undefined {
  const eol = lineEnd(text, at);
  let close = eol;
  while (close > at && isBlank(text.charCodeAt(close - 1))) close--;
  if (close - 3 < at + 4 || !text.startsWith('-->', close - 3)) return undefined;
  let blank = afterLineBreak(text, eol);
  if (blank < 0) return undefined;
  while (isBlank(text.charCodeAt(blank))) blank++;
  const next = afterLineBreak(text, blank);
  if (next < 0) return undefined;
  const title = text.slice(at + 4, close - 3).replace(/^[ \t]+/, '');
  let titleEnd = title.length;
  while (titleEnd > 0 && isBlank(title.charCodeAt(titleEnd - 1))) titleEnd--;
  return { title: title.slice(0, titleEnd), end: close, next };
}

/** Where the line holding `at` ends: its first `\r` or `\n`, or the end of the text. */
export function lineEnd(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); i < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++i));
  return i;
}

/** Past the line break (`\r\n`, `\r` or `\n`) at `at`; -1 when none stands there. */
export function afterLineBreak(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 13) return text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  return c === 10 ? at + 1 : -1;
}

/** Where the line holding `at` starts, if only spaces and tabs stand before `at` on it; otherwise -1. */
export function lineStart(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i - 1); i > 0 && (c === 0x20 || c === 0x09); c = text.charCodeAt(--i - 1));
  const before = text.charCodeAt(i - 1);
  return i === 0 || before === 0x0a || before === 0x0d || before === 0x2028 || before === 0x2029 ? i : -1;
}
