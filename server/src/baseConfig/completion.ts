// Completion in base-station config files: P-numbers (text, XML v1) and item names (XML v2), found by number, alias
// or name words, documented with a second meaning and our note; and a value's choices with their meaning (of every
// meaning the template gives the P-number), the template's value first.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, TextEdit, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import { describeType, P_VALUES, slotOf } from './catalogue';
import { lineEnd, type BaseConfigDocument } from './parser';
import type { XmlElement } from '../xml/parser';
import { settingAt } from './hover';
import type { PValueEntry } from './types';

export function doBaseComplete(document: TextDocument, parsed: BaseConfigDocument, offset: number): CompletionList {
  const text = parsed.text;
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd(text, offset));
  const range = (start: number, end = offset) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  if (inComment(parsed, before, offset)) return list([]);
  const at = settingAt(parsed, offset);
  if (at?.onValue && at.setting.entry) return { isIncomplete: false, items: valueItems(at.setting.entry, range(at.setting.valueSpan.start)) };
  if (parsed.shape === 'text') {
    const key = /^\s*(P?\d*)$/i.exec(before);
    // The whole key the cursor stands in is replaced; a key that has its `=` already keeps it and its value.
    const rest = (key?.[1] === '' ? /^P?\d*/i : /^\d*/).exec(after)?.[0] ?? '';
    const equals = after.charAt(rest.length) === '=' ? '' : '=';
    if (key) return list(P_VALUES.map((e) => keyItem(e, `P${e.p}${equals}`, range(offset - key[1].length, offset + rest.length))));
  } else if (parsed.shape === 'xml-v2') {
    const name = /<item\s+name="([\w.]*)$/.exec(before);
    const rest = /^[\w.]*/.exec(after)?.[0] ?? '';
    if (name) return list(P_VALUES.filter((e) => e.alias).map((e) => keyItem(e, e.alias as string, range(offset - name[1].length, offset + rest.length), e.alias)));
    const open = /<(i?t?e?m?)$/.exec(before);
    // Inside the name of an element that has its tag already there is nothing to insert: <item> is the only name.
    if (open && !tagAt(parsed, offset)) return list(P_VALUES.filter((e) => e.alias).map((e) => ({ ...keyItem(e, `item name="${e.alias}">\${1:${e.default}}</item>`, range(offset - open[1].length), e.alias), insertTextFormat: InsertTextFormat.Snippet })));
  } else {
    const open = /<(P?\d*)$/i.exec(before);
    const tag = open && tagAt(parsed, offset);
    // An element already written gets its name replaced, in the end tag too; a new one gets the whole element.
    if (tag) return list(P_VALUES.map((e) => ({ ...keyItem(e, `P${e.p}`, range(tag.nameSpan.start, tag.nameSpan.end)), ...(tag.closeNameSpan && { additionalTextEdits: [TextEdit.replace(range(tag.closeNameSpan.start, tag.closeNameSpan.end), `P${e.p}`)] }) })));
    if (open) return list(P_VALUES.map((e) => ({ ...keyItem(e, `P${e.p}>\${1:${e.default}}</P${e.p}>`, range(offset - open[1].length)), insertTextFormat: InsertTextFormat.Snippet })));
  }
  return { isIncomplete: false, items: [] };
}

/** Inside a `#` comment line (text) or an XML comment: nothing is offered there. */
function inComment(parsed: BaseConfigDocument, before: string, offset: number): boolean {
  if (parsed.shape === 'text') return before.trimStart().startsWith('#');
  const open = parsed.text.lastIndexOf('<!--', offset - 4);
  if (open < 0) return false;
  const close = parsed.text.indexOf('-->', open + 4);
  return close < 0 || close + 3 > offset;
}

/** The element whose start-tag name holds the offset, when that tag is complete (it has its `>`). */
function tagAt(parsed: BaseConfigDocument, offset: number): XmlElement | undefined {
  for (const el of parsed.config?.children ?? []) {
    if (el.nameSpan.start <= offset && offset <= el.nameSpan.end) return el.contentSpan || el.selfClosing ? el : undefined;
  }
  return undefined;
}

const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });

function keyItem(e: PValueEntry, insert: string, range: Range, label?: string): CompletionItem {
  const shown = label ?? `P${e.p}`;
  const slot = slotOf(e);
  const name = slot ? `${e.name} (${slot.kind} ${slot.index}${slot.line ? ` line ${slot.line}` : ''})` : e.name;
  return {
    label: shown,
    labelDetails: { description: name },
    kind: CompletionItemKind.Property,
    detail: `P${e.p} — ${name}${e.alias && !label ? ` · ${e.alias}` : ''}`,
    documentation: [`${e.section} · ${describeType(e.type)}`, ...(e.also ?? []).map((m) => `Also documented as ${m.name}: ${describeType(m.type)}`), ...(e.note ? [e.note] : [])].join('\n'),
    filterText: `${shown} P${e.p} ${e.alias ?? ''} ${name}`,
    textEdit: { range, newText: insert },
  };
}

function valueItems(e: PValueEntry, range: Range): CompletionItem[] {
  const options = e.options ?? [];
  const items: CompletionItem[] = options.map(([value, label], i) => ({
    label: value,
    labelDetails: { description: label },
    kind: CompletionItemKind.EnumMember,
    detail: `${value} — ${label}${value === e.default ? ' (template value)' : ''}`,
    sortText: value === e.default ? '0' : `1${String(i).padStart(3, '0')}`,
    textEdit: { range, newText: value },
  }));
  if (!options.some(([v]) => v === e.default) && e.default !== '') items.unshift({ label: e.default, kind: CompletionItemKind.Value, detail: 'the template value', sortText: '0', textEdit: { range, newText: e.default } });
  // A second meaning's labelled values and template value, after the first meaning's.
  for (const m of e.also ?? []) {
    const more: [string, string][] = [...(m.options ?? []).map(([v, l]): [string, string] => [v, `${l} (as ${m.name})`]), ...(m.default === '' ? [] : [[m.default, `the template value as ${m.name}`] as [string, string]])];
    for (const [value, label] of more) {
      if (items.some((item) => item.label === value)) continue;
      items.push({ label: value, labelDetails: { description: label }, kind: CompletionItemKind.Value, detail: `${value} — ${label}`, sortText: `2${String(items.length).padStart(3, '0')}`, textEdit: { range, newText: value } });
    }
  }
  return items;
}
