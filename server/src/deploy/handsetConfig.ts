// One handset's settings as data, before they become XML: what a CSV row or a template file says.

export interface HandsetConfig {
  /** Values of the elements outside <line>, by element name (`ipei`, `hs_name`, `force_apply`, `auto_answer`, …). */
  readonly values: Readonly<Record<string, string>>;
  /** Each line's fields by element name (`profile_name`, `user_id`, …), in line order. */
  readonly lines: readonly Readonly<Record<string, string>>[];
}

export const EMPTY_CONFIG: HandsetConfig = { values: {}, lines: [] };

/**
 * The row's values over the template's; the row's lines replace the template's whenever the row sets any line,
 * since a handset's lines are one list and mixing two lists would misnumber them.
 */
export function mergeOnTemplate(template: HandsetConfig, row: HandsetConfig): HandsetConfig {
  return {
    values: { ...template.values, ...row.values },
    lines: row.lines.length > 0 ? row.lines : template.lines,
  };
}
