// What Generate from CSV says, in words that name what they are about: the files it would replace, and why rows
// were skipped (the reasons stood only behind a button). Pure, so plain-Node tests load it.

const NAMED = 3;

/** `ipei_02c332b510.xml exists already. Replace it?`, or the first names and how many more. */
export function replaceQuestion(names: readonly string[]): string {
  if (names.length === 1) return `${names[0]} exists already. Replace it?`;
  const shown = names.slice(0, NAMED).join(', ');
  const more = names.length > NAMED ? ` and ${names.length - NAMED} more` : '';
  return `${names.length} files exist already (${shown}${more}). Replace them?`;
}

export interface SkippedRow {
  readonly row: number;
  readonly reasons: readonly string[];
}

/** `; 2 rows skipped (row 3: …; row 5: …)`, the first reasons in the message itself; '' when none was skipped. */
export function skippedWords(rows: readonly SkippedRow[]): string {
  if (rows.length === 0) return '';
  const first = rows.slice(0, 2).map((r) => `row ${r.row}: ${r.reasons[0] ?? 'skipped'}`.replace(/\.$/, ''));
  const more = rows.length > 2 ? `; ${rows.length - 2} more in the log` : '';
  return `; ${rows.length} row${rows.length === 1 ? '' : 's'} skipped (${first.join('; ')}${more})`;
}
