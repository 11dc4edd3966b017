// Hover on a P-value's key or value: what the template says about it (facts: name, section, type, default, alias,
// flags, what its values mean, a second meaning, our note) and which profile, account or handset slot it configures.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { describeType, optionLabel, slotOf, TEMPLATE_SOURCE } from './catalogue';
import type { BaseConfigDocument, Setting } from './parser';
import { countStartingBefore } from './settingOrder';
import type { Option, PValueEntry } from './types';

export function settingAt(parsed: BaseConfigDocument, offset: number): { setting: Setting; onValue: boolean } | undefined {
  // Only the last setting that starts at or before the offset can hold it, or the one before (whose value may end
  // where the next begins): a keystroke's completion and hover need not walk every setting of a large config.
  const settings = parsed.settings;
  const low = countStartingBefore(settings, offset + 1);
  for (const setting of settings.slice(Math.max(0, low - 2), low)) {
    if (setting.keySpan.start <= offset && offset <= setting.keySpan.end) return { setting, onValue: false };
    if (setting.valueSpan.start <= offset && offset <= setting.valueSpan.end) return { setting, onValue: true };
  }
  return undefined;
}

export function doBaseHover(document: TextDocument, parsed: BaseConfigDocument, offset: number): Hover | null {
  const at = settingAt(parsed, offset);
  if (!at?.setting.entry) return null;
  const { setting, onValue } = at;
  const entry = setting.entry as PValueEntry;
  const span = onValue ? setting.valueSpan : setting.keySpan;
  const meaning = onValue ? optionLabel(entry, setting.value.replace(/\.0+$/, '')) : undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value: (meaning ? [`\`${setting.value}\` — ${meaning}`, '', '---', ''] : []).concat(describeEntry(entry)).join('\n') },
    range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
  };
}

/** The documentation of a P-value, as Markdown lines; `hsconfig explain` prints the same. */
export function describeEntry(entry: PValueEntry): string[] {
  const slot = slotOf(entry);
  const lines = [
    `**P${entry.p} — ${entry.name}**${entry.alias ? ` · v2 \`${entry.alias}\`` : ''}`,
    '',
    `- Section: ${entry.section}`,
    `- Type: ${describeType(entry.type)}`,
    `- Template value: ${entry.default === '' ? '(empty)' : `\`${entry.default}\``}`,
  ];
  if (entry.options) lines.push(...valueLines(entry.options, ''));
  for (const m of entry.also ?? []) {
    lines.push(`- Also documented as **${m.name}**: ${describeType(m.type)}; template value ${m.default === '' ? '(empty)' : `\`${m.default}\``}`);
    if (m.options) lines.push(...valueLines(m.options, '  '));
  }
  if (slot) lines.push(`- Configures ${slot.kind} ${slot.index}${slot.line ? `, line ${slot.line}` : ''}`);
  if (entry.mandatory) lines.push('- Must not be empty');
  if (entry.reboot) lines.push('- Takes effect after a reboot');
  if (entry.commented) lines.push('- Commented out in the template');
  if (entry.note) lines.push(`- Note: ${entry.note}`);
  lines.push('', `_From the DP75x config template, firmware ${TEMPLATE_SOURCE.firmware}._`);
  return lines;
}

/** `- Values: …`, a few on one line; a long list (time zones, ring tones, accounts) one value a line. */
function valueLines(options: readonly Option[], indent: string): string[] {
  const item = ([v, l]: Option) => `\`${v}\` ${l}`;
  if (options.length <= 6) return [`${indent}- Values: ${options.map(item).join(', ')}`];
  return [`${indent}- Values:`, ...options.map((o) => `${indent}  - ${item(o)}`)];
}
