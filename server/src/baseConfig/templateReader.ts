// Reads the vendor's DP75x configuration templates (text `Pnnn=value` with `#` comments, and XML v2 with `<!-- -->`
// comments) into catalogue entries: facts only. The templates are hand-written and inconsistent, so every reading is
// tolerant and everything it could not read, or read with a guess, becomes a note for the person who generates.

import { DOMParser } from '@xmldom/xmldom';
import { readMeanings } from './templateOptions';
import type { Interval, Option, PValueEntry, PValueType } from './types';

export interface TemplateNote {
  readonly line: number;
  readonly message: string;
}

export interface TemplateReading {
  readonly entries: PValueEntry[];
  /** v2 item names that no P-value could be paired with: known names, of unknown type. */
  readonly v2Only: string[];
  readonly notes: TemplateNote[];
  /** Each P-number's comment lines (text template, then v2), for checks of what a hand-written note relies on. */
  readonly comments: ReadonlyMap<number, readonly string[]>;
}

interface Comment {
  readonly text: string;
  readonly line: number;
  /** A `##Heading` without its closing `##`, inside a block: a label, used as the title only when nothing else is. */
  readonly sub?: boolean;
}

interface PLine {
  readonly p: number;
  readonly value: string;
  readonly commented: boolean;
  readonly line: number;
}

interface Block {
  readonly section: string;
  readonly comments: Comment[];
  readonly ps: PLine[];
}

const HEADING = /^##+\s*(.*?)\s*#*$/;
const P_LINE = /^(#?)\s*P(\d+)\s*(?:(=)\s*(.*?))?\s*$/;

/** Reads the text template; `v2` (the XML v2 template), when given, supplies the aliases. */
export function readTemplates(text: string, v2?: string): TemplateReading {
  const notes: TemplateNote[] = [];
  const blocks = textBlocks(text, notes);
  const entries: PValueEntry[] = [];
  const seen = new Map<number, { pl: PLine; index: number; title: string }>();
  const titles = new Map<PValueEntry, string>();
  const comments = new Map<number, string[]>();
  for (const block of blocks) {
    for (const pl of block.ps) {
      const first = seen.get(pl.p);
      if (first) {
        if (!first.pl.commented && !pl.commented) {
          const entry = entries[first.index];
          const again = interpret(block, pl, []);
          const same = nameKey(titleOf(block.comments)) === nameKey(first.title);
          const merged = same ? mergeMeanings(entry, again) : { ...entry, also: [...(entry.also ?? []), meaningOf(again)] };
          titles.set(merged, titles.get(entry) ?? '');
          entries[first.index] = merged;
          comments.get(pl.p)?.push(...block.comments.map((c) => c.text));
          notes.push({ line: pl.line, message: `P${pl.p} appears again (first on line ${first.pl.line}${first.pl.value === pl.value ? '' : `, with "${first.pl.value}" there and "${pl.value}" here`}); ${same ? 'the same description: its values and labels are merged into the first' : `as "${again.name}": kept as a second meaning`}` });
        }
        continue;
      }
      seen.set(pl.p, { pl, index: entries.length, title: titleOf(block.comments) });
      const entry = numberedSibling(interpret(block, pl, notes), titleOf(block.comments), entries, comments);
      titles.set(entry, normalTitle(titleOf(block.comments)));
      comments.set(pl.p, block.comments.map((c) => c.text));
      entries.push(entry);
    }
  }
  const v2Only = v2 === undefined ? [] : assignAliases(entries, titles, readV2Items(v2, notes), notes, comments);
  return { entries, v2Only, notes, comments };
}

/**
 * A block that only names its number (`#Choice 2.`, `#Ringtone for … Rule 2.`) after one that lists the values for
 * number 1 (`#Choice 1.` under the preferred vocoders, `… Rule 1.` with the ring tones): the same list, so the same
 * type and labels, named after the first when its own name says only the number.
 */
function numberedSibling(entry: PValueEntry, title: string, entries: readonly PValueEntry[], comments: ReadonlyMap<number, readonly string[]>): PValueEntry {
  const stem = numberStem(title);
  if (stem === undefined || entry.type.kind !== 'any') return entry;
  for (const before of entries.slice(-8).reverse()) {
    if (before.section !== entry.section || !before.options) continue;
    if (!(comments.get(before.p) ?? []).some((c) => numberStem(c) === stem)) continue;
    const base = before.name.replace(/, .*$/, '');
    // `Choice 3.` says only which one: it is named after the list (`Preferred Vocoder, choice 3`).
    const name = title.trim().split(/\s+/).length <= 2 ? `${base}, ${entry.name.toLowerCase()}` : entry.name;
    return { ...entry, name, type: before.type, options: before.options };
  }
  return entry;
}

/** `Choice 2.` → `choice`; a line not ending in a number → undefined. */
function numberStem(text: string): string | undefined {
  return /^(.*?)\s*\d+\.?$/.exec(text.trim())?.[1].toLowerCase();
}

/** The same P-value described twice (P27002 gains option 2 the second time): one type, every label. */
function mergeMeanings(first: PValueEntry, again: PValueEntry): PValueEntry {
  const type = first.type.kind === 'number' && again.type.kind === 'number' && first.type.intervals && again.type.intervals ? { kind: 'number' as const, intervals: unionIntervals(first.type.intervals, again.type.intervals) } : first.type;
  const options = withOptions(first.options, again.options);
  return { ...first, type, ...(options.length ? { options } : {}) };
}

function meaningOf(entry: PValueEntry): NonNullable<PValueEntry['also']>[number] {
  return { name: entry.name, type: entry.type, default: entry.default, ...(entry.options ? { options: entry.options } : {}) };
}

/** `first`'s labels, then those of values it does not label. */
function withOptions(first: readonly Option[] = [], more: readonly Option[] = []): Option[] {
  return [...first, ...more.filter(([v]) => !first.some(([w]) => w === v))];
}

function unionIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const all = [...a, ...b.filter(([lo, hi]) => !a.some(([l, h]) => l === lo && h === hi))];
  return all.every(([lo, hi]) => lo === hi) ? all.sort((x, y) => x[0] - y[0]) : all;
}

