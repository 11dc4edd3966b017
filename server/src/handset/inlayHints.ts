// Inlay hints: the meaning of a numeric value whose number alone says little (key mappings, levels, ringtones).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { getElement } from './catalogue';
import { elementValue, type ParsedDocument } from '../xml/parser';
import { preOrder } from '../xml/xmlTree';

export function getInlayHints(document: TextDocument, doc: ParsedDocument, range: Range): InlayHint[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const { el } of doc.root ? preOrder(doc.root) : []) {
    if (el.span.end < from || el.span.start > to) continue;
    const v = getElement(el.name)?.value;
    // 0/1 switches read plainly enough; hints are for longer numeric scales.
    if (v?.kind === 'choice' && v.numeric && v.choices.length > 2) {
      const { value, span } = elementValue(doc.text, el);
      const choice = v.choices.find((c) => c.value === value);
      if (choice) hints.push({ position: document.positionAt(span.end), label: choice.label, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: choice.detail });
    }
  }
  return hints;
}
