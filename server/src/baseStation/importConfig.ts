// Reads a base-station configuration file into the model, in any of its three shapes: text `Pnnn=value` lines,
// XML v1 (`<config version="1"><P27762>…`) or XML v2 (`<config version="2"><item name="profile.1.name">…`).
// Values the model does not use are passed over; values it uses but cannot read become notes. The file is read by
// the base-station config language's reader (baseConfig/parser.ts), so the model and the editor agree on it.

import { parseBaseConfig, type ConfigShape } from '../baseConfig/parser';
import { configField } from './configFields';
import { factoryDefault, type BaseStation, type ModelName } from './model';

export type { ConfigShape };

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
  const { shape, entries, notes } = read(body);
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

function read(text: string): Read {
  const parsed = parseBaseConfig(text);
  const lineOf = lineCounter(text);
  if (parsed.shape !== 'text' && !parsed.config) {
    throw new ImportError(`Not a base-station configuration file: expected <gs_provision><config version="1|2">, found <${parsed.xml?.root?.name ?? 'nothing'}>.`);
  }
  const notes = parsed.malformed.map((m) => ({ line: lineOf(m.span.start), message: `not a Pnnn=value line nor a # comment; ignored: ${m.text.slice(0, 60)}` }));
  const entries: Entry[] = [];
  for (const s of parsed.settings) {
    if (parsed.shape === 'text' && !/^P\d+$/.test(s.key)) notes.push({ line: lineOf(s.span.start), message: `text files take P-numbers; ignored: ${s.key}` });
    else entries.push({ key: s.key, value: s.value, offset: s.span.start });
  }
  const broken = parsed.xml?.syntaxError;
  if (broken) notes.push({ line: lineOf(broken.span.start), message: `not well-formed XML (${broken.message}); read as far as it goes` });
  return { shape: parsed.shape, entries, notes };
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
