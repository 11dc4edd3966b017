// Reads a base-station configuration file in any of its three shapes (text `Pnnn=value`, XML v1 `<P27762>`, XML v2
// `<item name="profile.1.name">`) into settings with the places they stand. The one reader of these files: the
// editor, the CLI and the base-station model import (baseStation/importConfig.ts) all read through it.
// XML goes through the tolerant scanner the handset language uses (xmlTree.ts), not a DOM: the editor needs every
// name's and value's place, and the vendor's own files are not always well-formed (see docs/architecture.md).

import { elementValue, parseDocument, type ParsedDocument, type Span, type XmlElement } from '../languageService/parser';
import { lookup } from './catalogue';
import type { PValueEntry } from './types';

export type ConfigShape = 'text' | 'xml-v1' | 'xml-v2';

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

export function isXmlText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

export function parseBaseConfig(text: string): BaseConfigDocument {
  return isXmlText(text) ? readXml(text) : readText(text);
}

const SETTING = /^(P\d+|[A-Za-z_][\w.]*\.[\w.]+)([ \t]*)=([ \t]*)(.*?)[ \t]*$/;
const BARE_P = /^P\d+$/;
const HEADING = /^##+\s*([^#].*?)\s*##+$/;

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
      const h = line.startsWith('##') && line.endsWith('##') ? HEADING.exec(line) : null;
      if (h) headings.push({ title: h[1], span });
      continue;
    }
    const s = SETTING.exec(line);
    if (s) {
      const key = s[1];
      const valueStart = start + s[1].length + s[2].length + 1 + s[3].length;
      settings.push({
        key,
        entry: lookup(key),
        keySpan: { start, end: start + key.length },
        value: s[4],
        valueSpan: { start: valueStart, end: valueStart + s[4].length },
        span,
        ...(s[2] || s[3] ? { spacedEquals: true } : {}),
      });
    } else malformed.push({ span, kind: BARE_P.test(line) ? 'no-equals' : 'not-a-setting', text: line });
  }
  return { text, shape: 'text', settings, malformed, headings };
}

/** Each line's bounds, without its end of line (`\r\n`, `\n` or `\r`). */
function* lines(text: string): Generator<Span> {
  let pos = 0;
  while (pos < text.length) {
    let end = pos;
    for (let c = text.charCodeAt(end); end < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++end));
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

const LONE_COMMENT = /[ \t]*<!--[ \t]*([^\r\n]*?)[ \t]*-->[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))/y;

/** A comment alone on its line with a blank line after it heads a section (`<!-- Profile 1/General Settings -->`). */
function xmlHeadings(text: string, config: XmlElement | undefined): Heading[] {
  if (!config?.contentSpan) return [];
  const { start, end } = config.contentSpan;
  const found: Heading[] = [];
  // Only comments are tried, each from the start of its line: a multiline regular expression run over the whole
  // text cost more than the rest of the reading.
  for (let at = text.indexOf('<!--', start); at >= 0 && at < end; ) {
    const line = lineStart(text, at);
    LONE_COMMENT.lastIndex = line;
    const m = line >= start ? LONE_COMMENT.exec(text) : null;
    if (!m) {
      at = text.indexOf('<!--', at + 4);
      continue;
    }
    if (/\//.test(m[1]) || /Settings$/.test(m[1])) found.push({ title: m[1], span: { start: at, end: at + m[0].trim().length } });
    at = text.indexOf('<!--', LONE_COMMENT.lastIndex);
  }
  return found;
}

/** Where the line holding `at` starts, if only spaces and tabs stand before `at` on it; otherwise -1. */
function lineStart(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i - 1); i > 0 && (c === 0x20 || c === 0x09); c = text.charCodeAt(--i - 1));
  const before = text.charCodeAt(i - 1);
  return i === 0 || before === 0x0a || before === 0x0d || before === 0x2028 || before === 0x2029 ? i : -1;
}