function textBlocks(text: string, notes: TemplateNote[]): Block[] {
  const blocks: Block[] = [];
  let section = '';
  let block: Block = { section, comments: [], ps: [] };
  const flush = () => {
    if (block.ps.length > 0) blocks.push(block);
    block = { section, comments: [], ps: [] };
  };
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    const lineNo = i + 1;
    if (line === '') return flush();
    const heading = HEADING.exec(line);
    if (heading && !line.endsWith('##') && heading[1] !== '') {
      flush();
      block.comments.push({ text: heading[1], line: lineNo, sub: true });
      return;
    }
    if (heading) {
      if (heading[1] !== '') {
        flush();
        section = heading[1];
        block = { section, comments: [], ps: [] };
      }
      return;
    }
    const p = P_LINE.exec(line);
    if (p) {
      if (!p[3]) notes.push({ line: lineNo, message: `P${p[2]} has no "=": read as an empty value` });
      else if (/\s=|=\s+\S/.test(line)) notes.push({ line: lineNo, message: `P${p[2]}: spaces around "="` });
      block.ps.push({ p: Number(p[2]), value: p[4] ?? '', commented: p[1] === '#', line: lineNo });
      return;
    }
    if (block.ps.length > 0) flush();
    if (!line.startsWith('#')) notes.push({ line: lineNo, message: `comment without "#": ${line.slice(0, 50)}` });
    block.comments.push({ text: line.replace(/^#+\s*/, ''), line: lineNo });
  });
  flush();
  return blocks;
}

const NUMBER_LINE = /^number(?:\s*:\s*(.*)|\s+(-?\d.*))?$/i;
/** `#0-59` on its own line: a range without the word "Number". */
const BARE_RANGE = /^(-?\d+\s*(?:-|to|~)\s*-?\d+)$/i;
const STRING_LINE = /^strings?\b(.*)$/i;
const ALIAS_LINE = /^alias\s*:\s*(\S+)/i;
/** `Mandatory Category: string Max Length: 9 …`: the web page's field rule, copied into the template. */
const CATEGORY_STRING = /\bcategory\s*:\s*string\b(.*)$/i;

function isFactLine(text: string): boolean {
  return NUMBER_LINE.test(text) || BARE_RANGE.test(text) || STRING_LINE.test(text) || ALIAS_LINE.test(text) || /^ip address$/i.test(text) || /^mandatory$/i.test(text) || isRebootLine(text);
}

function isRebootLine(text: string): boolean {
  return /^reboot require/i.test(text);
}

function titleOf(comments: readonly Comment[]): string {
  const descriptive = comments.filter((c) => !isFactLine(c.text));
  return (descriptive.find((c) => !c.sub) ?? descriptive[0])?.text ?? '';
}

function interpret(block: Block, pl: PLine, notes: TemplateNote[]): PValueEntry {
  const texts = block.comments.map((c) => c.text);
  const title = titleOf(block.comments);
  if (title === '') notes.push({ line: pl.line, message: `P${pl.p} has no description` });
  const alias = texts.map((t) => ALIAS_LINE.exec(t)?.[1]).find((a) => a !== undefined);
  const type = readType(block.comments, pl, notes);
  const options = readMeanings(texts.filter((t) => !ALIAS_LINE.test(t)));
  const typed = typeFromLabels(type, options, pl.value);
  if (typed !== type) notes.push({ line: pl.line, message: `P${pl.p}: values taken from the labels (${options.map(([v]) => v).join(', ')})` });
  const outside = typed.kind === 'number' && typed.intervals ? options.filter(([v]) => !typed.intervals?.some(([lo, hi]) => Number(v) >= lo && Number(v) <= hi)) : [];
  if (outside.length) notes.push({ line: pl.line, message: `P${pl.p}: labels for values its type leaves out (${outside.map(([v]) => v).join(', ')}); kept, the type is as stated` });
  return {
    p: pl.p,
    ...(alias ? { alias: cleanAlias(alias, pl, notes) } : {}),
    section: block.section,
    name: shortName(title),
    type: typed,
    mandatory: texts.some((t) => /^mandatory\b/i.test(t)),
    reboot: texts.some((t) => isRebootLine(t) || /\bneeds? reboot\b/i.test(t)),
    default: pl.value,
    ...(options.length ? { options } : {}),
    ...(pl.commented ? { commented: true } : {}),
  };
}

function cleanAlias(alias: string, pl: PLine, notes: TemplateNote[]): string {
  if (/^P[a-z]/.test(alias)) {
    notes.push({ line: pl.line, message: `P${pl.p}: alias "${alias}" read without its stray leading "P"` });
    return alias.slice(1);
  }
  return alias;
}

function readType(comments: readonly Comment[], pl: PLine, notes: TemplateNote[]): PValueType {
  const numberLines = comments.flatMap((c) => {
    const m = NUMBER_LINE.exec(c.text) ?? BARE_RANGE.exec(c.text);
    return m ? [{ spec: (m[1] ?? m[2] ?? '').trim(), line: c.line }] : [];
  });
  if (numberLines.length > 1) notes.push({ line: pl.line, message: `P${pl.p}: ${numberLines.length} "Number" lines; the first is used` });
  if (numberLines.length > 0) {
    const { spec, line } = numberLines[0];
    const intervals = readIntervals(spec);
    if (spec !== '' && !intervals) notes.push({ line, message: `P${pl.p}: could not read the numbers in "${spec.slice(0, 40)}"` });
    return intervals ? { kind: 'number', intervals } : { kind: 'number' };
  }
  const stringLine = comments.map((c) => STRING_LINE.exec(c.text)?.[1] ?? CATEGORY_STRING.exec(c.text)?.[1]).find((s) => s !== undefined);
  if (stringLine !== undefined) return readString(stringLine, comments.map((c) => c.text).join(' '));
  if (comments.some((c) => /^ip address$/i.test(c.text))) return { kind: 'string', format: 'ip' };
  return { kind: 'any' };
}

/**
 * A number without its values, or no type at all, takes the labelled values when every label names a number and the
 * template's own value is one of them (P27040 labels 1 - PB1 … but the text template writes `PB1`: left open).
 */
function typeFromLabels(type: PValueType, options: readonly Option[], value: string): PValueType {
  const open = (type.kind === 'number' && !type.intervals) || type.kind === 'any';
  if (!open || options.length === 0 || !options.every(([v]) => /^-?\d+$/.test(v))) return type;
  if (value !== '' && !options.some(([v]) => v === value)) return type;
  return { kind: 'number', intervals: options.map(([v]) => [Number(v), Number(v)] as Interval).sort((a, b) => a[0] - b[0]) };
}

/** `0,1` · `1 to 65535` · `0 - 9. Values …` · `0, 5-720;` · `162, 1025 ~ 65535` · `-12 to +14`. */
export function readIntervals(spec: string): Interval[] | undefined {
  const head = spec.replace(/\([^)]*\)/g, '').split(/\.\s|\.$/)[0];
  const intervals: Interval[] = [];
  for (const token of head.split(/[,;]/).map((t) => t.trim()).filter((t) => t !== '')) {
    const one = /^([+-]?\d+)$/.exec(token);
    const span = /^([+-]?\d+)\s*(?:to|-|~)\s*([+-]?\d+)$/i.exec(token);
    if (one) intervals.push([Number(one[1]), Number(one[1])]);
    else if (span) intervals.push([Number(span[1]), Number(span[2])]);
    else break;
  }
  return intervals.length > 0 ? intervals : undefined;
}

