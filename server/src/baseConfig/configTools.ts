// Convert and compare as the editor asks for them (and the CLI prints them): plain text in, what to show out, with
// a text that is not a base-station config refused by name.

import { isBaseConfigText } from '../../../shared/detect/language';
import type { CompareBaseConfigsResponse, ConvertBaseConfigResponse } from '../../../shared/protocol/protocol';
import type { ConfigShape } from '../../../shared/protocol/status';
import { diffConfigs, diffLines, isEmptyDiff, type ConfigDiff } from './configDiff';
import { convertConfig, shapeName } from './convert';
import { parseBaseConfig } from './parser';

const SHAPES: readonly ConfigShape[] = ['text', 'xml-v1', 'xml-v2'];

export const notAConfig = (name: string) => `${name} is not a base-station config (Pnnn=value lines, or XML with a <gs_provision> root).`;

/** The text in each shape it is not in, with what each leaves out. */
export function conversions(text: string, name = 'The file'): ConvertBaseConfigResponse {
  if (!isBaseConfigText(text)) return { problem: notAConfig(name) };
  const parsed = parseBaseConfig(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const others = SHAPES.filter((s) => s !== parsed.shape);
  return {
    from: parsed.shape,
    fromLabel: shapeName(parsed.shape),
    conversions: others.map((shape) => ({ shape, label: shapeName(shape), ...convertConfig(parsed, shape, eol) })),
  };
}

/** Two configs compared: the lists, and the report `hsconfig diff` prints. */
export function compareConfigs(a: { name: string; text: string }, b: { name: string; text: string }): { readonly problem: string } | { readonly diff: ConfigDiff; readonly same: boolean; readonly report: string } {
  for (const f of [a, b]) if (!isBaseConfigText(f.text)) return { problem: notAConfig(f.name) };
  const diff = diffConfigs(parseBaseConfig(a.text), parseBaseConfig(b.text));
  const same = isEmptyDiff(diff);
  const report = same ? `${a.name} and ${b.name} set the same values.` : [`--- ${a.name}`, `+++ ${b.name}`, ...diffLines(diff)].join('\n');
  return { diff, same, report };
}

/** The comparison as the editor's request answers it: the report and how many of each kind. */
export function comparison(a: { name: string; text: string }, b: { name: string; text: string }): CompareBaseConfigsResponse {
  const compared = compareConfigs(a, b);
  if ('problem' in compared) return compared;
  const { diff, same, report } = compared;
  return { same, report, changed: diff.changed.length, added: diff.added.length, removed: diff.removed.length };
}
