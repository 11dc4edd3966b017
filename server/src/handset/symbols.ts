// Outline: the handset, each line as `user_id @ profile`, and the settings with their values.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { getElement } from './catalogue';
import { elementValue, type ParsedDocument, type Span, type XmlElement } from '../xml/parser';

/** Handset files nest four levels deep; the outline stops far below what JSON and a tree view can carry. */
export const MAX_OUTLINE_DEPTH = 100;

export function findDocumentSymbols(document: TextDocument, doc: ParsedDocument): DocumentSymbol[] {
  const range = (s: Span) => ({ start: document.positionAt(s.start), end: document.positionAt(s.end) });
  const valueOf = (el: XmlElement, child: string) => {
    const c = el.children.find((x) => x.name === child);
    return c ? elementValue(doc.text, c).value : undefined;
  };
  const symbol = (el: XmlElement): DocumentSymbol => {
    const spec = getElement(el.name);
    let name = el.name;
    let detail: string | undefined;
    let kind: SymbolKind = spec?.value ? SymbolKind.Property : SymbolKind.Namespace;
    if (el.name === 'hs_config') {
      name = `Handset ${valueOf(el, 'ipei') || '(no IPEI)'}`;
      detail = valueOf(el, 'hs_name');
      kind = SymbolKind.Module;
    } else if (el.name === 'line') {
      name = `${valueOf(el, 'user_id') || '?'} @ ${valueOf(el, 'profile_name') || '?'}`;
      detail = valueOf(el, 'display_name');
      kind = SymbolKind.Field;
    } else if (spec?.value) {
      detail = elementValue(doc.text, el).value;
    }
    return { name, detail, kind, range: range(el.span), selectionRange: range(el.nameSpan), children: [] };
  };
  if (!doc.root) return [];
  // Built without recursion, and only so deep: an answer nested deeper cannot be sent as JSON.
  const top = symbol(doc.root);
  const stack: { el: XmlElement; symbol: DocumentSymbol; depth: number }[] = [{ el: doc.root, symbol: top, depth: 0 }];
  for (let at = stack.pop(); at; at = stack.pop()) {
    if (getElement(at.el.name)?.value || at.el.children.length === 0) continue;
    if (at.depth >= MAX_OUTLINE_DEPTH) {
      at.symbol.detail = `elements nested deeper than ${MAX_OUTLINE_DEPTH} levels are not shown`;
      continue;
    }
    for (const child of at.el.children) {
      const s = symbol(child);
      (at.symbol.children as DocumentSymbol[]).push(s);
      stack.push({ el: child, symbol: s, depth: at.depth + 1 });
    }
  }
  return [top];
}