function readString(rest: string, all: string): PValueType {
  const max = /max(?:imum)?\s*(?:length)?\s*(?:is)?\s*:?\s*(\d+)/i.exec(rest) ?? /(\d+)\s*characters/i.exec(rest);
  const charset = /ascii values 33 and 126/i.test(all) ? 'printable' : /a-z,\s*A-Z,\s*0-9\s*$|0-9,\s*A-Z,\s*a-z/.test(rest) ? 'alnum' : undefined;
  const format = /email/i.test(rest) ? 'email' : /ipaddress/i.test(rest) ? 'ip' : /address/i.test(rest) ? 'address' : undefined;
  return { kind: 'string', ...(max ? { maxLength: Number(max[1]) } : {}), ...(charset ? { charset } : {}), ...(format ? { format } : {}) };
}

/** The title line as a label of a few words: up to its first full stop or comma or value label, `(default …)` dropped. */
export function shortName(title: string): string {
  // A list of values run on from the title (`Hold Target Before Refer 0 - No, 1 - Yes`) is not part of the name.
  const clause = title.replace(/\(default[^)]*\)/gi, '').split(/[.;,:](?:\s|$)|。|\?\s/)[0].replace(/\s+-?\d+\s*[-=]\s*[A-Za-z].*$/, '').trim().replace(/\s+/g, ' ');
  const words = clause.split(' ');
  // Nine words when the ninth is a number (`… matches Rule 2`): the number tells siblings apart.
  const keep = words.length === 9 && /^\d+$/.test(words[8]) ? 9 : 8;
  return words.length > keep ? `${words.slice(0, 8).join(' ')}…` : clause;
}

