// Reads a base-station configuration file into the model, in any of its three shapes: text `Pnnn=value` lines,
// XML v1 (`<config version="1"><P27762>…`) or XML v2 (`<config version="2"><item name="profile.1.name">…`).
// Values the model does not use are passed over; values it uses but cannot read become notes. The file is read by
// the base-station config language's reader (baseConfig/parser.ts), so the model and the editor agree on it.

import { lookup, PROFILE_NAME_PS } from '../baseConfig/catalogue';
import { profileNameProblem } from '../domain/profileName';
import { parseBaseConfig } from '../baseConfig/parser';
import type { ConfigShape } from '../../../shared/protocol/status';
import { configField } from './configFields';
import { cloneBaseStation, factoryDefault, type BaseStation, type ModelName } from '../../../shared/baseStation/model';

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

/**
 * Imports a configuration file over a factory-fresh base station, or over `base` (a site's state: the config's values
 * win); throws an ImportError when the text is none of the three shapes.
 */
export function importConfig(text: string, options: { model?: ModelName; base?: BaseStation } = {}): ImportResult {
  const body = text.replace(/^\uFEFF/, '');
  const { shape, entries, notes } = read(body);
  const model = options.base ? cloneBaseStation(options.base) : factoryDefault(options.model);
  let used = 0;
  const lineOf = lineCounter(body);
  for (const e of entries) {
    const field = configField(e.key);
    if (!field) continue;
    const entry = lookup(e.key);
    // A profile name follows the one rule every writer checks; an empty one keeps the current name, as before.
    const badName = entry && PROFILE_NAME_PS.includes(entry.p) && e.value !== '' ? profileNameProblem(e.value) : undefined;
    const problem = badName ? badName.message.replace(/\.$/, '') : field.apply(model, e.value);
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
  // The base station rejects such a file whole, as the config check says: importing what it never takes would drift.
  const broken = parsed.xml?.syntaxError;
  if (broken) throw new ImportError(`Not well-formed XML at line ${lineOf(broken.span.start)}: ${broken.message.replace(/^Not well-formed XML: /, '')} The base station rejects the whole file, so nothing was imported.`);
  return { shape: parsed.shape, entries, notes };
}

/** Line numbers from 1, with lines ended by CR LF, LF or a lone CR (old Mac files: every note said line 1). */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
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
