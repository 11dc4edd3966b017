// Row numbers in messages: `2, 3 and 7`.

/** Past `max` rows the rest is counted, not listed: a template's note may apply to thousands. */
export function listRows(rows: readonly number[], max = Infinity): string {
  if (rows.length > max) return `${rows.slice(0, max).join(', ')} and ${rows.length - max} more`;
  return rows.length === 1 ? String(rows[0]) : `${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}