/** A title's name without what it says in brackets: `Book Type (Added option 2 - XSI)` is `Book Type`. */
function nameKey(title: string): string {
  return normalTitle(shortName(title.replace(/\([^)]*\)/g, '')));
}

function normalTitle(title: string): string {
  return title.replace(/\([^)]*\)/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

interface V2Item {
  readonly name: string;
  readonly title: string;
  readonly line: number;
  readonly comments: readonly string[];
  readonly value: string;
}

/** The v2 template through a DOM: each `<item>` with its block's comments (the first descriptive one its title). */
function readV2Items(xml: string, notes: TemplateNote[]): V2Item[] {
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && notes.push({ line: 0, message: `v2 template: ${message}` })) }).parseFromString(xml, 'text/xml');
  const config = doc.getElementsByTagName('config')[0];
  if (!config) {
    notes.push({ line: 0, message: 'v2 template: no <config> element; no aliases read' });
    return [];
  }
  const items: V2Item[] = [];
  let comments: string[] = [];
  for (let node = config.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.TEXT_NODE && ((node.nodeValue ?? '').match(/\r\n|\r|\n/g)?.length ?? 0) >= 2) comments = [];
    else if (node.nodeType === node.COMMENT_NODE) comments.push((node.nodeValue ?? '').trim());
    else if (node.nodeType === node.ELEMENT_NODE && node.nodeName === 'item') {
      const el = node as unknown as { getAttribute(n: string): string | null; lineNumber?: number };
      const name = el.getAttribute('name');
      if (name) items.push({ name, title: normalTitle(comments.find((c) => !isFactLine(c)) ?? ''), line: el.lineNumber ?? 0, comments, value: (node.textContent ?? '').trim() });
    }
  }
  return items;
}

