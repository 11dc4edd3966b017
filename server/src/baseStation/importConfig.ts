// Reads a base-station configuration file into the model, in any of its three shapes: text `Pnnn=value` lines,
// XML v1 (`<config version="1"><P27762>…`) or XML v2 (`<config version="2"><item name="profile.1.name">…`).
// Values the model does not use are passed over; values it uses but cannot read become notes.

import { elementValue, type XmlElement } from '../languageService/parser';
import { checkWellFormed } from '../languageService/wellFormed';
import { buildTree } from '../languageService/xmlTree';
import { configField } from './configFields';
import { factoryDefault, type BaseStation, type ModelName } from './model';

export type ConfigShape = 'text' | 'xml-v1' | 'xml-v2';

export interface ImportNote {
  /** 1-based line of the file. */
  readonly line: number;
  readonly message: string;
}

export interface ImportResult {
  readonly shape: ConfigShape;
  readonly model: BaseStation;
  /** How many values the model took from the file. */
  readonly used: number;
  readonly notes: readonly ImportNote[];
}

export class ImportError extends Error {}

interface Entry {
  readonly key: string;
  readonly value: string;
  readonly offset: number;
}

/** Imports a configuration file; throws an ImportError when the text is none of the three shapes. */
export function importConfig(text: string, options: { model?: ModelName } = {}): ImportResult {
  const body = text.replace(/^\uFEFF/, '');
  const { shape, entries, notes } = body.trimStart().startsWith('<') ? readXml(body) : readText(body);
  const model = factoryDefault(options.model);
  let used = 0;
  const lineOf = lineCounter(body);
  for (const e of entries) {
    const field = configField(e.key);
    if (!field) continue;
    const problem = field.apply(model, e.value);
    if (problem) notes.push({ line: lineOf(e.offset), message: `${e.key}: ${problem}; the factory value is kept` });
    else used++;
  }
  if (used === 0) throw new ImportError(`No base-station value that the model uses was found in this ${describeShape(shape)} file.`);
  notes.sort((a, b) => a.line - b.line);
  return { shape, model, used, notes: notes.map((n) => ({ line: n.line, message: n.message })) };
}

export function describeShape(shape: ConfigShape): string {
  return { text: 'text (Pnnn=value)', 'xml-v1': 'XML v1', 'xml-v2': 'XML v2' }[shape];
}

interface Read {
  shape: ConfigShape;
  entries: Entry[];
  notes: { line: number; message: string }[];
}

const P_LINE = /^(P\d+)\s*=(.*)$/;

function readText(text: string): Read {
  const entries: Entry[] = [];
  const notes: Read['notes'] = [];
  let offset = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    const at = offset;
    offset += raw.length + 1;
    if (line === '' || line.startsWith('#')) return;
    const m = P_LINE.exec(line);
    if (m) entries.push({ key: m[1], value: m[2].trim(), offset: at });
    else notes.push({ line: i + 1, message: `not a Pnnn=value line nor a # comment; ignored: ${line.slice(0, 60)}` });
  });
  return { shape: 'text', entries, notes };
}

function readXml(text: string): Read {
  const root = buildTree(text).root; // tolerant: the vendor's own files are not always well-formed
  const config = root?.name === 'config' ? root : root?.name === 'gs_provision' ? root.children.find((c) => c.name === 'config') : undefined;
  if (!config) {
    throw new ImportError(`Not a base-station configuration file: expected <gs_provision><config version="1|2">, found <${root?.name ?? 'nothing'}>.`);
  }
  const version = config.attributes.find((a) => a.name === 'version')?.value;
  const items = config.children.filter((c) => c.name === 'item');
  const shape: ConfigShape = version === '2' || (version === undefined && items.length > 0) ? 'xml-v2' : 'xml-v1';
  const entries = shape === 'xml-v2' ? items.flatMap((item) => itemEntry(text, item)) : config.children.map((el) => ({ key: el.name, value: elementValue(text, el).value, offset: el.span.start }));
  const broken = checkWellFormed(text, root);
  const notes = broken ? [{ line: text.slice(0, broken.span.start).split('\n').length, message: `not well-formed XML (${broken.message}); read as far as it goes` }] : [];
  return { shape, entries, notes };
}

function itemEntry(text: string, item: XmlElement): Entry[] {
  const name = item.attributes.find((a) => a.name === 'name')?.value;
  return name ? [{ key: name, value: elementValue(text, item).value, offset: item.span.start }] : [];
}

function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
