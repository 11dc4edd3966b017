// The columns a handset list may have, all taken from the catalogue: `ipei`, `hs_name`, every setting by its own
// name (the catalogue says where it goes), and `lineN.<field>` for each field of a <line>, N from 1 to MAX_LINES.

import { allElements, childrenOf, getElement, MAX_LINES } from '../handset/catalogue';
import { closest } from '../handset/suggest';

export type Column =
  /** A value outside <line>: `ipei`, `hs_name`, `force_apply`, `auto_answer`, … */
  | { readonly kind: 'value'; readonly element: string }
  /** A field of one line; `line` counts from 0. */
  | { readonly kind: 'line'; readonly line: number; readonly element: string }
  /** A column without a name (a trailing separator); its cells are not read. */
  | { readonly kind: 'unnamed' };

export interface ColumnPlan {
  readonly columns: readonly Column[];
  /** Why the header cannot be used, one message per bad column; empty when it can. */
  readonly problems: readonly string[];
}

const LINE_FIELDS = childrenOf('line').map((e) => e.name);
const VALUE_NAMES = allElements()
  .filter((e) => e.value !== undefined && e.parent !== 'line')
  .map((e) => e.name);
const ALL_NAMES = [...VALUE_NAMES, ...LINE_FIELDS.map((f) => `line1.${f}`)];
const LINE_COLUMN = /^line(\d+)\.(.*)$/;

export function planColumns(header: readonly string[]): ColumnPlan {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const columns = header.map((raw, i): Column => {
    const name = raw.trim().toLowerCase();
    if (!name) return { kind: 'unnamed' };
    const earlier = seen.get(name);
    if (earlier !== undefined) problems.push(`Column ${i + 1} repeats the column "${name}" (column ${earlier}).`);
    seen.set(name, i + 1);
    const column = readColumn(name);
    if (typeof column === 'string') problems.push(column);
    return typeof column === 'string' ? { kind: 'unnamed' } : column;
  });
  if (!seen.has('ipei')) problems.push('The CSV has no "ipei" column: each row needs the IPEI of its handset.');
  return { columns, problems };
}

/** The column a header name stands for, or why it stands for none. */
function readColumn(name: string): Column | string {
  const line = LINE_COLUMN.exec(name);
  if (line) return readLineColumn(name, Number(line[1]), line[2]);
  if (VALUE_NAMES.includes(name)) return { kind: 'value', element: name };
  if (LINE_FIELDS.includes(name)) return `Unknown column "${name}": it is a field of a line, so name the line, as in "line1.${name}".`;
  if (getElement(name)) return `Unknown column "${name}": <${name}> groups other settings; give each setting its own column.`;
  return unknown(name, closest(name, ALL_NAMES));
}

function readLineColumn(name: string, line: number, field: string): Column | string {
  if (line < 1 || line > MAX_LINES) {
    return `Unknown column "${name}": a handset has at most ${MAX_LINES} lines, numbered line1 to line${MAX_LINES}.`;
  }
  if (LINE_FIELDS.includes(field)) return { kind: 'line', line: line - 1, element: field };
  const suggestion = closest(field, LINE_FIELDS);
  return unknown(name, suggestion && `line${line}.${suggestion}`, `a line takes ${LINE_FIELDS.join(', ')}`);
}

function unknown(name: string, suggestion: string | undefined, otherwise?: string): string {
  if (suggestion) return `Unknown column "${name}": did you mean "${suggestion}"?`;
  return `Unknown column "${name}": ${otherwise ?? 'no handset setting has this name'}.`;
}
