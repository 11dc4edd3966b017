// Plain-text tables with aligned columns for the CLI's reports.

/** Rows of cells, each column padded to its widest cell; the last column is not padded. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length))).join('  ').trimEnd());
}

/** A cell that shows a change as `before → after`. */
export function changeCell(before: string, after: string): string {
  return before === after ? after : `${before} → ${after}`;
}
