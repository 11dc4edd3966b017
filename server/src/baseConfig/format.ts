// Formatting a base-station config: XML configs as the handset files are (xml/format.ts); a text config one
// `Pnnn=value` per line, with no indent and no spaces around `=`, comments kept, white space trimmed from comment and
// blank lines. A value is never touched: not its trailing spaces (the checks name those), not a lower-case `p`.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit, type FormattingOptions, type Range } from 'vscode-languageserver-types';
import { format as formatXml } from '../xml/format';
import { lineEnd, settingLine, type BaseConfigDocument } from './parser';

export function formatBaseConfig(document: TextDocument, parsed: BaseConfigDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  if (parsed.shape !== 'text') return parsed.xml ? formatXml(document, parsed.xml, options, range) : [];
  if (parsed.text !== document.getText()) return []; // too large to be read (baseConfigService.ts)
  const first = range ? range.start.line : 0;
  const last = range ? range.end.line : document.lineCount - 1;
  const edits: TextEdit[] = [];
  for (let line = first; line <= last && line < document.lineCount; line++) {
    const start = document.offsetAt({ line, character: 0 });
    const end = lineEnd(parsed.text, start);
    const raw = parsed.text.slice(start, end);
    const formatted = formatLine(raw);
    if (formatted !== raw) edits.push(TextEdit.replace({ start: document.positionAt(start), end: document.positionAt(end) }, formatted));
  }
  return edits;
}

/** One line formatted: a setting without indent or spaces around `=`, a comment or blank line without white space at its ends. */
export function formatLine(raw: string): string {
  const line = raw.replace(/^[ \t]+/, '');
  if (line === '' || line.startsWith('#')) return line.trimEnd();
  const setting = settingLine(line);
  return setting ? `${setting.key}=${setting.value}` : line;
}