/** Pairs v2 items with P-values by walking both templates in order and matching titles. */
function assignAliases(entries: PValueEntry[], titles: ReadonlyMap<PValueEntry, string>, items: readonly V2Item[], notes: TemplateNote[], comments: Map<number, string[]>): string[] {
  const unpaired: string[] = [];
  const open = entries.filter((e) => !e.commented);
  const taken = new Set<string>();
  const paired = new Set<PValueEntry>();
  let j = 0;
  for (const item of items) {
    if (item.title === '' || taken.has(item.name)) {
      notes.push({ line: item.line, message: `v2 item "${item.name}" ${item.title === '' ? 'has no description' : 'appears again'}; not paired` });
      continue;
    }
    const k = findTitle(open, (e) => !paired.has(e) && titles.get(e) === item.title, j);
    if (k < 0) {
      notes.push({ line: item.line, message: `v2 item "${item.name}": no P-value with its description nearby; left without a P-number` });
      unpaired.push(item.name);
      continue;
    }
    const entry = open[k];
    if (entry.alias && entry.alias !== item.name) notes.push({ line: item.line, message: `P${entry.p}: the text template says alias "${entry.alias}", the v2 template "${item.name}"; v2 is kept` });
    (entry as { alias?: string }).alias = item.name;
    addV2Facts(entry, item, notes);
    comments.get(entry.p)?.push(...item.comments);
    taken.add(item.name);
    paired.add(entry);
    j = k + 1;
  }
  const aliases = new Set(entries.map((e) => e.alias));
  return [...new Set(unpaired)].filter((name) => !aliases.has(name));
}

/** What the v2 item says beyond the text template: labels it alone gives, and a value that differs. */
function addV2Facts(entry: PValueEntry, item: V2Item, notes: TemplateNote[]): void {
  const mutable = entry as { options?: readonly Option[]; note?: string };
  const extra = readMeanings(item.comments).filter(([v]) => !entry.options?.some(([w]) => w === v));
  if (extra.length) {
    mutable.options = withOptions(entry.options, extra);
    notes.push({ line: item.line, message: `P${entry.p}: the v2 template also labels ${extra.map(([v]) => v).join(', ')}` });
  }
  // v2 writes numbers as `1.0`; that is the same value.
  const value = entry.type.kind === 'number' ? item.value.replace(/^([+-]?\d+)\.0+$/, '$1') : item.value;
  if (value === entry.default) return;
  const show = (v: string) => (v === '' ? 'empty' : `\`${v}\``);
  mutable.note = value === '' ? `The v2 template leaves ${item.name} empty; the text template sets ${show(entry.default)}.` : `The v2 template sets ${show(value)}, the text template ${show(entry.default)}.`;
}

function findTitle(open: readonly PValueEntry[], matches: (e: PValueEntry) => boolean, from: number): number {
  for (let k = Math.max(0, from - 5); k < Math.min(open.length, from + 40); k++) if (matches(open[k])) return k;
  return -1;
}
