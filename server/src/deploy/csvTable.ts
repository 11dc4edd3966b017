// Reading a handset list from CSV as spreadsheets write it: comma- or semicolon-separated (told apart by the header
// line), quoted cells that may hold separators, quotes and line breaks, and an optional UTF-8 byte-order mark.

import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly delimiter: ',' | ';';
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** The CSV cannot be read at all (an unclosed quote, no header). */
export class CsvError extends Error {}

export function readCsv(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  let records: string[][];
  try {
    // Rows whose cell count differs from the header's are kept here and reported one by one by the caller.
    records = parse(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    throw new CsvError(`The CSV cannot be read: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const [header, ...rest] = records;
  if (!header || header.every((h) => h.trim() === '')) throw new CsvError('The CSV has no header line naming its columns.');
  return { delimiter, header, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}

/** `;` when the header line has more semicolons than commas outside quotes, as European spreadsheets write. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** A row with nothing in any cell, as spreadsheets leave at the end of an export. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
