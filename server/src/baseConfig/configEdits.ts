// Edits that set P-values in a base-station config of any shape: the last setting of a P-value gets the new value
// where it stands (the one the base station ends with), and one the file does not set is added after its settings
// as a line (text) or an element (XML v1, v2) indented as the settings before it. Values are escaped for XML.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit } from 'vscode-languageserver-types';
import { escapeText } from '../xml/xmlText';
import { lookup } from './catalogue';
import type { BaseConfigDocument, Setting } from './parser';

export interface PValueToSet {
  readonly p: number;
  readonly value: string;
}

/** The edits, or undefined when the file has no place for a setting (XML with no `<config>`) or v2 has no name for one. */
export function setValuesEdits(document: TextDocument, parsed: BaseConfigDocument, values: readonly PValueToSet[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const { p, value } of values) {
    const last = lastSetting(parsed, p);
    const written = parsed.shape === 'text' ? value : escapeText(value);
    if (last) edits.push(TextEdit.replace(range(document, last.valueSpan.start, last.valueSpan.end), written));
    else {
      const line = newSetting(parsed, p, written);
      if (line === undefined) return undefined;
      added.push(line);
    }
  }
  if (added.length === 0) return edits;
  const insert = insertion(document, parsed, added);
  return insert ? [...edits, insert] : undefined;
}

function lastSetting(parsed: BaseConfigDocument, p: number): Setting | undefined {
  for (let i = parsed.settings.length - 1; i >= 0; i--) if (parsed.settings[i].entry?.p === p) return parsed.settings[i];
  return undefined;
}

function newSetting(parsed: BaseConfigDocument, p: number, written: string): string | undefined {
  if (parsed.shape === 'text') return `P${p}=${written}`;
  if (parsed.shape === 'xml-v1') return `<P${p}>${written}</P${p}>`;
  const alias = lookup(`P${p}`)?.alias;
  return alias === undefined ? undefined : `<item name="${alias}">${written}</item>`;
}

/** New lines after the last setting (text: at the end of the file; XML: before `</config>`). */
function insertion(document: TextDocument, parsed: BaseConfigDocument, lines: readonly string[]): TextEdit | undefined {
  const text = parsed.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (parsed.shape === 'text') {
    const lead = text === '' || /[\r\n]$/.test(text) ? '' : eol;
    return TextEdit.insert(document.positionAt(text.length), `${lead}${lines.join(eol)}${eol}`);
  }
  const content = parsed.config?.contentSpan;
  if (!content) return undefined;
  const last = parsed.settings[parsed.settings.length - 1];
  const indent = last ? indentOf(text, last.span.start) : `${indentOf(text, parsed.config!.span.start)}  `;
  const closeLine = lineStartBefore(text, content.end);
  // `</config>` alone on its line: the new elements go on lines of their own above it; else right before it.
  if (closeLine !== undefined) return TextEdit.insert(document.positionAt(closeLine), lines.map((l) => `${indent}${l}${eol}`).join(''));
  return TextEdit.insert(document.positionAt(content.end), lines.join(''));
}

/** The spaces and tabs that start the line holding `at`. */
function indentOf(text: string, at: number): string {
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return /^[ \t]*/.exec(text.slice(start, at))![0];
}

/** Where the line holding `at` starts, when only spaces and tabs stand before `at` on it. */
function lineStartBefore(text: string, at: number): number | undefined {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' ? i : undefined;
}

const range = (document: TextDocument, start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
